"""A commune office made from its official code imports a real-shaped list that still uses
pre-reform names (two-row header, a section per old commune, totals, signatures): the names
are mapped with the official converter, shown in the dry run and the preview, and exactly the
list's people are imported. A province office maps the same old names to its communes."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import openpyxl  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402

from app.collaborators import excel_import  # noqa: E402
from app.office import open_ctx  # noqa: E402
from tests.conftest import run_cli, run_cli_in_process  # noqa: E402

PASS = "e2e-passphrase-15"
PEOPLE = ["Nguyễn Văn Ánh", "Trần Thị Bé", "Lê Văn Chiến", "Thạch Thị Sa Rươne", "Phạm Văn Đức", "Kim Thị Hoa",
          "Võ Văn Giàu"]


def prereform_list(path: Path) -> Path:
    """The shape of a list kept by the old district's Ban Tuyên giáo, before 7/2025."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "DS CTV 2024"
    head = ["STT", "Họ và tên", "Năm sinh", None, "Dân tộc", "Chức vụ, đơn vị", "Địa bàn (ấp, khóm)", "Điện thoại"]
    rows = [
        ["HUYỆN ỦY CÀNG LONG", None, None, None, None, "ĐẢNG CỘNG SẢN VIỆT NAM"],
        ["BAN TUYÊN GIÁO"],
        ["DANH SÁCH CỘNG TÁC VIÊN DƯ LUẬN XÃ HỘI NĂM 2024"],
        head,
        [None, None, "Nam", "Nữ", None, None, None, None],
        ["I", "THỊ TRẤN CÀNG LONG"],
        [1, "Nguyễn Văn Ánh", 1968, None, "Kinh", "Bí thư chi bộ khóm 1", "Khóm 1", "0912345601"],
        [2, "Trần Thị Bé", None, 1979, "Kinh", "Chi hội trưởng phụ nữ", "Khóm 2", None],
        [None, "Cộng: 2 người"],
        ["II", "XÃ MỸ CẨM"],
        [1, "Lê Văn Chiến", 1972, None, "Kinh", "Trưởng ấp", "Ấp Mỹ Hiệp", "0912345603"],
        [2, "Thạch Thị Sa Rươne", None, 1985, "Khmer", "Người có uy tín", "ẤP MỸ HIỆP", None],
        [None, "Cộng: 2 người"],
        [],
        head,                                     # the header printed again on page 2
        ["III", "XÃ NHỊ LONG PHÚ"],
        [1, "Phạm Văn Đức", 1960, None, "Kinh", "Hưu trí", "Ấp Nhị Hòa", None],
        [2, "Kim Thị Hoa", None, 1990, "Khmer", "Giáo viên", None, "0912345606"],
        [3, "Võ Văn Giàu", 1981, None, "Kinh", "Nông dân", "Ấp Nhị Hòa", None],
        [None, "Tổng cộng: 7 người"],
        [None, None, None, None, None, "Càng Long, ngày 10 tháng 12 năm 2024"],
        [None, "NGƯỜI LẬP BIỂU", None, None, None, "T/M BAN THƯỜNG VỤ"],
        [None, None, None, None, None, "PHÓ BÍ THƯ"],
        [None, "(Ký, ghi rõ họ tên)", None, None, None, "(Ký tên, đóng dấu)"],
        [],
        [None, "Huỳnh Thị Lập", None, None, None, "Trương Văn Ký"],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("A3:H3")
    ws.merge_cells("C4:D4")
    book.save(path)
    return path


@pytest.fixture
def commune_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DLXH_PASSPHRASE", PASS)
    db = tmp_path / "cang-long.db"
    made = run_cli_in_process("--db", str(db), "init", "--kind", "commune", "--unit", "29266",
                              env={"DLXH_PASSPHRASE": PASS})
    assert made.returncode == 0, made.stderr
    return db


def test_commune_office_imports_a_prereform_list(commune_db: Path, tmp_path: Path) -> None:
    book = prereform_list(tmp_path / "ds ctv cang long 2024.xlsx")
    env = {"DLXH_PASSPHRASE": PASS}
    # `dlxh` in this process (tests/conftest.py), as the command-family tests run it; the import
    # that writes runs as its own `python -m app` process, the way a user calls it.
    dry = run_cli_in_process("--db", str(commune_db), "collaborators", "import", str(book), "--dry-run", env=env)
    assert dry.returncode == 0, dry.stderr
    out = dry.stdout
    # The old communes of the sections are mapped to this commune with the official converter.
    assert ("Địa bàn 'XÃ NHỊ LONG PHÚ': tên cũ: Xã Nhị Long Phú, huyện Càng Long (cũ) → Xã Càng Long, "
            "tức chính đơn vị này") in out
    assert "'THỊ TRẤN CÀNG LONG': tên cũ: Thị trấn Càng Long, huyện Càng Long (cũ) → Xã Càng Long" in out
    assert "Địa bàn 'Ấp Nhị Hòa': không có trong danh mục (2 dòng)" in out
    assert "Bỏ qua 2 dòng trống, 3 dòng tiêu đề mục, 3 dòng tổng cộng, 5 dòng ký tên, 1 dòng tiêu đề lặp lại" in out
    assert "Sẽ thêm 7 cộng tác viên; 0 dòng có lỗi; 0 dòng trùng" in out and "Không ghi gì" in out
    refused = run_cli_in_process("--db", str(commune_db), "collaborators", "import", str(book), env=env)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1 and "--add-areas" in refused.stderr
    assert "'Khóm 1'" in refused.stderr and "Traceback" not in refused.stderr
    real = run_cli("--db", str(commune_db), "collaborators", "import", str(book), "--add-areas", env=env)
    assert real.returncode == 0, real.stderr
    assert "Đã thêm 7 cộng tác viên; 0 dòng trùng, 0 dòng lỗi không nhập. Đã thêm 4 địa bàn" in real.stdout
    ctx = open_ctx(commune_db, PASS)
    try:
        got = ctx.db.execute("SELECT c.full_name, u.name, u.level, u.area_type FROM collaborators c "
                             "LEFT JOIN units u ON u.code = c.area_code ORDER BY c.full_name").fetchall()
    finally:
        ctx.close()
    assert sorted(r[0] for r in got) == sorted(PEOPLE)   # exactly its people: no heading, total or signer
    areas = {r[0]: r[1:] for r in got}
    assert areas["Thạch Thị Sa Rươne"] == ("Ấp Mỹ Hiệp", "hamlet", "ấp")   # "ẤP MỸ HIỆP" is the same hamlet
    assert areas["Nguyễn Văn Ánh"] == ("Khóm 1", "hamlet", "khóm")
    assert areas["Kim Thị Hoa"] == (None, None, None)   # under "XÃ NHỊ LONG PHÚ", no hamlet given: left to assign
    again = run_cli_in_process("--db", str(commune_db), "collaborators", "import", str(book), env=env)
    assert again.returncode == 0 and "Đã thêm 0 cộng tác viên; 7 dòng trùng" in again.stdout


def test_preview_dialog_shows_and_changes_mappings(commune_db: Path, tmp_path: Path, qtbot) -> None:
    from ui.collab.import_dialog import ImportPreviewDialog
    from ui.tasks import TaskRunner

    ctx = open_ctx(commune_db, PASS)
    try:
        pv = excel_import.preview(ctx, prereform_list(tmp_path / "ds.xlsx"))
        dialog = ImportPreviewDialog(ctx, TaskRunner(synchronous=True), pv)
        qtbot.addWidget(dialog)
        dialog.resize(1366, 768)
        dialog.show()
        names = [dialog.areas.item(r, 0).text() for r in range(dialog.areas.rowCount())]
        assert names == ["THỊ TRẤN CÀNG LONG", "Khóm 1", "Khóm 2", "XÃ MỸ CẨM", "Ấp Mỹ Hiệp", "XÃ NHỊ LONG PHÚ",
                         "Ấp Nhị Hòa"]
        assert "Xã Càng Long" in dialog.areas.item(5, 1).text() and "Xã cũ, nay thuộc đơn vị" in dialog.areas.item(5, 1).text()
        assert not dialog.ok.isEnabled() and "4 địa bàn" in dialog.status.text()
        qtbot.mouseClick(dialog.add_all, Qt.MouseButton.LeftButton)
        assert dialog.ok.isEnabled() and dialog.ok.text() == "Nhập 7 cộng tác viên"
        # Change one mapping: "Ấp Nhị Hòa" is left empty instead of added.
        combo = dialog.combos["Ấp Nhị Hòa"]
        combo.setCurrentIndex(combo.findData("none"))
        row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == "Phạm Văn Đức")
        assert dialog.table.item(row, 3).text() == "(để trống; tệp ghi Ấp Nhị Hòa)"
        assert dialog.grab().save(str(tmp_path / "import-preview.png"))   # the tree stays clean
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        got = dict(ctx.db.execute("SELECT c.full_name, u.name FROM collaborators c "
                                  "LEFT JOIN units u ON u.code = c.area_code").fetchall())
        assert sorted(got) == sorted(PEOPLE) and got["Phạm Văn Đức"] is None and got["Lê Văn Chiến"] == "Ấp Mỹ Hiệp"
    finally:
        ctx.close()


def test_province_office_maps_old_communes_to_its_communes(tmp_path: Path) -> None:
    env = {"DLXH_PASSPHRASE": PASS}
    db = tmp_path / "vinh-long.db"
    assert run_cli_in_process("--db", str(db), "init", "--kind", "province", "--unit", "86", env=env).returncode == 0
    book = openpyxl.Workbook()
    ws = book.active
    for row in [["DANH SÁCH CTV"], ["STT", "Họ và tên", "Năm sinh", "Địa bàn"],
                [1, "Đào Văn Một", 1970, "Xã Nhị Long Phú, huyện Càng Long"], [2, "Đào Văn Hai", 1971, "Xã Tân Bình"],
                [3, "Đào Văn Ba", 1972, "Xã Long Phước"]]:
        ws.append(row)
    book.save(tmp_path / "tinh.xlsx")
    ctx = open_ctx(db, PASS)
    try:
        pv = excel_import.preview(ctx, tmp_path / "tinh.xlsx")
        by = {m.raw: m for m in pv.areas}
        assert by["Xã Long Phước"].how == "legacy" and "→ Xã Long Hồ" in by["Xã Long Phước"].note
        assert by["Xã Tân Bình"].how == "ambiguous" and len(by["Xã Tân Bình"].candidates) == 3
        assert [m.raw for m in pv.pending_areas] == ["Xã Tân Bình"]
        narrowed = excel_import.preview(ctx, tmp_path / "tinh.xlsx", old_district="Càng Long")
        assert narrowed.mapping("Xã Tân Bình").target == "29275"          # Xã An Trường
        assert narrowed.mapping("Xã Nhị Long Phú, huyện Càng Long").target == "29266"
        result = excel_import.apply(ctx, narrowed)
        assert result.created == 3 and not result.areas_added
    finally:
        ctx.close()
