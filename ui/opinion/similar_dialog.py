""""Ý kiến tương tự": the items nearest to one item (any month, any area), best first, with their
similarity as a percentage; a thin view over app.analytics.similar."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QTableView, QVBoxLayout, QWidget

from app.analytics import similar
from app.context import Ctx
from app.opinions import items
from app.text import vn_date
from ui.models import Column, RowsModel
from ui.widgets import setup_table


class SimilarDialog(QDialog):
    def __init__(self, ctx: Ctx, opinion_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ý kiến tương tự")
        self.resize(900, 420)
        item = items.get(ctx, opinion_id)
        self.found = similar.similar(ctx, opinion_id, limit=15)
        box = QVBoxLayout(self)
        head = QLabel(f"<b>Ý kiến đang xem</b> ({vn_date(date.fromisoformat(item.received_on))}): {html.escape(item.summary)}")
        head.setWordWrap(True)
        box.addWidget(head)
        self.model = RowsModel([
            Column("Giống", lambda s: f"{round(100 * s.score)}%", sort_key=lambda s: s.score, align_right=True),
            Column("Ngày", lambda s: vn_date(date.fromisoformat(s.received_on))),
            Column("Địa bàn", lambda s: s.area_name),
            Column("Vấn đề", lambda s: s.topic_title or "(chưa gắn)"),
            Column("Nội dung", lambda s: s.summary),
        ])
        self.model.set_rows(self.found)
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table(self.view)
        box.addWidget(self.view, 1)
        note = QLabel(f"{len(self.found)} ý kiến tương tự, xếp từ giống nhất; tính trên máy này, không gửi đi đâu."
                      if self.found else "Không có ý kiến nào tương tự.")
        note.setStyleSheet("color: #555;")
        box.addWidget(note)
