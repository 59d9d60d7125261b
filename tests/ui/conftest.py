"""test_keyboard_flows.py types into the opinions tests' small office (the GUI-thread guards
are in tests/off_gui_thread.py, for every folder)."""

from tests.opinions.conftest import office, opinions_office_template  # noqa: F401
