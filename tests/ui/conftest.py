"""test_keyboard_flows.py types into the opinions tests' small office."""

from tests.opinions.conftest import office, opinions_office_template  # noqa: F401
