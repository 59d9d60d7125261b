"""Fast entry by keyboard only: 30 items after a meeting, Tab / Enter, drafts, privacy hint."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.meetings import core as meetings
from app.opinions import drafts, items
from tests.ui.helpers import answer, when_modal
from ui.opinion.entry import EntryDialog
from ui.tasks import TaskRunner

# The completion popup on the offscreen platform logs that it cannot raise or grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

PEOPLE = ["binh", "tran", "nam", "lan", "tu"]
FIELDS = [("kt", "economy"), ("vhxh", "culture_society"), ("ct", "politics"), ("qp", "defense_security")]
TENDENCIES = [("lo", "concern"), ("buc", "frustration"), ("dong tinh", "support")]


def type_keys(qtbot, text):
    qtbot.keyClicks(QApplication.focusWidget(), text)


def key(qtbot, k):
    qtbot.keyClick(QApplication.focusWidget(), k)


def open_dialog(qtbot, ctx, meeting_id):
    dialog = EntryDialog(ctx, meeting_id, tasks=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.form.fields_["collaborator"])
    return dialog


def test_thirty_items_typed_after_a_meeting(qtbot, office):
    meeting = meetings.create(office, meetings.Meeting(held_on="2026-10-15", place="Hội trường"))
    dialog = open_dialog(qtbot, office, meeting.id)
    form = dialog.form
    for i in range(30):
        assert QApplication.focusWidget() is form.fields_["collaborator"]
        type_keys(qtbot, PEOPLE[i % 5])          # replaces the selected previous name
        key(qtbot, Qt.Key.Key_Tab)               # -> channel (kept: "Hội nghị giao ban")
        key(qtbot, Qt.Key.Key_Tab)               # -> field
        type_keys(qtbot, FIELDS[i % 4][0])
        key(qtbot, Qt.Key.Key_Tab)               # -> area (filled from the collaborator)
        key(qtbot, Qt.Key.Key_Tab)               # -> topic
        if i % 3 == 0:
            type_keys(qtbot, "phan bon")
        key(qtbot, Qt.Key.Key_Tab)               # -> tendency
        type_keys(qtbot, TENDENCIES[i % 3][0])
        key(qtbot, Qt.Key.Key_Tab)               # -> summary
        type_keys(qtbot, f"Nguoi dan y kien so {i + 1} ve gia ca va viec lam")
        if i % 5 == 0:
            key(qtbot, Qt.Key.Key_Tab)           # -> proposal
            type_keys(qtbot, "De nghi kiem tra")
        key(qtbot, Qt.Key.Key_Return)
        assert form.done.count() == i + 1, form.status.text()

    saved = items.list_opinions(office, items.OpinionFilter(meeting_id=meeting.id))
    assert len(saved) == 30
    full = [items.get(office, r.id) for r in saved]
    assert {o.received_on for o in full} == {"2026-10-15"}
    assert {o.channel for o in full} == {"meeting"}
    assert sum(o.topic_id is not None for o in full) == 10
    assert sum(o.proposal == "De nghi kiem tra" for o in full) == 6
    by_summary = {o.summary: o for o in full}
    first = by_summary["Nguoi dan y kien so 1 ve gia ca va viec lam"]
    assert (first.field, first.tendency, first.area_code) == ("economy", "concern", "H01TT")
    assert by_summary["Nguoi dan y kien so 2 ve gia ca va viec lam"].area_code == "H01PA"
    assert by_summary["Nguoi dan y kien so 4 ve gia ca va viec lam"].field == "defense_security"
    assert drafts.load(office, f"opinion_entry:{meeting.id}") is None


def test_refused_item_keeps_what_was_typed_and_draft_survives_a_crash(qtbot, office):
    meeting = meetings.create(office, meetings.Meeting(held_on="2026-10-15"))
    dialog = open_dialog(qtbot, office, meeting.id)
    form = dialog.form
    form.summary.setFocus()
    form.summary.insert("ông Nguyễn Văn Tư ở ấp 3, SĐT 0912345678, bức xúc vì khói lò than")
    assert "nêu tên người cụ thể" in form.hint.text() and "số điện thoại" in form.hint.text()
    key(qtbot, Qt.Key.Key_Return)                # no field, no tendency: refused, nothing lost
    assert "Lĩnh vực không được để trống" in form.status.text()
    assert QApplication.focusWidget() is form.fields_["field"]
    assert form.summary.text().startswith("ông Nguyễn Văn Tư")
    assert items.count(office) == 0
    type_keys(qtbot, "vh")
    qtbot.wait(450)                              # the draft timer fires
    dialog.deleteLater()                         # "crash": the form goes away without saving
    qtbot.wait(10)

    again = open_dialog(qtbot, office, meeting.id)
    assert again.form.summary.text().startswith("ông Nguyễn Văn Tư")
    assert again.form.fields_["field"].text() == "vh"
    assert "khôi phục bản nháp" in again.form.status.text()
    again.form.fields_["field"].setFocus()
    key(qtbot, Qt.Key.Key_Tab)                   # "vh" settles to Văn hóa – xã hội
    assert again.form.fields_["field"].text() == "Văn hóa – xã hội"
    again.form.fields_["tendency"].setFocus()
    type_keys(qtbot, "buc")
    said: list[str] = []
    when_modal(QMessageBox, lambda box: (said.append(box.text()), qtbot.keyClick(box, Qt.Key.Key_Return)))
    key(qtbot, Qt.Key.Key_Return)                # the name and phone: asked first, Enter = "Sửa lại"
    assert "Nguyễn Văn Tư" in said[0] and "0912345678" in said[0]
    assert items.count(office) == 0 and again.form.summary.text().startswith("ông Nguyễn Văn Tư")
    assert "Chưa lưu: hãy bỏ tên" in again.form.status.text()
    answer("Bỏ các thông tin này rồi lưu")
    again.form.save()
    assert items.count(office) == 1
    assert office.db.execute("SELECT summary FROM opinions").fetchone()[0] == \
        "một người dân ở ấp 3, SĐT [đã bỏ số điện thoại], bức xúc vì khói lò than"


def test_editing_an_item_keeps_its_handling(qtbot, office):
    from app.opinions import handling

    item = items.create(office, items.Opinion(received_on="2026-10-01", field="economy", summary="Giá lúa giảm",
                                              tendency="concern", area_code="H01PA"))
    handling.forward(office, "opinion", item.id, "H01CQ01", due_on="2026-11-01", forwarded_on="2026-10-02")
    dialog = EntryDialog(office, parent=None, opinion_id=item.id, tasks=TaskRunner(synchronous=True))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    form = dialog.form
    assert (form.fields_["field"].text(), form.fields_["area"].text()) == ("Kinh tế", "Xã Phong An")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.fields_["collaborator"])
    form.fields_["tendency"].setFocus()
    form.fields_["tendency"].selectAll()
    type_keys(qtbot, "buc")
    key(qtbot, Qt.Key.Key_Return)
    saved = items.get(office, item.id)
    assert (saved.tendency, saved.handling, saved.forwarded_to, saved.version) == ("frustration", "forwarded",
                                                                                    "H01CQ01", 3)
    assert items.count(office) == 1 and dialog.result() == 1
