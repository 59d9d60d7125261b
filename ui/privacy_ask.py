"""The decision asked before saving or submitting text that looks like it names a citizen
(a name, a phone or an ID number): keep it, go back and edit, or remove what was found.
Enter and Esc choose "Sửa lại" (nothing saved), so a fast typist cannot save it by accident
(issue 25: the inline hint let Enter save, and such text was printed into report PDFs).
The finding is app.opinions.privacy; this module only asks."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

KEEP, EDIT, REMOVE = "keep", "edit", "remove"


def ask(found: list[str], parent: QWidget | None, where: str = "ý kiến", then: str = "lưu") -> str:
    """`found`: one Vietnamese line per finding; `then`: what follows removing ("lưu", "trình").
    Returns KEEP, EDIT or REMOVE."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Có thể lộ thông tin cá nhân",
                      f"Nội dung {where} có thể nêu danh tính người dân:\n\n" + "\n".join(f"• {line}" for line in found)
                      + "\n\nThông tin dư luận và báo cáo chỉ mô tả luồng ý kiến, không ghi tên, số điện thoại "
                        "hay số giấy tờ của người dân.", parent=parent)
    edit = box.addButton("Sửa lại", QMessageBox.ButtonRole.RejectRole)
    remove = box.addButton(f"Bỏ các thông tin này rồi {then}", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Vẫn giữ nguyên", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(edit)
    box.setEscapeButton(edit)
    box.exec()
    clicked = box.clickedButton()
    return KEEP if clicked is keep else REMOVE if clicked is remove else EDIT
