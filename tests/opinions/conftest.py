import pytest

from tests.conftest import build_template, opened_copy
from tests.opinions.fixtures import PASSPHRASE, make_office


@pytest.fixture(scope="session")
def opinions_office_template(tmp_path_factory):
    return build_template(tmp_path_factory, "opinions-office", make_office)


@pytest.fixture
def office(opinions_office_template, tmp_path):
    """A copy of make_office's office, built once per test process."""
    with opened_copy(opinions_office_template, tmp_path / "office.db", PASSPHRASE) as ctx:
        yield ctx
