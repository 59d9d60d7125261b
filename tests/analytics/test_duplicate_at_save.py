"""A likely double entry (same collaborator, near-identical text) is caught at save in the entry
form: Esc goes back with nothing saved, "Vẫn lưu riêng" saves a second item, "Gộp vào ý kiến đã
có" folds the text into the earlier item through the audited write path. Keyboard only."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from app.analytics import similar
from app.opinions import items
from app.text import fold
from ui.opinion.duplicate_dialog import DuplicateDialog
from ui.opinion.entry import EntryDialog
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def answer(qtbot, keys, seen):
    """Press `keys` in the duplicate question as soon as it is up (it runs its own event loop);
    a question the keys did not close is closed after 3 s and recorded, so the test fails, not hangs."""
    def press():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DuplicateDialog):
            QTimer.singleShot(20, press)
            return
        seen.append(dialog)
        for k in keys:
            qtbot.keyClick(dialog.focusWidget() or dialog, k)
        QTimer.singleShot(3000, dialog, lambda: dialog.isVisible() and (seen.append("stuck"), dialog.reject()))
    QTimer.singleShot(0, press)


def count(ctx, sql, args=()):
    return ctx.db.execute(sql, list(args)).fetchone()[0]


def test_duplicate_question_back_separate_and_merge(qtbot, demo_ctx):
    earlier_id, summary, person = demo_ctx.db.execute(
        "SELECT o.id, o.summary, o.collaborator_id FROM opinions o JOIN collaborators c ON c.id = o.collaborator_id "
        "WHERE c.status = 'active' AND o.summary NOT GLOB '*[0-9]*' ORDER BY o.received_on DESC LIMIT 1").fetchone()
    dialog = EntryDialog(demo_ctx, collaborator_id=person, tasks=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    form = dialog.form
    assert form.fields_["collaborator"].code() == person
    form.fields_["field"].set_code("economy")
    form.fields_["tendency"].set_code("concern")
    form.summary.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.summary)
    retyped = fold(summary).rstrip(".") + " nua"      # typed again, without accents as many clerks do
    qtbot.keyClicks(form.summary, retyped)
    total = count(demo_ctx, "SELECT count(*) FROM opinions")

    seen: list = []
    answer(qtbot, [Qt.Key.Key_Escape], seen)                  # Esc: back to the form
    qtbot.keyClick(form.summary, Qt.Key.Key_Return)
    assert seen and "Gộp vào ý kiến đã có" in seen[0].merge_button.text().replace("&", "")
    assert "Vẫn lưu riêng" in seen[0].separate_button.text().replace("&", "")
    assert count(demo_ctx, "SELECT count(*) FROM opinions") == total
    assert form.summary.text() == retyped and "Chưa lưu" in form.status.text()

    answer(qtbot, [Qt.Key.Key_Return], seen)                  # Enter: the default, merge
    qtbot.keyClick(form.summary, Qt.Key.Key_Return)
    assert len(seen) == 2 and count(demo_ctx, "SELECT count(*) FROM opinions") == total
    merged = items.get(demo_ctx, earlier_id)
    assert merged.summary.startswith(summary) and merged.summary.endswith(retyped)
    assert count(demo_ctx, "SELECT count(*) FROM audit_log WHERE action = 'merge' AND row_id = ?", [earlier_id]) == 1
    assert "Đã gộp" in form.status.text() and form.summary.text() == ""

    form.fields_["field"].set_code("economy")
    form.fields_["tendency"].set_code("concern")
    form.summary.setFocus()
    qtbot.keyClicks(form.summary, retyped)
    answer(qtbot, [Qt.Key.Key_Tab, Qt.Key.Key_Return], seen)  # Tab to "Vẫn lưu riêng", Enter
    qtbot.keyClick(form.summary, Qt.Key.Key_Return)
    assert len(seen) == 3 and count(demo_ctx, "SELECT count(*) FROM opinions") == total + 1
    assert "Đã lưu" in form.status.text()


def test_different_figures_are_not_a_duplicate(demo_ctx):
    person = demo_ctx.db.execute("SELECT collaborator_id FROM opinions WHERE collaborator_id IS NOT NULL").fetchone()[0]
    first = items.create(demo_ctx, items.Opinion(received_on="2026-11-02", summary="Có 2 hộ bị sạt lở bờ kênh ở ấp",
                                                 field="economy", tendency="concern", collaborator_id=person))
    assert similar.duplicates(demo_ctx, "Có 2 hộ bị sạt lở bờ kênh ở ấp.", person, None)[0].id == first.id
    assert similar.duplicates(demo_ctx, "Có 5 hộ bị sạt lở bờ kênh ở ấp", person, None) == []
