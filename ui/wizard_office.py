"""The wizard's second step: the province, then the commune from the official 2025 list, or
the agency committee's name and code; and, on a PC without an OS keyring, the database
password typed twice with its strength. A view over app.units / app.office_setup."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWizardPage

from app import units
from app.errors import DlxhError
from app.office_kinds import style_for
from app.office_setup import OfficeSpec, needs_passphrase, official_spec
from app.password_strength import strength
from ui import palette
from ui.widgets import TypeAheadCombo

NO_PROVINCE = "— Chưa chọn (tìm trong cả nước) —"
STRENGTH_TONES = ("error", "error", "caution", "good")


class KindSource(Protocol):
    """What OfficePage needs of step 1 (KindPage): the chosen kind."""

    def kind(self) -> str: ...


class OfficePage(QWizardPage):
    """Nothing is chosen for the clerk: the province starts unset (the commune search then
    covers the whole country) and no commune is picked until something is typed. A search
    that finds nothing in the chosen province looks in every province and says so."""

    def __init__(self, kind_page: KindSource) -> None:
        super().__init__()
        self.kind_page = kind_page
        self.setTitle("Thông tin đơn vị")
        self.setSubTitle("Chọn theo danh mục đơn vị hành chính 2025. Có thể sửa tên hiển thị sau trong Cài đặt.")
        form = QFormLayout(self)
        self.province = TypeAheadCombo()        # "vinh long" picks Tỉnh Vĩnh Long
        self.province.addItem(NO_PROVINCE, None)
        for prov in units.provinces():
            self.province.addItem(f"{prov.name} ({prov.code})", prov.code)
        self.search = QLineEdit()
        self.search.setPlaceholderText("gõ tên xã, phường, không cần dấu: ví dụ cang long")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.results = QListWidget()
        self.results.setMinimumHeight(140)
        self.name = QLineEdit()
        self.name.setPlaceholderText("ví dụ Đảng ủy các cơ quan Đảng tỉnh")
        self.code = QLineEdit()
        self.code.setPlaceholderText("mã do Tỉnh ủy cấp, ví dụ DUCCQ")
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        # Room for its three lines from the start: text arriving later overlapped the list.
        self.preview.setMinimumHeight(self.preview.fontMetrics().lineSpacing() * 3 + 4)
        form.addRow("Tỉnh, thành phố:", self.province)
        form.addRow("Tìm xã, phường:", self.search)
        form.addRow("", self.hint)
        form.addRow("", self.results)
        form.addRow("Tên đảng ủy:", self.name)
        form.addRow("Mã đơn vị:", self.code)
        form.addRow("Sẽ ghi trên văn bản:", self.preview)
        self.form = form
        self.needs_passphrase = needs_passphrase()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = QLabel()
        if self.needs_passphrase:
            note = QLabel("Máy này không có kho khóa của hệ điều hành: hãy đặt mật khẩu cơ sở dữ liệu "
                          "(ít nhất 8 ký tự). Mỗi lần mở chương trình sẽ hỏi mật khẩu này.")
            note.setWordWrap(True)
            form.addRow(note)
            form.addRow("Mật khẩu:", self.passphrase)
            form.addRow("Nhập lại mật khẩu:", self.repeat)
            form.addRow("", self.strength)
            self.passphrase.textChanged.connect(self._changed)
            self.repeat.textChanged.connect(self._changed)
        self.province.currentIndexChanged.connect(self._refresh)
        self.search.textChanged.connect(self._refresh)
        self.results.currentRowChanged.connect(self._changed)
        self.name.textChanged.connect(self._changed)
        self.code.textChanged.connect(self._changed)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        kind = self.kind_page.kind()
        for widget, shown in ((self.search, kind == "commune"), (self.results, kind == "commune"),
                              (self.hint, kind == "commune"),
                              (self.name, kind == "agency"), (self.code, kind == "agency")):
            self.form.setRowVisible(widget, shown)
        self._refresh()
        # A commune is found by typing its name (the whole country is searched): start there.
        # After the event loop turn: QWizard gives its first field the focus once this returns.
        QTimer.singleShot(0, self, self._focus_first)      # `self` as context: no call once it is gone

    def _focus_first(self) -> None:
        (self.search if self.kind_page.kind() == "commune" else self.province).setFocus()

    def _refresh(self) -> None:
        """The communes matching the search: in the chosen province, else in all of them."""
        self.results.clear()
        text, province = self.search.text().strip(), self.province.currentData()
        self.hint.setText("")
        hits = units.search(text, province, limit=60) if (text or province) else []
        self.hint.setText("")
        if text and province and not hits:
            hits = units.search(text, None, limit=60)
            name = self.province.currentText().rsplit(" (", 1)[0]
            self.hint.setText(f"Không có “{text}” trong {name}; "
                              + ("dưới đây là kết quả ở các tỉnh, thành phố khác." if hits else
                                 "cũng không có ở tỉnh, thành phố nào khác."))
        elif text and not hits:
            self.hint.setText(f"Không có xã, phường nào tên “{text}” trong danh mục 2025.")
        self.hint.setVisible(bool(self.hint.text()) and self.kind_page.kind() == "commune")
        for commune in hits:
            where = "" if commune.province_code == province else f" – {commune.province_name}"
            item = QListWidgetItem(f"{commune.name}   ({commune.code}){where}")
            item.setData(Qt.ItemDataRole.UserRole, commune.code)
            self.results.addItem(item)
        if self.results.count() and text:
            self.results.setCurrentRow(0)
        self._changed()

    def spec(self) -> OfficeSpec | None:
        """What the office will be, or None while the choice is incomplete."""
        kind = self.kind_page.kind()
        try:
            if kind == "commune":
                item = self.results.currentItem()
                return official_spec("commune", item.data(Qt.ItemDataRole.UserRole)) if item else None
            if self.province.currentData() is None:
                return None
            if kind == "province":
                return official_spec("province", self.province.currentData())
            if not (self.name.text().strip() and self.code.text().strip()):
                return None
            return official_spec("agency", self.code.text(), self.name.text(), self.province.currentData())
        except DlxhError:
            return None

    def chosen_passphrase(self) -> str | None:
        """The password to derive the key from, once typed twice alike and long enough."""
        if not self.needs_passphrase:
            return None
        text = self.passphrase.text()
        if strength(text).score == 0 or text != self.repeat.text():
            return None
        return text

    def _show_strength(self) -> None:
        text = self.passphrase.text()
        if not text:
            self.strength.setText("")
            return
        rated = strength(text)
        label = rated.label
        if self.repeat.text() and self.repeat.text() != text:
            label += " · Hai lần gõ chưa giống nhau"
        self.strength.setText(palette.span(f"Độ mạnh: {label}", STRENGTH_TONES[rated.score]))

    def _changed(self) -> None:
        spec = self.spec()
        if spec is None:
            self.preview.setText("")
        else:
            style = style_for(spec.kind, spec.name, spec.parent_name or spec.name)
            self.preview.setText(f"{style.superior_name}\n{style.body_name}\nSố …-BC/{style.symbol}   "
                                 f"({style.place_name}, ngày … tháng … năm …)")
        if self.needs_passphrase:
            self._show_strength()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        return self.spec() is not None and (not self.needs_passphrase or self.chosen_passphrase() is not None)
