""""Ý kiến tương tự": the items nearest to one item (any month, any area), best first, with their
similarity as a percentage; a thin view over app.analytics.similar. The item and its neighbours
are read by a query on the window's worker (the similarity reads up to the whole store) and
shown when they arrive."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QLabel, QTableView, QVBoxLayout, QWidget

from app.analytics import similar
from app.context import Ctx
from app.opinions import items
from app.text import vn_iso
from ui import palette
from ui.models import Column, RowsModel
from ui.tasks import TaskRunner
from ui.widgets import setup_table


class SimilarDialog(QDialog):
    def __init__(self, ctx: Ctx, tasks: TaskRunner, opinion_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ý kiến tương tự")
        self.resize(900, 420)
        self.found: list[similar.Similar] = []
        box = QVBoxLayout(self)
        self.head = QLabel("Đang tìm ý kiến tương tự…")
        self.head.setWordWrap(True)
        box.addWidget(self.head)
        self.model = RowsModel([
            Column("Giống", lambda s: f"{round(100 * s.score)}%", sort_key=lambda s: s.score, align_right=True),
            Column("Ngày", lambda s: vn_iso(s.received_on)),
            Column("Địa bàn", lambda s: s.area_name),
            Column("Vấn đề", lambda s: s.topic_title or "(chưa gắn)"),
            Column("Nội dung", lambda s: s.summary),
        ])
        self.view = QTableView()
        self.view.setModel(self.model)
        setup_table(self.view)
        box.addWidget(self.view, 1)
        self.note = QLabel()
        palette.set_tone(self.note, "muted")
        box.addWidget(self.note)
        tasks.query(lambda: (items.get(ctx, opinion_id), similar.similar(ctx, opinion_id, limit=15)),
                    lambda got: self._show(*got), parent=self)

    def _show(self, item: items.Opinion, found: list[similar.Similar]) -> None:
        self.found = found
        self.head.setText(f"<b>Ý kiến đang xem</b> ({vn_iso(item.received_on)}): "
                          f"{html.escape(item.summary)}")
        self.model.set_rows(found)
        self.note.setText(f"{len(found)} ý kiến tương tự, xếp từ giống nhất; tính trên máy này, không gửi đi đâu."
                          if found else "Không có ý kiến nào tương tự.")
