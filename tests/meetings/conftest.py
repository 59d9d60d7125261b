from tests.opinions.conftest import office, opinions_office_template  # noqa: F401
