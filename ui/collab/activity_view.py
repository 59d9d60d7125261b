"""Activity of the network: who is flagged and why, with a one-click "propose replacement",
and the proposals still open. Read with a query and written with an op on the page's task
runner: a proposal announces its tables, and the pages showing them reload themselves."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from app.collaborators import activity
from app.errors import DlxhError
from app.text import vn_iso
from ui.models import Column, RowsModel, sortable
from ui.widgets import compact_columns, setup_table

PROPOSALS = frozenset({"replacement_proposals"})


class ActivityView(QWidget):
    def __init__(self, ctx, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks = ctx, tasks
        layout = QVBoxLayout(self)
        self.rule = QLabel()   # the rule's figures are settings: read with the rows, in refresh()
        layout.addWidget(self.rule)
        # Dates and counts are headed on two lines and the reason takes the rest (compact_columns): on
        # one line, the last three columns were off a 1280 px window.
        self.model = RowsModel([
            Column("Họ và tên", lambda a: a.full_name),
            Column("Địa bàn", lambda a: a.area_name),
            Column("Lý do cần chú ý", lambda a: a.short_reason),
            Column("Đề xuất\nthay thế", lambda a: "Đã đề xuất" if a.open_proposal_id else ""),
            Column("Phản ánh\ngần nhất", lambda a: vn_iso(a.last_item_on) or "—",
                   sort_key=lambda a: a.last_item_on or ""),
            Column("Số tin\n90 ngày", lambda a: a.items_90d, align_right=True),
            Column("Dự giao ban\ngần nhất", lambda a: vn_iso(a.last_meeting_on) or "—",
                   sort_key=lambda a: a.last_meeting_on or ""),
            Column("Vắng\nliên tiếp", lambda a: a.absent_streak, align_right=True),
        ])
        self.view = QTableView()
        self.view.setModel(sortable(self.model, self))
        setup_table(self.view)
        # rows as tall as their wrapped reason, again whenever the reason column narrows
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.view, 1)
        bar = QHBoxLayout()
        self.propose = QPushButton("Đề xuất thay thế")
        self.propose.setToolTip("Ghi nhận đề xuất thay thế người đang chọn, với lý do cần chú ý.")
        self.propose.clicked.connect(self.propose_selected)
        bar.addWidget(self.propose)
        self.drop = QPushButton("Không thay thế nữa")
        self.drop.clicked.connect(self.drop_selected)
        bar.addWidget(self.drop)
        self.message = QLabel()
        bar.addWidget(self.message, 1)
        layout.addLayout(bar)

    def refresh(self) -> None:
        ctx = self.ctx
        self.tasks.query(lambda: (activity.rules(ctx), activity.activity(ctx)), lambda got: self._show(*got),
                         parent=self)

    def _show(self, rules: tuple[int, int], rows: list[activity.Activity]) -> None:
        days, meetings = rules
        self.rule.setText(f"Cần chú ý: không phản ánh thông tin trong {days} ngày, hoặc vắng {meetings} kỳ giao ban "
                          "liên tiếp (đổi trong Cài đặt).")
        self.model.set_rows([a for a in rows if a.flagged or a.open_proposal_id])
        compact_columns(self.view, stretch=2)
        self._update_buttons()

    def selected(self) -> activity.Activity | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.view.model().mapToSource(rows[0])
        return self.model.row_at(source.row())

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def _update_buttons(self) -> None:
        a = self.selected()
        self.propose.setEnabled(bool(a and not a.open_proposal_id))
        self.drop.setEnabled(bool(a and a.open_proposal_id))

    def propose_selected(self) -> None:
        a = self.selected()
        if a is None:
            return
        self.tasks.op(lambda: activity.propose_replacement(self.ctx, a.collaborator_id, a.reason), tables=PROPOSALS,
                      on_done=lambda _: self.message.setText(f"Đã ghi đề xuất thay thế {a.full_name}."),
                      on_failed=self._refused, parent=self)

    def drop_selected(self) -> None:
        a = self.selected()
        if a is None or not a.open_proposal_id:
            return
        self.tasks.op(lambda: activity.close_proposal(self.ctx, a.open_proposal_id, "dropped"), tables=PROPOSALS,
                      on_done=lambda _: self.message.setText(f"Đã bỏ đề xuất thay thế {a.full_name}."),
                      on_failed=self._refused, parent=self)

    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, DlxhError):
            raise exc
        self.message.setText(exc.message)


def flag_texts(ctx) -> dict[str, str]:
    """collaborator id → reason, for the "Cần chú ý" column of the registry."""
    return {a.collaborator_id: a.short_reason + (" – đã đề xuất thay thế" if a.open_proposal_id else "")
            for a in activity.activity(ctx) if a.flagged or a.open_proposal_id}

