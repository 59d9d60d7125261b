"""Views of the province page (timeliness, items, enrolment from a folder)."""
