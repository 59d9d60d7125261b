import pytest

from app.office import open_ctx
from tests.conftest import build_template, copy_of
from tests.opinions.fixtures import PASSPHRASE, make_office


@pytest.fixture(scope="session")
def opinions_office_template(tmp_path_factory):
    return build_template(tmp_path_factory, "opinions-office", make_office)


@pytest.fixture
def office(opinions_office_template, tmp_path):
    """A copy of make_office's office, built once per test process."""
    ctx = open_ctx(copy_of(opinions_office_template, tmp_path / "office.db"), PASSPHRASE)
    yield ctx
    ctx.close()
