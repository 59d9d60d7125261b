"""Topic suggestions respect the field the clerk chose: an item about night patrols filed under
"Quốc phòng – an ninh" is not silently offered the land-compensation topic of "Kinh tế"; a
topic of another field is shown only with a warning that its field differs."""

import pytest

from app.analytics.suggest import suggest
from tests.analytics.entry_form import type_summary

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

PATROL = "Người dân đề nghị tăng cường tuần tra ban đêm vì trộm cắp vặt"
PATROL_TYPED = "Nguoi dan de nghi tang cuong tuan tra ban dem vi trom cap vat"   # keys carry no accents


def test_same_field_topics_first_others_marked(demo_ctx):
    free = suggest(demo_ctx, PATROL, 3)
    assert free and not any(s.field_differs for s in free)
    chosen = suggest(demo_ctx, PATROL, 3, field="defense_security")
    assert all(s.field_differs == (s.field != "defense_security") for s in chosen)
    assert [s.field_differs for s in chosen] == sorted(s.field_differs for s in chosen)   # same field first
    economy = suggest(demo_ctx, PATROL, 3, field="economy")
    assert economy[0].field == "economy" and not economy[0].field_differs


def test_entry_form_warns_when_the_suggested_topic_is_of_another_field(qtbot, entry_dialog):
    form = entry_dialog.form
    bar = form.suggestion
    form.fields_["field"].set_code("defense_security")
    type_summary(qtbot, form, PATROL_TYPED)
    # The demo has no topic of that field: the best one is shown, but says its field differs.
    assert bar.current.field == "economy" and bar.current.field_differs
    assert "Bồi thường" in bar.text() and "thuộc lĩnh vực Kinh tế, khác lĩnh vực đã chọn" in bar.text()
