"""Keyboard only, with real key events delivered where a real keyboard's would go (the open
completion list, else the focused widget): the first-run administrator and sign-in, then three
items typed through the completers. Asserts what the store holds afterwards."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog

from app import audit, users
from app.opinions import drafts, items
from ui.login import FirstAdminDialog, LoginDialog
from ui.opinion.entry import EntryDialog
from ui.tasks import TaskRunner

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


def target():
    return QApplication.activePopupWidget() or QApplication.focusWidget()


def typed(qtbot, text: str) -> None:
    """Key by key; letters outside ASCII arrive as a Vietnamese keyboard layout sends them
    (a key event carrying the text), which QTest's ASCII table cannot express."""
    for ch in text:
        if ch.isascii():
            qtbot.keyClick(target(), ch)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target(), QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(target(), key, modifier)


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitExposed(dialog)
    return dialog


def test_first_run_admin_then_sign_in_by_keyboard(qtbot, office) -> None:
    dialog = shown(qtbot, FirstAdminDialog(office))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)
    typed(qtbot, "quantri")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.full_name          # not "Thoát"
    typed(qtbot, "Nguyễn Văn Quản")
    press(qtbot, Qt.Key.Key_Return)                                # Enter with fields left: next field
    assert QApplication.focusWidget() is dialog.password and dialog.isVisible()
    typed(qtbot, "quantri-123")
    press(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, "quantri-123")
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.ok                 # after the fields: OK, then Thoát
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.cancel
    dialog.again.setFocus()
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)   # created on the worker
    assert (dialog.user.name, dialog.user.full_name, dialog.user.role) == ("quantri", "Nguyễn Văn Quản", "admin")

    login = shown(qtbot, LoginDialog(office))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is login.name)
    typed(qtbot, "quantri")
    press(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, "sai-mat-khau")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(login.ok.isEnabled)
    assert login.message.text() and QApplication.focusWidget() is login.password and login.user is None
    typed(qtbot, "quantri-123")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: login.result() == QDialog.DialogCode.Accepted)
    assert login.result() == QDialog.DialogCode.Accepted and login.user.name == "quantri"
    assert users.has_users(office)
    assert [e.action for e in audit.entries(office, user="quantri")][:1] == ["login"]


def pick(qtbot, letters: str) -> None:
    """Type into a completing field and accept the list's entry with Enter (never a save)."""
    typed(qtbot, letters)
    assert QApplication.activePopupWidget() is not None, letters
    press(qtbot, Qt.Key.Key_Return)


def test_three_items_through_the_completers(qtbot, office) -> None:
    dialog = shown(qtbot, EntryDialog(office, tasks=TaskRunner(synchronous=True)))
    form = dialog.form
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.fields_["collaborator"])
    plan = [("binh", "kt", "lo", "Giá lúa giảm, nông dân lo lắng", "cao"),
            ("tran", "vhxh", "buc", "Khói lò than gây khó chịu", None),
            ("nam", "qp", "dong", "Đồng tình với việc tuần tra ban đêm", None)]
    for n, (person, field, tendency, summary, risk) in enumerate(plan, start=1):
        assert QApplication.focusWidget() is form.fields_["collaborator"]
        pick(qtbot, person)
        assert form.done.count() == n - 1 and "Chưa lưu" not in form.status.text()
        assert QApplication.focusWidget() is form.fields_["collaborator"]
        press(qtbot, Qt.Key.Key_Tab)                                # -> channel (kept)
        press(qtbot, Qt.Key.Key_Tab)                                # -> field
        pick(qtbot, field)
        press(qtbot, Qt.Key.Key_Tab)                                # -> area (from the collaborator)
        press(qtbot, Qt.Key.Key_Tab)                                # -> topic
        press(qtbot, Qt.Key.Key_Tab)                                # -> tendency
        typed(qtbot, tendency)
        press(qtbot, Qt.Key.Key_Tab)                                # Tab on the list: fills, moves on
        assert QApplication.focusWidget() is form.summary
        first, _, rest = summary.partition(",")
        typed(qtbot, first)
        if rest:
            press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)   # a new line, no save
            typed(qtbot, rest.strip())
        assert form.done.count() == n - 1
        if risk:
            press(qtbot, Qt.Key.Key_Tab)                            # -> proposal
            press(qtbot, Qt.Key.Key_Tab)                            # -> scale
            press(qtbot, Qt.Key.Key_Tab)                            # -> risk
            form.fields_["risk"].selectAll()
            pick(qtbot, risk)
            assert form.done.count() == n - 1 and form.fields_["risk"].text() == "Cao"
        press(qtbot, Qt.Key.Key_Return)                             # now Enter saves
        assert form.done.count() == n, form.status.text()
        assert form.fields_["risk"].text() == "Không"               # nothing carried into the next form

    saved = {o.summary: o for o in (items.get(office, r.id) for r in items.list_opinions(office, items.OpinionFilter()))}
    assert len(saved) == 3
    rice = saved["Giá lúa giảm\nnông dân lo lắng"]
    assert (rice.field, rice.tendency, rice.hotspot_risk, rice.area_code) == ("economy", "concern", "high", "H01TT")
    smoke = saved["Khói lò than gây khó chịu"]
    assert (smoke.field, smoke.tendency, smoke.hotspot_risk, smoke.area_code) == (
        "culture_society", "frustration", "none", "H01PA")
    patrol = saved["Đồng tình với việc tuần tra ban đêm"]
    assert (patrol.field, patrol.tendency, patrol.area_code) == ("defense_security", "support", "H01PH")
    press(qtbot, Qt.Key.Key_Escape)                                 # unchanged next form: no draft
    assert not dialog.isVisible() and drafts.load(office, "opinion_entry:none") is None


def test_refusal_clears_when_fixed_and_esc_on_unchanged_edit_keeps_no_draft(qtbot, office) -> None:
    dialog = shown(qtbot, EntryDialog(office, tasks=TaskRunner(synchronous=True)))
    form = dialog.form
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.fields_["collaborator"])
    form.summary.setFocus()
    typed(qtbot, "Người dân hỏi về giá điện")
    press(qtbot, Qt.Key.Key_Return)
    assert "Lĩnh vực" in form.status.text() and QApplication.focusWidget() is form.fields_["field"]
    typed(qtbot, "k")
    assert form.status.text() == ""                                 # the named field is being fixed
    dialog.close_button.click()
    item = items.create(office, items.Opinion(received_on="2026-10-01", field="economy", summary="Giá điện",
                                              tendency="concern"))
    edit = shown(qtbot, EntryDialog(office, opinion_id=item.id, tasks=TaskRunner(synchronous=True)))
    assert "Enter: lưu và đóng" in " ".join(w.text() for w in edit.findChildren(type(edit.form.status)))
    press(qtbot, Qt.Key.Key_Escape)
    assert drafts.load(office, f"opinion_edit:{item.id}") is None
    again = shown(qtbot, EntryDialog(office, opinion_id=item.id, tasks=TaskRunner(synchronous=True)))
    assert "bản nháp" not in again.form.status.text()
    assert again.save_button.text() == "Lưu" and again.close_button.text() == "Hủy"


def test_double_click_opens_the_item_once(main_window, qtbot, monkeypatch) -> None:
    page = main_window.show_page("opinions")
    opened: list[int] = []
    monkeypatch.setattr(page, "edit", lambda: opened.append(1))
    rect = page.view.visualRect(page.view.model().index(0, 1))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [1]
