"""Fast item entry: a clerk types 30 items after a meeting without touching the mouse.

Tab moves through the fields, each with accent-insensitive completion; Enter on an open
completion list only picks the entry, Enter anywhere else saves and starts the next item
(date, channel, meeting, collaborator and area stay); Shift+Enter is a new line in Nội dung. Every pause in
typing saves a draft to the store (app.opinions.drafts), restored when the form reopens, so
a crash loses nothing; a form left unchanged leaves no draft. The privacy hint is shown inline while
typing, and saving text that still looks like it names a citizen asks first (keep, edit, remove).
A new item that is a likely double entry (same collaborator or meeting, near-identical text)
is not saved at once: the clerk merges it into the earlier item, keeps it separate, or goes
back to the form with Esc (ui.opinion.duplicate_dialog).

Only the window's worker touches the store: the form is built at once and filled when one
query (ui.opinion.entry_data) brings its choices, the meeting, the item being edited and the
draft; it takes no Enter until then. The duplicate check is a query, the save an op declaring
'opinions' (the pages showing items reload from `changed`, the callers refresh nothing), and
drafts are written on the worker too. A refusal keeps the form as typed, with its text.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from app import catalog
from app.analytics import model as topic_model
from app.analytics import similar
from app.context import Ctx
from app.errors import DlxhError, ValidationError
from app.meetings import core as meetings
from app.opinions import drafts, items, privacy
from app.text import vn_date, vn_iso
from ui import palette, privacy_ask
from ui.opinion import duplicate_dialog, entry_data
from ui.opinion.choice import ChoiceEdit
from ui.opinion.suggestion import SuggestionBar
from ui.refusal import refusal
from ui.tasks import TaskRunner
from ui.widgets import MultiLineEdit

# The choice rows before Nội dung, each by its form key (drafts are kept under these keys) and
# the item's field; the catalogue rows after the proposal are those items.ENTRY_TAIL declares.
HEAD = {"collaborator": "collaborator_id", "channel": "channel", "field": "field", "area": "area_code",
        "topic": "topic_id", "tendency": "tendency"}
TAIL = {{"hotspot_risk": "risk"}.get(name, name): name for name in items.ENTRY_TAIL}   # "risk": older drafts' key
FIELD_OF = {**HEAD, **TAIL}
KEEP = ("received_on", "collaborator", "channel", "area")     # stay filled for the next item
HANDLING = ("id", "origin", "version", "updated_at", "handling", "forwarded_to", "forwarded_on", "due_on", "result",
            "resolved_on", "answered_on")                      # an edit keeps these as stored

log = logging.getLogger(__name__)


class EntryForm(QWidget):
    saved = Signal(object)   # the new items.Opinion

    def __init__(self, ctx: Ctx, meeting_id: str | None = None, collaborator_id: str | None = None,
                 parent: QWidget | None = None, opinion_id: str | None = None, *, tasks: TaskRunner) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.meeting_id = ctx, tasks, meeting_id
        self.editing: items.Opinion | None = None
        self.ready = False      # the choices have arrived: until then no save and no draft
        self.saving = False     # a save on its way through the worker: Enter again must not save twice
        self.draft_key = f"opinion_edit:{opinion_id}" if opinion_id else f"opinion_entry:{meeting_id or 'none'}"
        self.area_of: dict[str, str | None] = {}
        self.fields_: dict[str, ChoiceEdit] = {
            "collaborator": ChoiceEdit({}, items.LABELS["collaborator_id"], required=False),
            "channel": ChoiceEdit(catalog.CHANNELS, items.LABELS["channel"]),
            "field": ChoiceEdit(catalog.FIELDS, items.LABELS["field"]),
            "area": ChoiceEdit({}, items.LABELS["area_code"], required=False),
            "topic": ChoiceEdit({}, items.LABELS["topic_id"], required=False),
            "tendency": ChoiceEdit(catalog.TENDENCIES, items.LABELS["tendency"]),
            **{key: ChoiceEdit(items.CHOICES[name], items.LABELS[name]) for key, name in TAIL.items()},
        }
        self.received_on = QLineEdit(vn_date(date.today()))
        self.received_on.setPlaceholderText("dd/mm/yyyy")
        self.summary = MultiLineEdit(3)
        self.summary.setPlaceholderText("Nội dung dư luận: ai (nhóm người), nghĩ gì, về việc gì – không ghi tên "
                                        "người dân (Shift+Enter: xuống dòng)")
        self.proposal = QLineEdit()
        self.proposal.setPlaceholderText("Đề xuất, kiến nghị (nếu có)")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        palette.set_tone(self.hint, "caution")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.done = QListWidget()
        self.done.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        form = self.rows = QFormLayout()
        form.addRow(items.LABELS["received_on"], self.received_on)
        for key, name in HEAD.items():
            form.addRow(items.LABELS[name], self.fields_[key])
        form.addRow(items.LABELS["summary"], self.summary)
        form.addRow("", self.hint)
        self.suggestion = SuggestionBar(ctx, self.summary, self.fields_["topic"], self.fields_["field"], self, tasks)
        form.addRow("", self.suggestion)
        form.addRow(items.LABELS["proposal"], self.proposal)
        for key, name in TAIL.items():
            form.addRow(items.LABELS[name], self.fields_[key])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        help_ = QLabel("Tab: sang ô sau · Enter: lưu và đóng · Shift+Enter: xuống dòng trong Nội dung · "
                       "Esc: đóng, không lưu thay đổi" if opinion_id else
                       "Tab: sang ô sau · Enter: lưu và nhập ý kiến tiếp theo · Shift+Enter: xuống dòng trong "
                       "Nội dung · Esc: đóng (bản nháp được giữ)")
        help_.setWordWrap(True)
        palette.set_tone(help_, "muted")
        layout.addWidget(help_)
        layout.addWidget(self.status)
        self.done_label = QLabel("Đã lưu trong lần nhập này:")
        layout.addWidget(self.done_label)
        layout.addWidget(self.done, 1)

        order = [self.received_on] + [self.fields_[k] for k in HEAD] + [self.summary, self.proposal] + \
                [self.fields_[k] for k in TAIL]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.order = order

        self.fields_["collaborator"].chosen.connect(self._collaborator_chosen)
        self._error_widget: QWidget | None = None
        for widget in order:
            widget.returnPressed.connect(self.save)
            widget.textChanged.connect(lambda *_, w=widget: self._changed(w))
        self.summary.textChanged.connect(self._check_privacy)
        self.proposal.textChanged.connect(self._check_privacy)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(400)
        self._draft_timer.timeout.connect(self.save_draft)

        self.baseline = self.values()     # what "unchanged" means for drafts
        self.status.setText("Đang tải danh mục…")
        tasks.query(lambda: entry_data.read(ctx, self.draft_key, meeting_id, opinion_id),
                    lambda data: self._fill(data, collaborator_id), parent=self)

    def _fill(self, data: entry_data.EntryData, collaborator_id: str | None) -> None:
        """The worker's read arrived: choices, the meeting's row and date, the item edited, the draft.
        What the clerk typed while it was on its way (a busy worker) is kept over all of them."""
        early = {k: v for k, v in self.values().items() if v != self.baseline[k]}
        self.editing, self.area_of = data.editing, data.area_of
        if data.editing:
            self.meeting_id, collaborator_id = data.editing.meeting_id, data.editing.collaborator_id
        for key, options in (("collaborator", data.people), ("area", data.areas), ("topic", data.topics)):
            self.fields_[key].set_options(options)
        meeting = data.meeting
        if meeting:
            self.received_on.setText(vn_iso(meeting.held_on))
            self.rows.insertRow(1, items.LABELS["meeting_id"], QLabel(
                f"{meetings.KINDS[meeting.kind]} ngày {vn_iso(meeting.held_on)}"))
        self.status.clear()
        self.reset(keep=False, meeting=meeting, collaborator_id=collaborator_id)
        if data.editing:
            self.load_item(data.editing)
        self.baseline = self.values()
        if data.draft:
            self.status.setText("Đã khôi phục bản nháp chưa lưu của lần nhập trước.")
        self.set_values({**(data.draft or {}), **early})
        self._draft_timer.stop()
        self.ready = True

    # -- values ---------------------------------------------------------------------------
    def _boxes(self) -> dict[str, QLineEdit | MultiLineEdit | ChoiceEdit]:
        return {"received_on": self.received_on, "summary": self.summary, "proposal": self.proposal, **self.fields_}

    def values(self) -> dict[str, str]:
        return {key: box.text() for key, box in self._boxes().items()}

    def set_values(self, values: dict[str, str]) -> None:
        for key, box in self._boxes().items():
            if key in values:
                box.setText(values[key])

    def load_item(self, o: items.Opinion) -> None:
        self.received_on.setText(vn_iso(o.received_on))
        for key, name in FIELD_OF.items():
            self.fields_[key].set_code(getattr(o, name))
        self.summary.setText(o.summary)
        self.proposal.setText(o.proposal or "")

    def reset(self, keep: bool = True, meeting: meetings.Meeting | None = None,
              collaborator_id: str | None = None) -> None:
        """Clear for the next item; with keep, the date, reporter, channel and area stay."""
        for key, widget in self.fields_.items():
            if not (keep and key in KEEP):
                widget.clear()
        self.summary.clear()
        self.proposal.clear()
        for key, name in TAIL.items():
            self.fields_[key].set_code(items.KIND.default(name))
        if not keep:
            self.fields_["channel"].set_code("meeting" if (meeting or self.meeting_id) else "direct")
            if collaborator_id:
                self.fields_["collaborator"].set_code(collaborator_id)
                self.fields_["area"].set_code(self.area_of.get(collaborator_id))
        self.hint.clear()

    def _collaborator_chosen(self, code: str | None) -> None:
        if code and self.area_of.get(code):
            self.fields_["area"].set_code(self.area_of[code])

    def _check_privacy(self) -> None:
        self.hint.setText(privacy.warning_text(self.summary.text() + "\n" + self.proposal.text()))

    # -- drafts -----------------------------------------------------------------------------
    def _changed(self, widget: QWidget) -> None:
        self._draft_timer.start()
        if widget is self._error_widget:     # the field the refusal named is being fixed
            self._error_widget = None
            self.status.clear()

    def save_draft(self) -> None:
        """Keep what was typed (on the worker); a form back to how it opened keeps (and leaves) no draft."""
        self._draft_timer.stop()
        if not self.ready:
            return
        values, ctx, key = self.values(), self.ctx, self.draft_key
        if values == self.baseline:
            self._draft(lambda: drafts.clear(ctx, key))
        elif values["summary"].strip() or values["proposal"].strip():
            self._draft(lambda: drafts.save(ctx, key, values))

    def _draft(self, write) -> None:  # noqa: ANN001 - a callable of no argument
        """A draft is the form's own scratch, shown by no page: written on the worker without a
        `changed` (announcing it would reload the lists at every pause in typing). A draft that
        cannot be kept is no reason to stop the clerk; the save itself says what is wrong."""
        self.tasks.run(write, on_failed=lambda exc: log.warning("draft not kept: %s", exc))

    # -- saving -----------------------------------------------------------------------------
    def build(self) -> items.Opinion:
        f = self.fields_
        return items.Opinion(
            received_on=self.received_on.text(), summary=self.summary.text(),
            field=f["field"].code() or "", tendency=f["tendency"].code() or "",
            collaborator_id=f["collaborator"].code(), channel=f["channel"].code() or "direct",
            area_code=f["area"].code(), topic_id=f["topic"].code(), proposal=self.proposal.text().strip() or None,
            **{name: f[key].code() or items.KIND.default(name) for key, name in TAIL.items()},
            meeting_id=self.meeting_id)

    def save(self) -> None:
        """Validate, ask what must be asked, then save on the worker; on a refusal the message names
        the field, focus goes there and everything typed stays. The outcome arrives in `_saved`."""
        if not self.ready or self.saving:
            return
        for widget in self.fields_.values():
            widget.settle()
        try:
            items.clean(self.build())              # a refusal comes before the privacy and duplicate questions
        except DlxhError as exc:
            self._refused(exc)
            return
        if not self._privacy_decided():
            return
        built, ctx = self.build(), self.ctx        # "Bỏ…" may have changed the text
        self.saving = True
        if self.editing:
            item = replace(built, **{k: getattr(self.editing, k) for k in HANDLING})
            self._write(lambda: items.update(ctx, item), built, None)
            return
        self.tasks.query(lambda: similar.duplicates(ctx, built.summary, built.collaborator_id, built.meeting_id,
                                                    model=topic_model.peek(ctx)[0]),
                         lambda found: self._after_duplicates(built, found), on_failed=self._refused, parent=self)

    def _after_duplicates(self, built: items.Opinion, found: list[similar.Similar]) -> None:
        """A likely double entry is the clerk's call: merge, keep separate, or Esc back to the form."""
        ctx = self.ctx
        choice = duplicate_dialog.ask(found[0], built.summary, self) if found else duplicate_dialog.SEPARATE
        if choice is None:
            self.saving = False
            self.status.setText("Chưa lưu: ý kiến có thể trùng; sửa lại hoặc nhấn Enter để chọn lại.")
            self.summary.setFocus()
            self.save_draft()
        elif choice == duplicate_dialog.MERGE:
            self._write(lambda: similar.merge_into(ctx, found[0].id, built.summary, built.proposal), built, found[0])
        else:
            self._write(lambda: items.create(ctx, built), built, None)

    def _write(self, write, built: items.Opinion, merged: similar.Similar | None) -> None:  # noqa: ANN001
        self.tasks.op(write, tables={"opinions"}, on_done=lambda item: self._saved(item, built, merged),
                      on_failed=self._refused, parent=self)

    def _refused(self, exc: BaseException) -> None:
        self.saving = False
        refused = refusal(exc)
        self.status.setText(palette.span(escape(f"Chưa lưu: {refused.message}"), "error"))
        self._focus_field(refused)
        self.save_draft()

    def _saved(self, item: items.Opinion, built: items.Opinion, merged: similar.Similar | None) -> None:
        self.saving = False
        self._draft_timer.stop()
        ctx, key = self.ctx, self.draft_key
        self._draft(lambda: drafts.clear(ctx, key))
        if self.editing:
            self.editing = item
            self.status.setText("Đã lưu thay đổi.")
            self.saved.emit(item)
            return
        if merged:
            when = vn_iso(item.received_on)
            self.done.insertItem(0, f"Gộp vào ý kiến ngày {when} · {built.summary}")
            self.status.setText(f"Đã gộp vào ý kiến đã có ngày {when}. Nhập ý kiến tiếp theo.")
        else:
            self.done.insertItem(0, f"{catalog.label(catalog.FIELDS, item.field)} · "
                                    f"{catalog.label(catalog.TENDENCIES, item.tendency)} · {item.summary}")
            self.status.setText(f"Đã lưu {self.done.count()} ý kiến. Nhập ý kiến tiếp theo.")
        self.reset(keep=True)
        self.baseline = self.values()
        self._draft_timer.stop()
        self.fields_["collaborator"].setFocus()
        self.fields_["collaborator"].selectAll()
        self.saved.emit(item)

    def _privacy_decided(self) -> bool:
        """Text naming a citizen is saved only on the user's word; "Bỏ…" replaces what was found."""
        found = [h.message for h in privacy.check(self.summary.text()) + privacy.check(self.proposal.text())]
        if not found:
            return True
        choice = privacy_ask.ask(found, self)
        if choice == privacy_ask.REMOVE:
            self.summary.setText(privacy.redact(self.summary.text()))
            self.proposal.setText(privacy.redact(self.proposal.text()))
        elif choice == privacy_ask.EDIT:
            self.status.setText(palette.span("Chưa lưu: hãy bỏ tên, số điện thoại hoặc số giấy tờ "
                                             "của người dân khỏi nội dung.", "error"))
            self.summary.setFocus()
            self.save_draft()
            return False
        return True

    def _focus_field(self, exc: DlxhError) -> None:
        target = {"received_on": self.received_on, "summary": self.summary,
                  **{name: self.fields_[key] for key, name in FIELD_OF.items()}}.get(exc.field or "")
        if target is None and isinstance(exc, ValidationError):
            target = next((w for w in self.fields_.values() if w.label in exc.message), None)
        if target is not None:
            target.setFocus()
        self._error_widget = target


class EntryDialog(QDialog):
    def __init__(self, ctx: Ctx, meeting_id: str | None = None, collaborator_id: str | None = None,
                 parent: QWidget | None = None, opinion_id: str | None = None, *, tasks: TaskRunner) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sửa thông tin dư luận" if opinion_id else "Nhập thông tin dư luận")
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        self.form = EntryForm(ctx, meeting_id, collaborator_id, self, opinion_id=opinion_id, tasks=tasks)
        if opinion_id:
            self.form.done.hide()          # an edit saves one item and closes: no list of the items saved
            self.form.done_label.hide()
            self.form.saved.connect(lambda _: self.accept())
        layout.addWidget(self.form)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton("Lưu", QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.setToolTip("Lưu ý kiến này (Enter hoặc Ctrl+S)")
        self.save_button.clicked.connect(self.form.save)
        self.close_button = buttons.addButton("Hủy" if opinion_id else "Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.clicked.connect(self.reject)
        for button in (self.save_button, self.close_button):
            button.setAutoDefault(False)   # Enter belongs to the form's fields
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.form.save)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.form.fields_["collaborator"].setFocus()
        self.form.suggestion.warmer.build()    # on the worker thread: ready before a sentence is typed

    def reject(self) -> None:
        self.form.save_draft()
        super().reject()

    def done(self, result: int) -> None:
        self.form._draft_timer.stop()
        super().done(result)
