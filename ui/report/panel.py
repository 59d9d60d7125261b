"""The right-hand side of the Reports page: register details, the section editor and the
preview of one report. Only app/ functions are called; rendering and signing run on the
task runner's worker thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import private_temp
from app.errors import ValidationError
from app.office import Office, get_office
from app.reports import draft, glyphs, preview, register, store, transitions
from app.reports.document import MARK_CHOICES, sign_mode_labels
from app.reports.signer import sign_question
from ui.feedback import confirm, notify
from ui.files import open_file, save_file
from ui.flow import FlowLayout
from ui.opener import open_or_say
from ui.report import privacy_gate
from ui.report.figures_note import FiguresNote, confirm_sign
from ui.report.glyph_warning import GlyphWarning
from ui.report.preview_pane import PreviewPane
from ui.widgets import show_text


def _mark_label(code: str) -> str:
    return MARK_CHOICES[code].capitalize() if code else "Không"


def _button(text: str, slot) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(slot)
    return button


def load_report(ctx, report_id: str) -> store.Report:
    """A report as the panel shows it, read on the worker. The PDF font's character set is read
    first (once, 60-120 ms of reportlab), unless the window's warm-up has read it already
    (ui.pages.reports.warm_up): the report's texts go through the glyph warnings on the GUI
    thread. Never when the panel is built: as a job beside the page's building it held the
    interpreter lock and doubled the first opening's frozen time."""
    glyphs.load_coverage()
    return store.get(ctx, report_id)


class ReportPanel(QWidget):

    def __init__(self, ctx, tasks, parent: QWidget | None = None, office: Office | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.tasks, self.report = ctx, tasks, None
        self.office = office or get_office(ctx)   # the window's row: no read while being built
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel("Chọn một báo cáo trong sổ đăng ký, hoặc soạn báo cáo mới.")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.figures = FiguresNote(ctx, tasks)
        self.figures.redrafted.connect(self._reload)
        layout.addWidget(self.figures)
        flow = FlowLayout()         # the button rows wrap at 1280 px instead of widening the window
        self.flow_buttons = {
            "submit": _button("Trình duyệt", lambda: self._flow("submit", register.submit)),
            "approve": _button("Phê duyệt", lambda: self._flow("approve", register.approve)),
            "return": _button("Trả lại dự thảo", lambda: self._flow("return", register.return_to_draft)),
            "sign": _button("Ký số…", self.sign),
            "send": _button("Đánh dấu đã gửi", lambda: self._flow("send", register.mark_sent)),
            "version": _button("Tạo phiên bản mới", lambda: self._flow("version", register.new_version)),
        }
        for button in self.flow_buttons.values():
            flow.addWidget(button)
        flow.addStretch(1)
        layout.addLayout(flow)
        files = FlowLayout()
        for text, slot in (("Xem trước", self.show_preview), ("Mở bằng Word (DOCX)", self.open_docx),
                           ("Lưu PDF…", self.save_pdf), ("In… (Ctrl+P)", self.print_document),
                           ("Kiểm tra chữ ký tệp PDF…", self.verify_file)):
            files.addWidget(_button(text, slot))
        files.addStretch(1)
        layout.addLayout(files)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)   # in its place before its tabs go in: each move restyles what moves
        self.tabs.addTab(self._sections_tab(), "Nội dung")
        self.tabs.addTab(self._details_tab(), "Thông tin văn bản")
        self.preview_pane = PreviewPane()
        self.pages = self.preview_pane.pages
        self.preview_tab = self.tabs.addTab(self.preview_pane, "Xem trước")
        self.tabs.currentChanged.connect(self._tab_opened)
        self._preview_of: str | None = None  # the report whose pages are on screen or on their way
        self.set_report(None)

    # --- building the tabs -------------------------------------------------------------
    def _sections_tab(self) -> QWidget:
        tab = QWidget()
        box = QHBoxLayout(tab)
        self.section_list = QListWidget()
        self.section_list.setFixedWidth(330)
        # A long part title wraps onto a second line instead of hiding behind a sideways scroll bar.
        self.section_list.setWordWrap(True)
        self.section_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.section_list.currentRowChanged.connect(self._show_section)
        self.section_text = QPlainTextEdit()
        self.section_text.setPlaceholderText("Nội dung mục (mỗi đoạn một dòng; dòng “1. …” là tiêu đề mục nhỏ; "
                                            "dòng “[Bảng 2]”, “[Biểu đồ 1]” là chỗ đặt bảng, biểu đồ).")
        right = QVBoxLayout()
        right.addWidget(self.section_text, 1)
        self.glyph_warning = GlyphWarning(self.section_text)
        right.addWidget(self.glyph_warning)
        row = FlowLayout()
        self.save_section_btn = _button("Lưu mục này", self.save_section)
        self.regen_btn = _button("Soạn lại từ số liệu (giữ phần đã sửa)", lambda: self.regenerate(False))
        self.regen_all_btn = _button("Soạn lại toàn bộ", lambda: self.regenerate(True))
        for b in (self.save_section_btn, self.regen_btn, self.regen_all_btn):
            row.addWidget(b)
        row.addStretch(1)
        right.addLayout(row)
        box.addWidget(self.section_list)
        box.addLayout(right, 1)
        return tab

    def _details_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.title_edit = QLineEdit()
        self.signer_edit = QLineEdit()
        self.mode_combo = QComboBox()
        for mode, label in sign_mode_labels(self.office.body_name).items():
            self.mode_combo.addItem(label, mode)
        self.mark_combo = QComboBox()
        for code in MARK_CHOICES:
            self.mark_combo.addItem(_mark_label(code), code)
        self.recipients_edit = QPlainTextEdit()
        self.recipients_edit.setPlaceholderText("Mỗi nơi nhận một dòng")
        self.number_edit = QLineEdit()
        self.number_edit.setPlaceholderText("để trống: lấy số tiếp theo khi ký")
        form.addRow("Trích yếu", self.title_edit)
        form.addRow("Số văn bản", self.number_edit)
        form.addRow("Người ký", self.signer_edit)
        form.addRow("Hình thức ký", self.mode_combo)
        form.addRow("Độ mật, độ khẩn", self.mark_combo)
        form.addRow("Nơi nhận", self.recipients_edit)
        self.details_glyph_warning = GlyphWarning(self.title_edit, self.signer_edit, self.recipients_edit)
        form.addRow(self.details_glyph_warning)
        self.save_details_btn = _button("Lưu thông tin", self.save_details)
        form.addRow("", self.save_details_btn)
        return tab

    # --- showing a report --------------------------------------------------------------
    def set_report(self, report: store.Report | None) -> None:
        # The same report after an action (sent, signed…): a preview on screen is drawn again, not blanked.
        redraw = bool(report and self.report and report.id == self.report.id and self.pages.count())
        self.report = report
        self.figures.show_for(report)
        self._clear_preview()
        self._preview_of = None
        self.section_list.clear()
        self.section_text.clear()
        if report is None:
            self.summary.setText("Chọn một báo cáo trong sổ đăng ký, hoặc soạn báo cáo mới.")
            for w in (*self.flow_buttons.values(), self.save_section_btn, self.regen_btn, self.regen_all_btn,
                      self.save_details_btn):
                w.setEnabled(False)
            return
        number = f"Số {report.number}-{report.doc_code}" if report.number else "Chưa cấp số"
        deadline = register.deadline(report).label
        extra = " · thay thế báo cáo đã ký trước" if report.supersedes else ""
        self.summary.setText(f"<b>{number}</b> · {store.STATUSES[report.status]} · hạn "
                             f"{_vn(report.due_on)} ({deadline}){extra}<br>{report.title}")
        for section in report.sections:
            mark = " (đã sửa)" if section.get("edited") else ""
            item = QListWidgetItem(f"{section['title']}{mark}")
            item.setToolTip(section["title"])
            self.section_list.addItem(item)
        if report.sections:
            self.section_list.setCurrentRow(0)
        editable = transitions.allowed(self.ctx, report, "edit")
        self.section_text.setReadOnly(not editable)
        for w in (self.save_section_btn, self.regen_btn, self.regen_all_btn, self.save_details_btn):
            w.setEnabled(editable)
        for key, button in self.flow_buttons.items():
            why = transitions.refusal(self.ctx, report, key)
            button.setEnabled(not why)
            button.setToolTip(why or FLOW_TIPS[key])
        show_text(self.title_edit, report.title)
        self.number_edit.setText(str(report.number or ""))
        show_text(self.signer_edit, report.signer_name or "")
        self.mode_combo.setCurrentIndex(max(0, self.mode_combo.findData(report.signer_mode)))
        self.mark_combo.setCurrentIndex(max(0, self.mark_combo.findData(report.confidentiality)))
        self.recipients_edit.setPlainText("\n".join(report.recipients))
        if redraw or self.tabs.currentIndex() == self.preview_tab:
            self.show_preview()

    def _show_section(self, row: int) -> None:
        if self.report and 0 <= row < len(self.report.sections):
            self.section_text.setPlainText(self.report.sections[row]["text"])

    def _reload(self, report: store.Report) -> None:
        row = self.section_list.currentRow()
        self.set_report(report)
        if 0 <= row < self.section_list.count():
            self.section_list.setCurrentRow(row)

    # --- actions ---------------------------------------------------------------------
    def _write(self, fn, *, then=None, label: str | None = None, with_progress: bool = False) -> None:
        """Every change to a report is an op on the worker: the panel shows the report it
        returns, and the `changed` signal reloads the register (a refusal is shown by the runner)."""
        def done(report: store.Report) -> None:
            self._reload(report)
            if then:
                then(report)
        self.tasks.op(fn, tables={"reports"}, on_done=done, parent=self, label=label, with_progress=with_progress)

    def save_section(self) -> None:
        row = self.section_list.currentRow()
        if self.report and row >= 0:
            rid, key, text = self.report.id, self.report.sections[row]["key"], self.section_text.toPlainText()
            self._write(lambda: draft.edit_section(self.ctx, rid, key, text))

    def regenerate(self, discard: bool) -> None:
        if discard and not confirm(self, "Soạn lại toàn bộ", "Bỏ mọi phần đã sửa và soạn lại từ số liệu?",
                                   "Bỏ phần đã sửa, soạn lại", "Không soạn lại"):
            return
        rid = self.report.id
        self._write(lambda: draft.regenerate(self.ctx, rid, discard), label="Đang soạn lại báo cáo…")

    def save_details(self) -> None:
        rid, number = self.report.id, self.report.number
        text = self.number_edit.text().strip()
        details = dict(title=self.title_edit.text(), recipients=self.recipients_edit.toPlainText().splitlines(),
                       signer_name=self.signer_edit.text(), signer_mode=self.mode_combo.currentData(),
                       confidentiality=self.mark_combo.currentData())

        def run() -> store.Report:
            if text and text != str(number or ""):
                if not text.isdigit():
                    raise ValidationError("Số văn bản phải là số nguyên dương.")
                register.set_number(self.ctx, rid, int(text))
            return register.update_details(self.ctx, rid, **details)
        self._write(run)

    def _flow(self, key: str, fn) -> None:
        """Submit / approve / return / send / new version: asked first (others see the change),
        then said in the status bar."""
        title, question, yes, done = FLOW_TEXTS[key]
        if key in ("submit", "approve") and self.figures.lines:
            question = f"{self.figures.label.text()}\n\n{question}"
        if not self.report or (key == "submit" and not privacy_gate.checked(self)):
            return
        if not confirm(self, title, question, yes):
            return
        rid, before = self.report.id, self.report.status
        self._write(lambda: fn(self.ctx, rid), then=lambda report: report.status != before and notify(self, done))

    def sign(self) -> None:
        """Whether a USB token signs (and that it is plugged in) and whose name the stamp carries
        are read on the worker, with the delayed progress dialog (a vendor's token library can
        take seconds to load); then the PIN or the question, then the signing op."""
        from app.reports import pkcs11

        rid, moved, ctx, named = self.report.id, bool(self.figures.lines), self.ctx, self.report.signer_name
        if moved and not confirm_sign(self, self.figures.lines):
            return
        self.tasks.query(lambda: (pkcs11.check_token(ctx), sign_question(ctx, named)),
                         lambda found: self._sign_with(rid, moved, *found), parent=self,
                         label="Đang kiểm tra USB token…")

    def _sign_with(self, rid: str, moved: bool, token: str | None, question: str) -> None:
        from app.reports import pkcs11

        pin = None
        if token is not None:
            pin, ok = QInputDialog.getText(self, "Ký số bằng USB token", f"Mã PIN của USB token «{token}»:",
                                           QLineEdit.EchoMode.Password)
            if not ok or not pin:
                return
        elif not confirm(self, "Ký số", question, "Ký số", "Chưa ký"):
            return
        ctx = self.ctx

        def run(progress):
            signer = pkcs11.token_signer(ctx, pin) if pin else None
            return register.sign(ctx, rid, signer=signer, progress=progress, figures_confirmed=moved)
        self._write(run, label="Đang ký số báo cáo…", with_progress=True)

    def _clear_preview(self) -> None:
        self.preview_pane.clear()

    def _tab_opened(self, index: int) -> None:
        """Opening the preview tab shows the selected report's pages (rendered on the worker),
        so the tab is never blank with a report selected."""
        if index == self.preview_tab and self.report and self._preview_of != self.report.id:
            self.show_preview()

    def show_preview(self) -> None:
        if not self.report:
            notify(self, "Hãy chọn một báo cáo trong sổ đăng ký để xem trước.")
            return
        # after a failure (shown by the task runner) the button renders again; the tab does not retry
        rid = self._preview_of = self.report.id
        self.tasks.run(lambda progress: preview.page_images(register.render_files(self.ctx, rid)[1],
                                                            progress=progress),
                       on_done=lambda images: self._show_pages(images, rid), label="Đang dựng bản xem trước…",
                       parent=self, with_progress=True)

    def _show_pages(self, images: list[bytes], rid: str) -> None:
        if not self.report or self.report.id != rid:
            return  # another report was chosen while this one rendered: its pages would mislead
        self.preview_pane.show_pages(images)
        self.tabs.setCurrentIndex(self.preview_tab)

    def _stem(self) -> str:
        r = self.report
        return f"bao-cao-{r.period_start}" + (f"-so-{r.number}" if r.number else "")

    def open_docx(self) -> None:
        if not self.report:
            notify(self, "Hãy chọn một báo cáo trong sổ đăng ký để mở bằng Word.")
            return
        rid, stem = self.report.id, self._stem()

        def write() -> str:
            # Word needs a real file: it goes to the private 0700 folder removed at exit (issue 14).
            return str(private_temp.write(f"{stem}.docx", register.render_files(self.ctx, rid)[0]))
        self.tasks.run(write, on_done=self._open_file, label="Đang tạo tệp DOCX…", parent=self)

    def _open_file(self, path: str) -> None:
        open_or_say(self, path, "báo cáo")

    def print_document(self) -> None:
        if not self.report:
            notify(self, "Hãy chọn một báo cáo trong sổ đăng ký để in.")
            return
        from ui.printing import preview_pdf  # Qt's print support (2 MiB): loaded when something is printed

        rid, title = self.report.id, self._stem()
        self.tasks.run(lambda: register.render_files(self.ctx, rid)[1],
                       on_done=lambda pdf: preview_pdf(self, pdf, title) and notify(self, "Đã gửi báo cáo tới máy in."),
                       label="Đang chuẩn bị bản in…", parent=self)

    def save_pdf(self) -> None:
        if not self.report:
            notify(self, "Hãy chọn một báo cáo trong sổ đăng ký để lưu PDF.")
            return
        name = save_file(self, "Lưu PDF", f"{self._stem()}.pdf", "PDF (*.pdf)")
        if name:
            rid = self.report.id
            self.tasks.run(lambda: Path(name).write_bytes(register.render_files(self.ctx, rid)[1]),
                           on_done=lambda _: notify(self, f"Đã lưu PDF: {name}"),
                           label="Đang tạo tệp PDF…", parent=self)

    def verify_file(self) -> None:
        from app.reports import signing

        name, ctx = open_file(self, "Chọn tệp PDF đã ký", "PDF (*.pdf)"), self.ctx
        if name:   # the file, the office's trusted certificates and the validation: on the worker
            self.tasks.query(lambda: signing.verify_pdf(ctx, Path(name).read_bytes()), self._verified, parent=self,
                             label="Đang kiểm tra chữ ký số…")

    def _verified(self, result) -> None:
        box = QMessageBox.information if result.valid else QMessageBox.warning
        box(self, "Kết quả kiểm tra chữ ký số", result.message)


FLOW_TEXTS = {
    "submit": ("Trình duyệt", "Trình báo cáo này để lãnh đạo ban duyệt? Trong khi chờ duyệt, dự thảo không sửa "
               "được.", "Trình duyệt", "Đã trình duyệt báo cáo."),
    "approve": ("Phê duyệt", "Phê duyệt báo cáo này? Sau khi duyệt, nội dung không sửa được nữa.", "Phê duyệt",
                "Đã phê duyệt báo cáo."),
    "return": ("Trả lại dự thảo", "Trả báo cáo về dự thảo để người soạn sửa tiếp?", "Trả lại",
               "Đã trả báo cáo về dự thảo."),
    "send": ("Đánh dấu đã gửi", "Ghi nhận báo cáo đã gửi cấp trên? Việc gửi được ghi vào sổ đăng ký.", "Đã gửi",
             "Đã ghi nhận báo cáo đã gửi."),
    "version": ("Tạo phiên bản mới", "Tạo một dự thảo mới thay thế báo cáo này?", "Tạo phiên bản",
                "Đã tạo phiên bản mới (dự thảo)."),
}
# What a workflow button does, said as its tooltip when it is enabled (why it is greyed comes
# from app/reports/transitions.py, the same sentence the register refuses with).
FLOW_TIPS = {key: texts[1] for key, texts in FLOW_TEXTS.items()} | {"sign": "Ký số báo cáo đã phê duyệt."}


def _vn(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else "—"
