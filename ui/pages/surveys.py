"""Điều tra, thăm dò: pick or create a survey, then build its questionnaire, plan the
sample, key the paper forms (or import a file) and read the tables and charts."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QPushButton

from app.surveys import questionnaire as qn
from app.text import vn_number
from ui.feedback import notify
from ui.icons import icon
from ui.lazy_tabs import LazyTabs, tab_view
from ui.pages.base import PageBase
from ui.refusal import refusal
from ui.survey.builder import BuilderView
from ui.survey.entry_view import EntryView
from ui.survey.plan_view import PlanView
from ui.survey.tabulate_view import TabulateView


def _label(s: qn.Survey) -> str:
    return f"{s.title} — {qn.STATUSES[s.status].lower()}, {vn_number(s.responses)} phiếu"


class Page(PageBase):
    title = "Điều tra, thăm dò dư luận xã hội"
    tables = frozenset({"surveys", "survey_questions", "survey_options", "survey_plans", "survey_responses", "survey_answers"})

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Cuộc điều tra:"))
        self.picker = QComboBox()
        self.picker.setMinimumWidth(320)
        self.picker.currentIndexChanged.connect(lambda _: self._show_survey())
        bar.addWidget(self.picker, 1)
        self.status = QLabel()
        bar.addWidget(self.status)
        new = QPushButton(icon("add"), "Cuộc điều tra mới…")
        new.setObjectName("new_survey")
        new.clicked.connect(lambda: self._new_survey())
        bar.addWidget(new)
        self.layout_.addLayout(bar)
        self._surveys: dict[str, qn.Survey] = {}   # as last read, for the count next to the picker
        # Each tab's view is built when the tab is first opened (ui/lazy_tabs.py): the first
        # opening of the page builds the questionnaire's only.
        self.tabs = LazyTabs()
        self.layout_.addWidget(self.tabs, 1)   # in its place before its tabs go in: each move restyles what moves
        for view, name in ((BuilderView, "Phiếu hỏi"), (PlanView, "Kế hoạch mẫu"), (EntryView, "Nhập phiếu"),
                           (TabulateView, "Tổng hợp, biểu đồ")):
            self.tabs.add(lambda view=view: view(ctx, tasks), name)
        self.tabs.currentChanged.connect(lambda _: self._show_survey())

    # The tabs' views, each built on first use (not `tables` for the last: PageBase.tables
    # names what the page shows).
    builder, plan, entry, tabulate = (tab_view(i) for i in range(4))

    def survey_id(self) -> str | None:
        return self.picker.currentData()

    def refresh(self) -> None:
        """Read the surveys on the worker; the one chosen before stays chosen."""
        ctx = self.ctx
        self.tasks.query(lambda: qn.list_surveys(ctx), self._show_list, parent=self)

    def _show_list(self, surveys: list[qn.Survey], select_id: str | None = None) -> None:
        current = select_id or self.survey_id()
        self.picker.blockSignals(True)
        self.picker.clear()
        for s in surveys:
            self.picker.addItem(_label(s), s.id)
        index = max(0, self.picker.findData(current)) if current else 0
        self.picker.setCurrentIndex(index)
        self.picker.blockSignals(False)
        self._surveys = {s.id: s for s in surveys}
        self._show_survey()

    def _show_survey(self) -> None:
        sid = self.survey_id()
        self.tabs.setEnabled(sid is not None)
        if sid is None:
            self.status.setText("Chưa có cuộc điều tra nào: bấm “Cuộc điều tra mới…”.")
            return
        self._count_text(self._surveys.get(sid))
        view = self.tabs.currentWidget()
        view.show_survey(sid)  # type: ignore[attr-defined]

    def _on_changed(self, tables: frozenset[str]) -> None:
        """A write to the surveys (a tab's op, an import): the picker's names and counts are
        read again on the worker. Not a whole refresh: the open tab keeps what is being typed
        and which question is chosen; a tab shows the store again when it is opened."""
        if self.isVisible() and self.tables & tables:
            ctx = self.ctx
            self.tasks.query(lambda: qn.list_surveys(ctx), self._show_counts, parent=self)

    def _show_counts(self, surveys: list[qn.Survey]) -> None:
        if {s.id for s in surveys} != {self.picker.itemData(i) for i in range(self.picker.count())}:
            self._show_list(surveys)   # a survey came or went: the list itself is read anew
            return
        sid = self.survey_id()
        self.picker.blockSignals(True)
        for s in surveys:
            i = self.picker.findData(s.id)
            if i >= 0:
                self.picker.setItemText(i, _label(s))
        self.picker.blockSignals(False)
        self._surveys = {s.id: s for s in surveys}
        self._count_text(self._surveys.get(sid or ""))

    def _count_text(self, survey: qn.Survey | None) -> None:
        self.status.setText(f"{vn_number(survey.responses)} phiếu" if survey else "")

    def print_form(self) -> None:
        """Ctrl+P: the blank questionnaire of the chosen survey."""
        from app.surveys import printable
        from ui.printing import preview_pdf

        sid = self.survey_id()
        if not sid:
            notify(self, "Hãy chọn một cuộc điều tra để in phiếu.")
            return
        self.tasks.run(lambda: printable.form_pdf(self.ctx, sid), parent=self, label="Đang chuẩn bị phiếu in…",
                       on_done=lambda pdf: preview_pdf(self, pdf, "Phiếu thăm dò ý kiến"))

    def _new_survey(self, typed: str = "", why: str = "") -> None:
        """Ask for the title and create the survey on the worker; a refusal (no title) asks
        again with what was typed and the reason above the field."""
        label = "Tên cuộc điều tra (chủ đề thăm dò):"
        title, ok = QInputDialog.getText(self, "Cuộc điều tra mới", f"{why}\n{label}" if why else label,
                                         text=typed)
        if not ok:
            return
        ctx = self.ctx
        self.tasks.op(lambda: (qn.create_survey(ctx, title), qn.list_surveys(ctx)), tables={"surveys"},
                      on_done=lambda done: (self.tabs.setCurrentWidget(self.builder), self._show_list(done[1], done[0])),
                      on_failed=lambda exc: self._new_survey(title, refusal(exc).message), parent=self)
