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
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

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
from app.analytics import similar
from app.collaborators import registry
from app.context import Ctx
from app.errors import DlxhError, ValidationError
from app.meetings import core as meetings
from app.office import communes
from app.opinions import drafts, items, privacy, topics
from app.text import vn_date
from ui import privacy_ask
from ui.opinion import duplicate_dialog
from ui.opinion.choice import ChoiceEdit
from ui.opinion.suggestion import SuggestionBar
from ui.tasks import TaskRunner
from ui.widgets import MultiLineEdit

CHOICES = ("collaborator", "channel", "field", "area", "topic", "tendency", "scale", "risk")
KEEP = ("received_on", "collaborator", "channel", "area")     # stay filled for the next item


class EntryForm(QWidget):
    saved = Signal(object)   # the new items.Opinion

    def __init__(self, ctx: Ctx, meeting_id: str | None = None, collaborator_id: str | None = None,
                 parent: QWidget | None = None, opinion_id: str | None = None, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.editing = items.get(ctx, opinion_id) if opinion_id else None
        if self.editing:
            meeting_id, collaborator_id = self.editing.meeting_id, self.editing.collaborator_id
        self.ctx, self.meeting_id = ctx, meeting_id
        self.draft_key = f"opinion_edit:{opinion_id}" if opinion_id else f"opinion_entry:{meeting_id or 'none'}"
        meeting = meetings.get(ctx, meeting_id) if meeting_id else None
        people = registry.list_collaborators(ctx, registry.CollaboratorFilter(status="active"))
        self.area_of = {p.id: p.area_code for p in people}
        area_names = {u.code: u.name for u in communes(ctx)}
        self.fields_: dict[str, ChoiceEdit] = {
            "collaborator": ChoiceEdit({p.id: f"{p.full_name} – {area_names.get(p.area_code, '')}".rstrip(" –")
                                        for p in people if p.id}, items.LABELS["collaborator_id"], required=False),
            "channel": ChoiceEdit(catalog.CHANNELS, items.LABELS["channel"]),
            "field": ChoiceEdit(catalog.FIELDS, items.LABELS["field"]),
            "area": ChoiceEdit(area_names, items.LABELS["area_code"], required=False),
            "topic": ChoiceEdit({t.id: t.title for t in topics.list_topics(ctx) if t.id and t.status != "closed"},
                                items.LABELS["topic_id"], required=False),
            "tendency": ChoiceEdit(catalog.TENDENCIES, items.LABELS["tendency"]),
            "scale": ChoiceEdit(catalog.SCALES, items.LABELS["scale"]),
            "risk": ChoiceEdit(catalog.HOTSPOT_RISKS, items.LABELS["hotspot_risk"]),
        }
        self.received_on = QLineEdit(vn_date(date.fromisoformat(meeting.held_on)) if meeting else
                                     vn_date(date.today()))
        self.received_on.setPlaceholderText("dd/mm/yyyy")
        self.summary = MultiLineEdit(3)
        self.summary.setPlaceholderText("Nội dung dư luận: ai (nhóm người), nghĩ gì, về việc gì – không ghi tên "
                                        "người dân (Shift+Enter: xuống dòng)")
        self.proposal = QLineEdit()
        self.proposal.setPlaceholderText("Đề xuất, kiến nghị (nếu có)")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #a04000;")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.done = QListWidget()
        self.done.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        form = QFormLayout()
        labels = {"collaborator": "collaborator_id", "channel": "channel", "field": "field", "area": "area_code",
                  "topic": "topic_id", "tendency": "tendency", "scale": "scale", "risk": "hotspot_risk"}
        form.addRow(items.LABELS["received_on"], self.received_on)
        if meeting:
            form.addRow(items.LABELS["meeting_id"], QLabel(f"{meetings.KINDS[meeting.kind]} ngày "
                                           f"{vn_date(date.fromisoformat(meeting.held_on))}"))
        for key in ("collaborator", "channel", "field", "area", "topic", "tendency"):
            form.addRow(items.LABELS[labels[key]], self.fields_[key])
        form.addRow(items.LABELS["summary"], self.summary)
        form.addRow("", self.hint)
        self.suggestion = SuggestionBar(ctx, self.summary, self.fields_["topic"], self.fields_["field"], self, tasks)
        form.addRow("", self.suggestion)
        form.addRow(items.LABELS["proposal"], self.proposal)
        for key in ("scale", "risk"):
            form.addRow(items.LABELS[labels[key]], self.fields_[key])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        help_ = QLabel("Tab: sang ô sau · Enter: lưu và đóng · Shift+Enter: xuống dòng trong Nội dung · "
                       "Esc: đóng, không lưu thay đổi" if self.editing else
                       "Tab: sang ô sau · Enter: lưu và nhập ý kiến tiếp theo · Shift+Enter: xuống dòng trong "
                       "Nội dung · Esc: đóng (bản nháp được giữ)")
        help_.setWordWrap(True)
        help_.setStyleSheet("color: #555;")
        layout.addWidget(help_)
        layout.addWidget(self.status)
        layout.addWidget(QLabel("Đã lưu trong lần nhập này:"))
        layout.addWidget(self.done, 1)

        order = [self.received_on] + [self.fields_[k] for k in ("collaborator", "channel", "field", "area", "topic",
                                                                 "tendency")] + [self.summary, self.proposal] + \
                [self.fields_["scale"], self.fields_["risk"]]
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

        self.reset(keep=False, meeting=meeting, collaborator_id=collaborator_id)
        if self.editing:
            self.load_item(self.editing)
        self.baseline = self.values()     # what "unchanged" means for drafts
        self.restore_draft()

    # -- values ---------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        out = {"received_on": self.received_on.text(), "summary": self.summary.text(),
               "proposal": self.proposal.text()}
        out.update({k: w.text() for k, w in self.fields_.items()})
        return out

    def set_values(self, values: dict[str, str]) -> None:
        self.received_on.setText(values.get("received_on", self.received_on.text()))
        for key, widget in self.fields_.items():
            if key in values:
                widget.setText(values[key])
        self.summary.setText(values.get("summary", ""))
        self.proposal.setText(values.get("proposal", ""))

    def load_item(self, o: items.Opinion) -> None:
        self.received_on.setText(vn_date(date.fromisoformat(o.received_on)))
        for key, code in (("collaborator", o.collaborator_id), ("channel", o.channel), ("field", o.field),
                          ("area", o.area_code), ("topic", o.topic_id), ("tendency", o.tendency), ("scale", o.scale),
                          ("risk", o.hotspot_risk)):
            widget = self.fields_[key]
            if code and code not in widget.options and key == "topic":   # a closed topic stays shown
                widget.set_options({**widget.options, code: topics.get(self.ctx, code).title})
            widget.set_code(code)
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
        self.fields_["scale"].set_code("low")
        self.fields_["risk"].set_code("none")
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
        """Keep what was typed; a form back to how it opened keeps (and leaves) no draft."""
        self._draft_timer.stop()
        values = self.values()
        if values == self.baseline:
            drafts.clear(self.ctx, self.draft_key)
        elif values["summary"].strip() or values["proposal"].strip():
            drafts.save(self.ctx, self.draft_key, values)

    def restore_draft(self) -> None:
        values = drafts.load(self.ctx, self.draft_key)
        if values:
            self.set_values(values)
            self.status.setText("Đã khôi phục bản nháp chưa lưu của lần nhập trước.")
        self._draft_timer.stop()

    # -- saving -----------------------------------------------------------------------------
    def build(self) -> items.Opinion:
        f = self.fields_
        return items.Opinion(
            received_on=self.received_on.text(), summary=self.summary.text(),
            field=f["field"].code() or "", tendency=f["tendency"].code() or "",
            collaborator_id=f["collaborator"].code(), channel=f["channel"].code() or "direct",
            area_code=f["area"].code(), topic_id=f["topic"].code(), scale=f["scale"].code() or "low",
            hotspot_risk=f["risk"].code() or "none", proposal=self.proposal.text().strip() or None,
            meeting_id=self.meeting_id)

    def save(self) -> items.Opinion | None:
        """Validate and save; on a refusal the message names the field, focus goes there and
        everything typed stays."""
        for widget in self.fields_.values():
            widget.settle()
        try:
            items.clean(self.build())              # a refusal comes before the privacy and duplicate questions
            if not self._privacy_decided():
                return None
            built = self.build()                   # "Bỏ…" may have changed the text
            merged = None
            if self.editing:
                kept = {k: getattr(self.editing, k) for k in ("id", "origin", "version", "updated_at", "handling",
                                                              "forwarded_to", "forwarded_on", "due_on", "result",
                                                              "resolved_on", "answered_on")}
                item = items.update(self.ctx, replace(built, **kept))
            else:
                merged = self._likely_duplicate(built)
                if merged is False:
                    return None
                item = similar.merge_into(self.ctx, merged.id, built.summary, built.proposal) if merged else \
                    items.create(self.ctx, built)
        except DlxhError as exc:
            self.status.setText(f"<span style='color:#c0392b'>Chưa lưu: {exc.message}</span>")
            self._focus_field(exc)
            self.save_draft()
            return None
        self._draft_timer.stop()
        drafts.clear(self.ctx, self.draft_key)
        if self.editing:
            self.editing = item
            self.status.setText("Đã lưu thay đổi.")
            self.saved.emit(item)
            return item
        if merged:
            when = vn_date(date.fromisoformat(item.received_on))
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
        return item

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
            self.status.setText("<span style='color:#c0392b'>Chưa lưu: hãy bỏ tên, số điện thoại hoặc số giấy tờ "
                                "của người dân khỏi nội dung.</span>")
            self.summary.setFocus()
            self.save_draft()
            return False
        return True

    def _likely_duplicate(self, built: items.Opinion) -> similar.Similar | None | bool:
        """The earlier item to merge into, None to save separately, False for Esc (back to the form)."""
        found = similar.duplicates(self.ctx, built.summary, built.collaborator_id, built.meeting_id,
                                   model=self.suggestion.warmer.model())
        if not found:
            return None
        choice = duplicate_dialog.ask(found[0], built.summary, self)
        if choice is None:
            self.status.setText("Chưa lưu: ý kiến có thể trùng; sửa lại hoặc nhấn Enter để chọn lại.")
            self.summary.setFocus()
            self.save_draft()
            return False
        return found[0] if choice == duplicate_dialog.MERGE else None

    def _focus_field(self, exc: DlxhError) -> None:
        target = {"received_on": self.received_on, "summary": self.summary, "field": self.fields_["field"],
                  "tendency": self.fields_["tendency"], "area_code": self.fields_["area"],
                  "topic_id": self.fields_["topic"], "channel": self.fields_["channel"],
                  "scale": self.fields_["scale"], "hotspot_risk": self.fields_["risk"],
                  "collaborator_id": self.fields_["collaborator"]}.get(exc.field or "")
        if target is None and isinstance(exc, ValidationError):
            target = next((w for w in self.fields_.values() if w.label in exc.message), None)
        if target is not None:
            target.setFocus()
        self._error_widget = target


class EntryDialog(QDialog):
    def __init__(self, ctx: Ctx, meeting_id: str | None = None, collaborator_id: str | None = None,
                 parent: QWidget | None = None, opinion_id: str | None = None, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sửa thông tin dư luận" if opinion_id else "Nhập thông tin dư luận")
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        self.form = EntryForm(ctx, meeting_id, collaborator_id, self, opinion_id=opinion_id, tasks=tasks)
        if opinion_id:
            self.form.done.hide()
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
