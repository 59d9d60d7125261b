from tests.opinions.conftest import office  # noqa: F401
