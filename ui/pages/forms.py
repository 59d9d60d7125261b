"""Phiếu điện tử: make the forms, bring responses home (drop zone, files, pasted text), review
collaborators' items before they count, and, when an administrator allows it, collect at a
meeting over the office's network with a QR code (ui/forms/meeting_dialog.py).

All work goes through app.forms on the task runner; every text shown is plain text (what
arrives in a response is data from outside and is never rendered as HTML)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import auth, catalog, settings
from app.collaborators.registry import CollaboratorFilter, list_collaborators
from app.forms import inbox, tokens
from app.surveys import questionnaire as qn
from app.text import vn_iso
from ui.feedback import confirm, notify
from ui.files import choose_folder, open_files
from ui.forms.drop_zone import DropZone
from ui.models import Column, RowsModel
from ui.pages.base import PageBase
from ui.widgets import compact_columns, setup_table

if TYPE_CHECKING:   # making, receiving and serving load OpenSSL, age and an HTTP server (13 MiB): on use
    from app.forms import serve

SERVE_SETTING = "forms_serve"
# What an import writes: the lists and counts that show it reload.
IMPORT_TABLES = frozenset({"survey_responses", "survey_answers", "opinion_inbox", "form_receipts"})


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class Page(PageBase):
    title = "Phiếu điện tử"
    tables = frozenset({"surveys", "survey_responses", "opinion_inbox", "settings", "collaborators"})

    def __init__(self, ctx, tasks, parent=None) -> None:
        super().__init__(ctx, tasks, parent)
        self.titles: dict[str, str] = {}
        intro = _plain_label("Phiếu là một tệp HTML gửi qua Zalo hoặc thư điện tử; người trả lời mở bằng trình "
                             "duyệt, phiếu được mã hóa ngay trên máy họ và chỉ máy này mở được. Không cần máy chủ "
                             "trên Internet.")
        self.layout_.addWidget(intro)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._make_tab(), "Làm phiếu")
        self.tabs.addTab(self._import_tab(), "Nhận phiếu")
        self.tabs.addTab(self._inbox_tab(), "Ý kiến chờ duyệt")
        self.layout_.addWidget(self.tabs, 1)

    # ---- making forms
    def _make_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(_plain_label("Phiếu điều tra: một tệp cho mọi người trả lời (ẩn danh). Phiếu báo cáo: "
                                      "mỗi cộng tác viên đang hoạt động một tệp riêng, ghi sẵn họ tên và địa bàn."))
        row = QHBoxLayout()
        self.survey = QComboBox()
        self.survey.setMinimumContentsLength(24)
        self.survey.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        row.addWidget(self.survey, 1)
        self.make_survey_btn = QPushButton("Làm phiếu điều tra…")
        self.make_survey_btn.clicked.connect(lambda: self.make_survey_form())
        row.addWidget(self.make_survey_btn)
        layout.addLayout(row)
        self.make_reports_btn = QPushButton("Làm phiếu báo cáo cho cộng tác viên…")
        self.make_reports_btn.clicked.connect(lambda: self.make_report_forms())
        layout.addWidget(self.make_reports_btn, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(12)
        layout.addWidget(_plain_label("Thu phiếu tại hội nghị: máy này phục vụ phiếu trong mạng Wi-Fi của cơ quan "
                                      "khi cửa sổ thu phiếu còn mở; điện thoại quét mã QR để điền và gửi."))
        meeting = QHBoxLayout()
        self.meeting_btn = QPushButton("Thu phiếu tại hội nghị (mã QR)…")
        self.meeting_btn.clicked.connect(self.open_meeting)
        meeting.addWidget(self.meeting_btn)
        self.allow_serve = QCheckBox("Cho phép thu phiếu qua mạng nội bộ (quản trị)")
        self.allow_serve.setEnabled(auth.can(self.ctx, "settings"))
        self.allow_serve.toggled.connect(self._set_serve_allowed)
        meeting.addStretch(1)
        layout.addLayout(meeting)
        layout.addWidget(self.allow_serve)  # its own line: never clipped beside the button on a narrow window
        layout.addSpacing(12)
        layout.addWidget(_plain_label("Phiếu báo cáo bị thất lạc (mất điện thoại, gửi nhầm người): thu hồi mọi phiếu "
                                      "đã phát cho cộng tác viên đó, rồi làm phiếu mới. Phiếu của người đã thôi "
                                      "làm cộng tác viên tự hết hiệu lực."))
        revoke_row = QHBoxLayout()
        self.revoke_who = QComboBox()
        self.revoke_who.setMinimumContentsLength(24)
        self.revoke_who.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        revoke_row.addWidget(self.revoke_who, 1)
        self.revoke_btn = QPushButton("Thu hồi phiếu đã phát (quản trị)")
        self.revoke_btn.setEnabled(auth.can(self.ctx, "keys"))
        self.revoke_btn.clicked.connect(lambda: self.revoke_forms())
        revoke_row.addWidget(self.revoke_btn)
        layout.addLayout(revoke_row)
        self.make_result = _plain_label()
        layout.addWidget(self.make_result)
        layout.addStretch(1)
        return tab

    def _choose_out(self) -> str:
        return choose_folder(self, "Chọn thư mục ghi phiếu điện tử")

    def make_survey_form(self, folder: str | None = None) -> None:
        sid = self.survey.currentData()
        if not sid:
            self.make_result.setText("Chưa có cuộc điều tra nào đang soạn hoặc đang thu phiếu.")
            return
        folder = folder or self._choose_out()
        if folder:
            def work() -> Path:
                from app.forms import make  # OpenSSL and age: loaded when a form is made, on the worker

                return make.survey_forms(self.ctx, sid, Path(folder))

            self.tasks.op(work, tables={"audit_log"},
                          on_done=self._made_one, parent=self, label="Đang làm phiếu…")

    def _made_one(self, path: Path) -> None:
        self.make_result.setText(f"Đã ghi phiếu: {path} ({path.stat().st_size // 1024} KB). Gửi tệp này cho "
                                 "người trả lời qua Zalo hoặc thư điện tử.")
        notify(self, "Đã làm phiếu điện tử.")

    def make_report_forms(self, folder: str | None = None) -> None:
        folder = folder or self._choose_out()
        if folder:
            def work() -> list[Path]:
                from app.forms import make

                return make.collaborator_forms(self.ctx, Path(folder))

            self.tasks.op(work, tables={"form_tokens", "audit_log"},
                          on_done=self._made_many, parent=self, label="Đang làm phiếu…")

    def _made_many(self, paths: list[Path]) -> None:
        where = paths[0].parent if paths else ""
        self.make_result.setText(f"Đã ghi {len(paths)} phiếu báo cáo vào {where}: gửi mỗi cộng tác viên tệp mang "
                                 "tên của mình.")
        notify(self, f"Đã làm {len(paths)} phiếu báo cáo.")

    def _set_serve_allowed(self, on: bool) -> None:
        self.meeting_btn.setEnabled(on)
        self.tasks.op(lambda: settings.put_flag(self.ctx, SERVE_SETTING, on), tables={"settings"}, parent=self)

    def open_meeting(self) -> None:
        choices = [(self.titles[self.survey.itemData(i)], self.survey.itemData(i)) for i in range(self.survey.count())
                   if self.survey.itemData(i)]
        labels = [text for text, _ in choices] + ["Phiếu báo cáo của cộng tác viên"]
        picked, ok = QInputDialog.getItem(self, "Thu phiếu tại hội nghị", "Thu phiếu nào?", labels, 0, False)
        if not ok:
            return
        sid = dict(choices).get(picked)
        expected = 0
        if sid:
            expected, ok = QInputDialog.getInt(self, "Thu phiếu tại hội nghị", "Số người dự (0 nếu chưa biết):",
                                               0, 0, 100000)
            if not ok:
                return
        self.start_meeting(sid, picked, expected)

    def start_meeting(self, survey_id: str | None, title: str, expected: int = 0, bind: str | None = None) -> None:
        """Start serving on the worker (it reads the form and issues tokens), then show the window."""
        from ui.forms.meeting_dialog import MeetingDialog

        def start() -> serve.FormServer:
            from app.forms import serve  # the HTTP server and TLS: loaded when a meeting starts

            server = serve.FormServer(self.ctx, survey_id=survey_id, bind=bind or serve.lan_address(), port=0,
                                      expected=expected)
            server.start()
            return server

        def show(server: serve.FormServer) -> None:
            self.meeting = MeetingDialog(server, title, self.tasks, self)
            self.meeting.show()

        self.tasks.op(start, tables={"form_tokens"}, on_done=show, parent=self)

    def revoke_forms(self, ask: bool = True) -> None:
        who, name = self.revoke_who.currentData(), self.revoke_who.currentText()
        if not who:
            return
        if ask and not confirm(self, "Thu hồi phiếu báo cáo", f"Thu hồi mọi phiếu báo cáo đã phát cho {name}? "
                               "Phiếu đó gửi về sau sẽ bị từ chối.", "Thu hồi"):
            return
        self.tasks.op(lambda: tokens.revoke(self.ctx, who), tables={"form_tokens"}, parent=self,
                      on_done=lambda n: self.make_result.setText(f"Đã thu hồi {n} phiếu báo cáo của {name}."))

    # ---- importing responses
    def _import_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.drop = DropZone()
        self.drop.files_dropped.connect(self.import_paths)
        self.drop.text_dropped.connect(lambda text: self.import_text(text))
        layout.addWidget(self.drop)
        row = QHBoxLayout()
        for label, slot in (("Chọn tệp phiếu…", self.choose_files), ("Chọn thư mục…", self.choose_dir),
                            ("Dán văn bản…", self.paste_text)):
            button = QPushButton(label)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.import_log = QPlainTextEdit()
        self.import_log.setReadOnly(True)
        self.import_log.setPlaceholderText("Kết quả nhập phiếu hiện ở đây, mỗi phiếu một dòng.")
        layout.addWidget(self.import_log, 1)
        return tab

    def choose_files(self) -> None:
        paths = open_files(self, "Chọn tệp phiếu", "Phiếu điện tử (*.age *.txt);;Mọi tệp (*)")
        if paths:
            self.import_paths(paths)

    def choose_dir(self) -> None:
        folder = choose_folder(self, "Chọn thư mục có tệp phiếu")
        if folder:
            self.import_paths([folder])

    def paste_text(self) -> None:
        text, ok = QInputDialog.getMultiLineText(self, "Dán văn bản có phiếu", "Dán tin nhắn có khối "
                                                 "“BEGIN AGE ENCRYPTED FILE” (có thể nhiều phiếu):")
        if ok and text.strip():
            self.import_text(text)

    def import_text(self, text: str) -> None:
        self._import(lambda: ([("nội dung dán vào", text.encode("utf-8"))], 0))

    def import_paths(self, paths: list[str]) -> None:
        def gather() -> tuple[list, int]:
            from app.forms import receive

            return receive.arrivals_from(list(paths))

        self._import(gather)

    def _import(self, gather) -> None:
        def work():
            from app.forms import receive  # age decryption: loaded when responses arrive, on the worker

            arrivals, skipped = gather()
            return receive.receive_many(self.ctx, arrivals), skipped

        self.tabs.setCurrentIndex(1)
        self.tasks.op(work, tables=IMPORT_TABLES, on_done=self._imported, parent=self, label="Đang nhập phiếu…")

    def _imported(self, result) -> None:
        outcomes, skipped = result
        for o in outcomes:
            self.import_log.appendPlainText(("✗ " if o.status == "refused" else "✓ ") + o.line())
        done = sum(o.status == "imported" for o in outcomes)
        refused = sum(o.status == "refused" for o in outcomes)
        tail = f"; bỏ qua {skipped} tệp không phải phiếu" if skipped else ""
        summary = f"Đã nhập {done} phiếu, từ chối {refused} phiếu{tail}."
        self.import_log.appendPlainText(summary)
        notify(self, summary)

    # ---- the inbox
    def _inbox_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.inbox_model = RowsModel([
            Column("Ngày nhận", lambda i: vn_iso(i.received_on), sort_key=lambda i: i.received_on),
            Column("Cộng tác viên", lambda i: i.collaborator_name),
            Column("Lĩnh vực", lambda i: catalog.label(catalog.FIELDS, i.field)),
            Column("Xu hướng", lambda i: catalog.label(catalog.TENDENCIES, i.tendency)),
            Column("Nội dung", lambda i: i.summary, tip=True),
            Column("Vấn đề gợi ý", lambda i: i.topic_title or "", tip=True),
            Column("Cảnh báo", lambda i: "Danh tính?" if i.hints else ""),
        ])
        self.inbox_view = QTableView()
        self.inbox_view.setModel(self.inbox_model)
        setup_table(self.inbox_view)
        self.inbox_view.selectionModel().selectionChanged.connect(lambda *_: self._show_hints())
        layout.addWidget(self.inbox_view, 1)
        self.hints = _plain_label()
        layout.addWidget(self.hints)
        row = QHBoxLayout()
        self.with_topic = QCheckBox("Gán vấn đề được gợi ý")
        row.addWidget(self.with_topic)
        self.despite = QCheckBox("Vẫn duyệt ý kiến có cảnh báo danh tính")
        row.addWidget(self.despite)
        row.addStretch(1)
        layout.addLayout(row)
        buttons = QHBoxLayout()
        self.accept_btn = QPushButton("Duyệt ý kiến đang chọn")
        self.accept_btn.clicked.connect(lambda: self.accept_items(selected=True))
        self.accept_all_btn = QPushButton("Duyệt tất cả")
        self.accept_all_btn.clicked.connect(lambda: self.accept_items(selected=False))
        self.reject_btn = QPushButton("Bỏ ý kiến đang chọn")
        self.reject_btn.clicked.connect(self.reject_selected)
        for button in (self.accept_btn, self.accept_all_btn, self.reject_btn):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return tab

    def _selected(self) -> list:
        rows = sorted({i.row() for i in self.inbox_view.selectionModel().selectedRows()})
        return [self.inbox_model.row_at(r) for r in rows]

    def _show_hints(self) -> None:
        """The chosen item in full (the table elides it), its proposal and its privacy warnings."""
        items = self._selected()
        if len(items) != 1:
            self.hints.setText(" ".join(h for item in items for h in item.hints))
            return
        item = items[0]
        parts = [f"Nội dung: {item.summary}"]
        if item.proposal:
            parts.append(f"Đề xuất: {item.proposal}")
        if item.topic_title:
            parts.append(f"Vấn đề gợi ý: {item.topic_title}")
        self.hints.setText("\n".join(parts + list(item.hints)))

    def accept_items(self, selected: bool) -> None:
        ids = [i.id for i in self._selected()] if selected else None
        if selected and not ids:
            self.hints.setText("Hãy chọn ý kiến cần duyệt.")
            return
        with_topic, despite = self.with_topic.isChecked(), self.despite.isChecked()
        self.tasks.op(lambda: inbox.accept(self.ctx, ids, despite_privacy=despite, with_topic=with_topic),
                      tables={"opinion_inbox", "opinions"}, on_done=self._accepted, parent=self)

    def _accepted(self, result: inbox.Accepted) -> None:
        held = f"; giữ lại {len(result.held)} ý kiến có cảnh báo danh tính" if result.held else ""
        self.hints.setText(f"Đã duyệt {len(result.accepted)} ý kiến{held}.")
        notify(self, f"Đã duyệt {len(result.accepted)} ý kiến.")

    def reject_selected(self) -> None:
        ids = [i.id for i in self._selected()]

        def work() -> int:
            for item_id in ids:
                inbox.reject(self.ctx, item_id)
            return len(ids)

        self.tasks.op(work, tables={"opinion_inbox"}, on_done=lambda n: notify(self, f"Đã bỏ {n} ý kiến."),
                      parent=self)

    def open_link(self, link) -> None:
        """Follow an app.overview.Link: tab "inbox" opens the review."""
        self.tabs.setCurrentIndex(2 if link.tab == "inbox" else 0)

    # ---- reload
    def refresh(self) -> None:
        def load():
            surveys = [s for s in qn.list_surveys(self.ctx) if s.status != "closed"]
            people = list_collaborators(self.ctx, CollaboratorFilter(status="active"))
            return surveys, inbox.waiting(self.ctx), bool(settings.get(self.ctx, SERVE_SETTING)), people

        self.tasks.query(load, self._loaded, parent=self)

    def _loaded(self, data) -> None:
        surveys, waiting, allowed, people = data
        self.revoke_who.clear()
        for person in people:
            self.revoke_who.addItem(person.full_name, person.id)
        current = self.survey.currentData()
        self.survey.clear()
        self.titles = {s.id: s.title for s in surveys}
        for s in surveys:
            self.survey.addItem(f"{s.title} ({qn.STATUSES[s.status].lower()}, {s.responses} phiếu)", s.id)
        if not surveys:
            self.survey.addItem("Chưa có cuộc điều tra đang soạn hoặc đang thu phiếu", None)
        index = self.survey.findData(current)
        self.survey.setCurrentIndex(max(index, 0))
        self.inbox_model.set_rows(waiting)
        compact_columns(self.inbox_view, stretch=4, fit=(0, 1, 2, 3, 6))
        self.inbox_view.horizontalHeader().resizeSection(5, 160)  # a topic title elides; the line below shows it
        self.tabs.setTabText(2, f"Ý kiến chờ duyệt ({len(waiting)})")
        self.allow_serve.blockSignals(True)
        self.allow_serve.setChecked(allowed)
        self.allow_serve.blockSignals(False)
        self.meeting_btn.setEnabled(allowed)
