"""Qt's own dialogs speak Vietnamese: the shipped qtbase_vi.qm is installed and covers the
file dialog, message-box buttons and the Copy/Paste context menu (real widgets, offscreen)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from ui.app import I18N_DIR, install_qt_vietnamese

ENGLISH_SOURCES = {(m.findtext("source") or "").replace("&", "").strip()
                   for m in ET.parse(I18N_DIR / "qtbase_vi.ts").getroot().iter("message")}
ENGLISH_SOURCES -= {"", "%1%", "...", "mm", "pt", "in", "1 (1x1)", "Alt+Left", "Alt+Right", "Alt+Up"}
ENGLISH_WORDS = re.compile(r"\b(Cancel|Open|Save|Name|Size|Type|Date|Modified|Look|Files?|Folder|Undo|Redo|Copy|"
                           r"Paste|Cut|Delete|Select|Yes|No|Details|Back|Forward|Directory)\b")


@pytest.fixture(autouse=True)
def vietnamese(qapp: QApplication) -> None:
    assert install_qt_vietnamese(qapp)


def visible_texts(root: QWidget) -> list[str]:
    """Every caption, tooltip, header and combo entry a user can see in `root`."""
    texts: list[str] = [root.windowTitle()]
    for w in root.findChildren(QWidget):
        texts.append(w.toolTip())
        if isinstance(w, QAbstractButton | QLabel):
            texts.append(w.text())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
    return [t.replace("&", "").strip() for t in texts if t and t.strip()]


def assert_no_english(texts: list[str]) -> None:
    english = [t for t in texts if t in ENGLISH_SOURCES or ENGLISH_WORDS.search(t)]
    assert not english, english


def test_file_dialog_is_vietnamese(qtbot, tmp_path: Path) -> None:
    dialog = QFileDialog(None, "Lưu tệp Excel", str(tmp_path), "Tệp Excel (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = visible_texts(dialog)
    for expected in ("Tên tệp:", "Loại tệp:", "Tìm trong:", "Lưu", "Hủy", "Tên", "Kích thước", "Ngày sửa",
                     "Thư mục cha", "Tạo thư mục mới"):
        assert expected in texts, (expected, texts)
    assert_no_english(texts)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    texts = visible_texts(dialog)
    assert "Chọn" in texts
    assert_no_english(texts)


def test_message_box_buttons_are_vietnamese(qtbot) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "Xóa?", "Xóa ý kiến này?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ok)
    box.setDetailedText("chi tiết")
    qtbot.addWidget(box)
    box.show()
    texts = visible_texts(box)
    for expected in ("Có", "Không", "Hủy", "Đồng ý", "Xem chi tiết..."):
        assert expected in texts, (expected, texts)
    assert_no_english(texts)


def test_line_edit_context_menu_is_vietnamese(qtbot) -> None:
    edit = QLineEdit("nội dung")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    actions = [a.text().replace("&", "").split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    for expected in ("Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"):
        assert expected in actions, actions
    assert_no_english(actions)


def test_file_pickers_start_in_documents_then_last_folder(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings, QStandardPaths

    from ui import files

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    QSettings().remove("files/last_dir")
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert files.start_dir() in (docs, str(Path.home()))
    assert files.start_dir() != str(Path.cwd())
    chosen = tmp_path / "usb" / "bao-cao.pdf"
    chosen.parent.mkdir()
    files.remember(str(chosen))
    assert files.start_dir() == str(chosen.parent)


def test_print_dialog_is_vietnamese(qtbot) -> None:
    """The print dialog a clerk opens for a report or the recovery sheet ("Page Set" was left)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QGroupBox

    printer = QPrinter()            # outlives the dialog, which keeps a pointer to it
    dialog = QPrintDialog(printer)
    dialog.show()
    texts = visible_texts(dialog) + [g.title().replace("&", "") for g in dialog.findChildren(QGroupBox)]
    dialog.close()
    dialog.deleteLater()
    for expected in ("In", "Hủy", "Máy in", "Phạm vi in", "Nhóm trang:", "Số bản:"):
        assert expected in texts, (expected, texts)
    assert_no_english([t for t in texts if t != "..."])


def test_cups_job_options_are_vietnamese(qapp) -> None:
    """The printer's job options (shown only with a CUPS printer, so checked through Qt's own
    lookup with the exact source strings and comments of QCupsJobWidget)."""
    from PySide6.QtCore import QCoreApplication

    def tr(text: str, comment: str | None = None) -> str:
        return QCoreApplication.translate("QCupsJobWidget", text, comment)

    assert tr("Job Control") == "Điều khiển lệnh in"
    assert tr("Scheduled &printing:") == "&Hẹn giờ in:"
    assert tr("Print Immediately") == "In ngay"
    assert tr("Top Secret", "CUPS Banner page") == "Tuyệt mật"
    assert tr("None", "CUPS Banner page") == "Không"
