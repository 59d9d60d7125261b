"""Free-text limits are enforced in app/ for the GUI and the CLI alike, with a message that
says how long the text is and what the limit is; the GUI field states the limit."""

from __future__ import annotations

import pytest

from app.collaborators.registry import Collaborator, create
from app.errors import ValidationError
from app.office import save_unit
from app.opinions.handling import add_agency
from app.validate import PERSON_NAME_MAX, UNIT_NAME_MAX, limit_hint


@pytest.mark.parametrize("save, limit", [
    (lambda ctx, text: create(ctx, Collaborator(full_name=text)), PERSON_NAME_MAX),
    (lambda ctx, text: save_unit(ctx, f"X{len(text)}", text, "commune"), UNIT_NAME_MAX),
    (lambda ctx, text: add_agency(ctx, text), UNIT_NAME_MAX),
])
def test_too_long_names_are_refused_and_the_limit_itself_is_accepted(empty_ctx, save, limit):
    with pytest.raises(ValidationError) as refused:
        save(empty_ctx, "A" * (limit + 1))
    assert f"dài {limit + 1} ký tự, quá giới hạn {limit} ký tự" in refused.value.message
    save(empty_ctx, "B" * limit)


def test_the_form_fields_state_their_limit(qtbot, empty_ctx):
    from ui.pages.catalog import Page
    from ui.tasks import TaskRunner

    page = Page(empty_ctx, TaskRunner(synchronous=True))
    qtbot.addWidget(page)
    assert page.communes.name.placeholderText() == limit_hint(UNIT_NAME_MAX) == "tối đa 120 ký tự"
