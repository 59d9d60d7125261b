"""The in-app user guide (resources/help/*.html, Vietnamese, one page per screen; F1 opens
the current screen's page) and the "Giới thiệu" box with version and licences."""

from __future__ import annotations

from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

HELP_DIR = Path(__file__).resolve().parents[1] / "resources" / "help"

# What DLXH ships, with each licence (shown in "Giới thiệu"; keep in step with pyproject.toml).
LICENCES: list[tuple[str, str, str]] = [
    ("Phông chữ Liberation Serif", "", "SIL Open Font License 1.1"),
    ("Biểu tượng (vẽ riêng cho DLXH)", "", "CC0 1.0 (tự do dùng, sửa, phân phối)"),
    ("Qt / PySide6", "PySide6-Essentials", "LGPL 3.0"),
    ("SQLCipher (sqlcipher3)", "sqlcipher3", "BSD (SQLCipher), zlib (sqlcipher3)"),
    ("sqlite-utils", "sqlite-utils", "Apache 2.0"),
    ("ReportLab", "reportlab", "BSD"),
    ("python-docx", "python-docx", "MIT"),
    ("openpyxl", "openpyxl", "MIT"),
    ("keyring", "keyring", "MIT"),
    ("pyrage (age)", "pyrage", "MIT"),
    ("cryptography", "cryptography", "Apache 2.0 hoặc BSD"),
    ("pyHanko (ký số PDF)", "pyHanko", "MIT"),
    ("pypdf", "pypdf", "BSD"),
    ("pypdfium2 (PDFium)", "pypdfium2", "Apache 2.0 / BSD"),
    ("python-pkcs11 (USB token)", "python-pkcs11", "MIT"),
]


def help_file(page_key: str) -> Path:
    """The guide page for a screen, else the guide's index."""
    path = HELP_DIR / f"{page_key}.html"
    return path if path.exists() else HELP_DIR / "index.html"


class HelpDialog(QDialog):
    def __init__(self, page_key: str = "index", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hướng dẫn sử dụng DLXH")
        self.resize(760, 620)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setSearchPaths([str(HELP_DIR)])
        self.browser.setSource(QUrl.fromLocalFile(str(help_file(page_key))))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        index = buttons.addButton("Mục lục", QDialogButtonBox.ButtonRole.ActionRole)
        index.clicked.connect(lambda: self.browser.setSource(QUrl.fromLocalFile(str(HELP_DIR / "index.html"))))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.browser.setFocus()


def _version(dist: str) -> str:
    import importlib.metadata  # here, not at start-up: 27 ms for the About box alone

    if not dist:
        return ""
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return ""


def about_html() -> str:
    rows = "".join(f"<tr><td>{name}</td><td>{_version(dist)}</td><td>{licence}</td></tr>"
                   for name, dist, licence in LICENCES)
    return (f"<h2>DLXH {_version('dlxh') or ''}</h2>"
            "<p>Phần mềm quản lý công tác dư luận xã hội: cộng tác viên, giao ban, thông tin dư luận, "
            "điều tra, báo cáo và trao đổi dữ liệu đã ký, mã hóa. Chạy không cần Internet; dữ liệu được "
            f"mã hóa trên máy.</p><p>Giao diện: Qt for Python (PySide6) {pyside_version}.</p>"
            "<h3>Phông chữ và thư viện kèm theo</h3>"
            "<table cellpadding='3'><tr><th align='left'>Thành phần</th><th align='left'>Phiên bản</th>"
            f"<th align='left'>Giấy phép</th></tr>{rows}</table>"
            "<p>Văn bản giấy phép của phông chữ: resources/fonts/LICENSE-LiberationSerif.txt.</p>")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Giới thiệu DLXH")
        layout = QVBoxLayout(self)
        self.text = QLabel(about_html())
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
