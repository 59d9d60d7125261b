"""The notice on the Reports page when a report's figures changed since it was drafted.

Contract: `FiguresNote.show_for(report)` asks app.reports.figures_check on the task runner
what moved and shows one line ("Số liệu đã thay đổi kể từ khi soạn dự thảo: Số ý kiến:
120 → 124 …") with a button that redrafts from the new data keeping the user's edited
sections (a submitted or approved report goes back to draft first, which only a head may
do); `lines` holds what moved, for the panel's own questions. `confirm_sign(parent, lines)`
is the extra question before signing changed figures, whose safe default is "Không": a
head never signs old figures without having been told.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.reports import draft, figures_check, register, store, transitions
from ui import palette
from ui.feedback import confirm

REDRAFT = "Soạn lại theo số liệu mới (giữ phần đã sửa)"


class FiguresNote(QWidget):
    redrafted = Signal(object)   # the report after the redraft

    def __init__(self, ctx, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.report, self.lines = ctx, tasks, None, []
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        palette.set_tone(self.label, "caution")
        self.button = QPushButton(REDRAFT)
        self.button.clicked.connect(self.redraft)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()

    def show_for(self, report: store.Report | None) -> None:
        self.report, self.lines = report, []
        self.hide()
        if report is None or report.status in store.FROZEN or not report.drafted_figures:
            return
        rid = report.id
        self.tasks.run(lambda: figures_check.changes(self.ctx, store.get(self.ctx, rid)),
                       on_done=lambda lines: self._show(rid, lines), parent=self)

    def _show(self, report_id: str, lines: list[str]) -> None:
        if self.report is None or self.report.id != report_id:
            return
        self.lines = lines
        if not lines:
            return
        self.label.setText(figures_check.headline(lines))
        # Redrafting edits the draft, or first returns a submitted/approved one (app/reports/transitions.py).
        may = transitions.allowed(self.ctx, self.report, "edit") or transitions.allowed(self.ctx, self.report, "return")
        self.button.setEnabled(may)
        self.button.setToolTip("" if may else "Báo cáo đã trình: chỉ lãnh đạo ban trả lại dự thảo để soạn lại được.")
        self.show()

    def redraft(self) -> None:
        report = self.report
        if report is None:
            return
        question = (f"{figures_check.headline(self.lines)}\n\nSoạn lại các phần từ số liệu mới? Những mục "
                    "anh/chị đã tự sửa được giữ nguyên.")
        if report.status != "draft":
            question += " Báo cáo sẽ được trả lại dự thảo để soạn lại, rồi trình duyệt lại."
        if not confirm(self, "Soạn lại theo số liệu mới", question, "Soạn lại"):
            return
        rid, status = report.id, report.status

        def run() -> store.Report:
            if status != "draft":
                register.return_to_draft(self.ctx, rid)
            return draft.regenerate(self.ctx, rid, discard_edits=False)
        self.tasks.op(run, tables={"reports"}, on_done=self.redrafted.emit, label="Đang soạn lại báo cáo…",
                      parent=self)


def confirm_sign(parent: QWidget, lines: list[str]) -> bool:
    """Signing figures that changed since drafting is said and confirmed; "Không" is the default."""
    return confirm(parent, "Số liệu đã thay đổi",
                   f"{figures_check.headline(lines)}\n\nBáo cáo vẫn ghi số liệu lúc soạn dự thảo. Vẫn ký số với "
                   "số liệu đó? (Chọn Không, rồi trả lại dự thảo và soạn lại để cập nhật.)", "Ký với số liệu cũ")
