"""The topic suggestion under Nội dung in the entry form: while the clerk types, the most likely open
topic (and its field) with a short reason; F4 accepts it. Nothing is ever chosen silently, and
once a topic is chosen by hand the bar stays quiet. A pause of 250 ms in typing triggers one
suggestion (app.analytics.suggest, a few milliseconds on the in-memory model; the store is not
read here). The model is never built here: while the worker thread builds it
(ui.opinion.model_warmup) the bar says so, and the suggestion appears when the build ends,
typing never held up."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from app.analytics.suggest import MIN_CHARS, Suggestion, suggest
from app.context import Ctx
from app.errors import DlxhError
from ui import palette
from ui.opinion.choice import ChoiceEdit
from ui.opinion.model_warmup import warmer
from ui.tasks import TaskRunner

ACCEPT_KEY = Qt.Key.Key_F4


class SuggestionBar(QLabel):
    accepted = Signal(object)   # the Suggestion taken

    def __init__(self, ctx: Ctx, summary: QWidget, topic: ChoiceEdit, field: ChoiceEdit,
                 parent: QWidget | None = None, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.summary, self.topic, self.field = ctx, summary, topic, field
        self.warmer = warmer(ctx, tasks)
        self.warmer.ready.connect(self._model_ready)
        self.waiting = False       # text to suggest for, model still being built
        self.current: Suggestion | None = None
        self.setWordWrap(True)
        palette.set_tone(self, "accent")
        self.setObjectName("topic_suggestion")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._after_pause)
        summary.textChanged.connect(lambda *_: self._timer.start())
        topic.textChanged.connect(lambda *_: self._timer.start())
        field.textChanged.connect(lambda *_: self._timer.start())   # the suggestion follows the field
        summary.installEventFilter(self)
        self.hide()

    def _after_pause(self) -> None:
        """A typing pause ends after the form may have closed (and its store with it): only a
        form still on screen asks for a suggestion."""
        if self.window().isVisible():
            self.show_suggestion()

    def _model_ready(self) -> None:
        if self.waiting and self.window().isVisible():
            self.show_suggestion()

    def show_suggestion(self) -> None:
        self._timer.stop()
        self.current = None
        self.waiting = False
        text = self.summary.text()
        if not self.topic.text().strip() and len(text.strip()) >= MIN_CHARS:
            model = self.warmer.model()
            if model is None:
                self.waiting = True
                self.setText(palette.span("Đang chuẩn bị gợi ý vấn đề…", "muted"))
                self.show()
                return
            try:
                found = suggest(self.ctx, text, 1, model=model, field=self.field.code_or_none())
            except DlxhError:
                found = []
            self.current = found[0] if found else None
        if self.current is None:
            self.clear()
            self.hide()
            return
        s = self.current
        differs = " " + palette.span(f"Lưu ý: vấn đề này thuộc lĩnh vực {s.field_label}, khác lĩnh vực đã chọn.",
                                      "caution") if s.field_differs else ""
        self.setText(f"Gợi ý vấn đề: <b>{escape(s.title)}</b> (lĩnh vực {s.field_label}) – {s.reason}. "
                     f"Nhấn <b>F4</b> để chọn.{differs}")
        self.show()

    def accept(self) -> bool:
        """Take the shown suggestion: topic, and the field when none is chosen yet."""
        if self._timer.isActive():
            self.show_suggestion()
        s = self.current
        if s is None:
            return False
        self.topic.set_code(s.topic_id)
        if not self.field.text().strip():
            self.field.set_code(s.field)
        self.accepted.emit(s)
        self.show_suggestion()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() == ACCEPT_KEY:
            return self.accept()
        return super().eventFilter(watched, event)
