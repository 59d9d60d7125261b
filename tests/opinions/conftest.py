import pytest

from tests.opinions.fixtures import make_office


@pytest.fixture
def office(tmp_path):
    ctx = make_office(tmp_path / "office.db")
    yield ctx
    ctx.close()
