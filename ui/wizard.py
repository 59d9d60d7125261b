"""First run: the office's kind, its unit from the official 2025 list, the key, and the
recovery code to print. A thin view over app.units / app.office_setup / app.office."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app import units
from app.context import Ctx
from app.errors import DlxhError
from app.office import init_office
from app.office_kinds import KINDS, style_for
from app.office_setup import OfficeSpec, official_spec
from db.keys import keyring_available
from ui.errors import show_error
from ui.widgets import TypeAheadCombo


class KindPage(QWizardPage):
    """Step 1: which kind of office (office_kinds.KINDS); a commune Party committee by default."""

    CHOICES = ("commune", "agency", "province")

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Đơn vị sử dụng phần mềm")
        self.setSubTitle("Từ 01/7/2025 chính quyền địa phương có hai cấp: tỉnh và xã. Chọn loại đơn vị của mình.")
        box = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        for n, kind in enumerate(self.CHOICES):
            button = QRadioButton(KINDS[kind])
            button.setProperty("kind", kind)
            self.group.addButton(button, n)
            box.addWidget(button)
        self.group.button(0).setChecked(True)
        note = QLabel("Đảng ủy xã, phường, đặc khu: Ban Xây dựng Đảng hoặc Văn phòng Đảng ủy làm công tác dư luận "
                      "xã hội, báo cáo Ban Tuyên giáo và Dân vận Tỉnh ủy.\nĐảng ủy trực thuộc Tỉnh ủy: ví dụ Đảng ủy "
                      "các cơ quan Đảng tỉnh.\nBan Tuyên giáo và Dân vận Tỉnh ủy, Thành ủy: tổng hợp từ các xã, "
                      "phường.")
        note.setWordWrap(True)
        box.addWidget(note)
        box.addStretch(1)

    def kind(self) -> str:
        return self.group.checkedButton().property("kind")


class OfficePage(QWizardPage):
    """Step 2: the province, then the commune from the official list (accent-free type-ahead),
    or the agency committee's name and code; shows the header lines it will print."""

    def __init__(self, kind_page: KindPage) -> None:
        super().__init__()
        self.kind_page = kind_page
        self.setTitle("Thông tin đơn vị")
        self.setSubTitle("Chọn theo danh mục đơn vị hành chính 2025. Có thể sửa tên hiển thị sau trong Cài đặt.")
        form = QFormLayout(self)
        self.province = TypeAheadCombo()        # "vinh long" picks Tỉnh Vĩnh Long
        for prov in units.provinces():
            self.province.addItem(f"{prov.name} ({prov.code})", prov.code)
        self.search = QLineEdit()
        self.search.setPlaceholderText("gõ tên xã, phường, không cần dấu: ví dụ cang long")
        self.results = QListWidget()
        self.results.setMinimumHeight(160)
        self.name = QLineEdit()
        self.name.setPlaceholderText("ví dụ Đảng ủy các cơ quan Đảng tỉnh")
        self.code = QLineEdit()
        self.code.setPlaceholderText("mã do Tỉnh ủy cấp, ví dụ DUCCQ")
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        form.addRow("Tỉnh, thành phố:", self.province)
        form.addRow("Tìm xã, phường:", self.search)
        form.addRow("", self.results)
        form.addRow("Tên đảng ủy:", self.name)
        form.addRow("Mã đơn vị:", self.code)
        form.addRow("Sẽ ghi trên văn bản:", self.preview)
        self.form = form
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        if not keyring_available():
            form.addRow(QLabel("Máy này không có kho khóa của hệ điều hành: hãy đặt mật khẩu cơ sở dữ liệu "
                               "(ít nhất 8 ký tự)."))
            form.addRow("Mật khẩu:", self.passphrase)
        self.province.currentIndexChanged.connect(self._refresh)
        self.search.textChanged.connect(self._refresh)
        self.results.currentRowChanged.connect(self._changed)
        self.name.textChanged.connect(self._changed)
        self.code.textChanged.connect(self._changed)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        kind = self.kind_page.kind()
        for widget, shown in ((self.search, kind == "commune"), (self.results, kind == "commune"),
                              (self.name, kind == "agency"), (self.code, kind == "agency")):
            self.form.setRowVisible(widget, shown)
        self._refresh()
        self.province.setFocus()

    def _refresh(self) -> None:
        self.results.clear()
        for commune in units.search(self.search.text(), self.province.currentData(), limit=60):
            item = QListWidgetItem(f"{commune.name}   ({commune.code})")
            item.setData(Qt.ItemDataRole.UserRole, commune.code)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        self._changed()

    def spec(self) -> OfficeSpec | None:
        """What the office will be, or None while the choice is incomplete."""
        kind = self.kind_page.kind()
        try:
            if kind == "commune":
                item = self.results.currentItem()
                return official_spec("commune", item.data(Qt.ItemDataRole.UserRole)) if item else None
            if kind == "province":
                return official_spec("province", self.province.currentData())
            if not (self.name.text().strip() and self.code.text().strip()):
                return None
            return official_spec("agency", self.code.text(), self.name.text(), self.province.currentData())
        except DlxhError:
            return None

    def _changed(self) -> None:
        spec = self.spec()
        if spec is None:
            self.preview.setText("")
        else:
            style = style_for(spec.kind, spec.name, spec.parent_name or spec.name)
            self.preview.setText(f"{style.superior_name}\n{style.body_name}\nSố …-BC/{style.symbol}   "
                                 f"({style.place_name}, ngày … tháng … năm …)")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.spec() is not None


class RecoveryPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Khóa khôi phục")
        self.setSubTitle("Khóa này chỉ hiện một lần. In hoặc chép tay, cất ở nơi an toàn: khi máy hỏng hoặc mất "
                         "kho khóa, đây là cách duy nhất để mở lại dữ liệu.")
        box = QVBoxLayout(self)
        self.code = QLineEdit()
        self.code.setReadOnly(True)
        self.code.setStyleSheet("font-family: monospace; font-size: 13pt;")
        box.addWidget(self.code)
        copy = QPushButton("Sao chép")
        copy.clicked.connect(lambda: QApplication.clipboard().setText(self.code.text()))
        box.addWidget(copy)
        print_button = QPushButton("In khóa khôi phục…")
        print_button.clicked.connect(self.print_code)
        box.addWidget(print_button)
        self.kept = QCheckBox("Tôi đã in hoặc ghi lại khóa khôi phục")
        self.kept.toggled.connect(self.completeChanged)
        box.addWidget(self.kept)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.kept.isChecked()

    def print_code(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        if QPrintDialog(printer, self).exec():
            doc = QTextDocument()
            doc.setHtml("<h2>DLXH – Khóa khôi phục cơ sở dữ liệu</h2>"
                        f"<p style='font-family: monospace; font-size: 16pt'>{self.code.text()}</p>"
                        "<p>Cất giữ nơi an toàn. Dùng khi máy hỏng hoặc mất kho khóa: "
                        "<i>dlxh recover --code …</i></p>")
            doc.print_(printer)


class FirstRunWizard(QWizard):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.ctx: Ctx | None = None
        self.setWindowTitle("DLXH – Khởi tạo lần đầu")
        self.kind = KindPage()
        self.office = OfficePage(self.kind)
        self.recovery = RecoveryPage()
        self.addPage(self.kind)
        self.addPage(self.office)
        self.addPage(self.recovery)
        self.setButtonText(QWizard.WizardButton.NextButton, "Tiếp theo")
        self.setButtonText(QWizard.WizardButton.BackButton, "Quay lại")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Hoàn tất")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Hủy")
        # Tab never lands on Hủy: a space typed after a Tab (a name with two words) would
        # press it and close the program. The mouse and Esc still cancel.
        cancel = self.button(QWizard.WizardButton.CancelButton)
        cancel.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        cancel.setToolTip("Hủy khởi tạo (Esc)")

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt API
        if self.currentPage() is self.office and self.ctx is None:
            o = self.office
            spec = o.spec()
            if spec is None:
                return False
            try:
                self.ctx, code = init_office(self.path, **spec.as_kwargs(), passphrase=o.passphrase.text() or None)
            except DlxhError as exc:
                show_error(self, exc)
                return False
            self.recovery.code.setText(code)
        return True


def run_first_run(path: Path) -> Ctx | None:
    wizard = FirstRunWizard(path)
    wizard.exec()
    return wizard.ctx
