"""CLI import/export/coverage as users run them, the Excel export round trip, trainings,
commendations and the overview card."""

from __future__ import annotations

import openpyxl
import pytest

from app.collaborators import activity, excel_export, excel_import, training
from app.collaborators.registry import CollaboratorFilter, list_collaborators
from app.errors import ValidationError
from app.overview_cards import collaborators as card
from tests.conftest import DEMO_TODAY


def test_cli_import_dry_run_then_real_then_again(demo_path, cli, tmp_path):
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["DANH SÁCH BỔ SUNG"])
    ws.append(["STT", "Họ và tên", "Năm sinh", "Địa bàn", "SĐT"])
    ws.append([1, "Tô Văn Mười", 1980, "Ấp Mỹ Cẩm A", "0912 000 111"])
    ws.append([2, "Kha Thị Út", "1985", "ap dai phuoc", None])
    ws.append([3, "Sai Địa Bàn", 1990, "Xã Không Có", None])
    path = tmp_path / "bo sung.xlsx"
    book.save(path)
    dry = cli("--db", str(demo_path), "collaborators", "import", str(path), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Sẽ thêm 3 cộng tác viên; 0 dòng có lỗi" in dry.stdout and "Không ghi gì" in dry.stdout
    assert "Địa bàn 'Xã Không Có': không có trong danh mục (1 dòng)" in dry.stdout and "--add-areas" in dry.stdout
    refused = cli("--db", str(demo_path), "collaborators", "import", str(path))
    assert refused.returncode == 1 and refused.stderr.strip().count("\n") == 0 and not refused.stdout
    assert "'Xã Không Có'" in refused.stderr and "--add-areas" in refused.stderr
    real = cli("--db", str(demo_path), "collaborators", "import", str(path), "--add-areas")
    assert real.returncode == 0, real.stderr
    assert "Đã thêm 3 cộng tác viên; 0 dòng trùng, 0 dòng lỗi không nhập. Đã thêm 1 địa bàn" in real.stdout
    again = cli("--db", str(demo_path), "collaborators", "import", str(path))
    assert again.returncode == 0 and "Đã thêm 0 cộng tác viên; 3 dòng trùng" in again.stdout
    bad = tmp_path / "notes.xlsx"
    bad.write_text("không phải excel", encoding="utf-8")
    refused = cli("--db", str(demo_path), "collaborators", "import", str(bad))
    assert refused.returncode == 1 and refused.stderr.strip().count("\n") == 0
    assert "không phải tệp Excel" in refused.stderr


@pytest.mark.real_process
def test_cli_coverage_and_export(demo_path, cli, tmp_path):
    cov = cli("--db", str(demo_path), "collaborators", "coverage")
    assert cov.returncode == 0, cov.stderr
    assert "Toàn địa bàn" in cov.stdout and "3 = Nông dân" in cov.stdout
    by_sector = cli("--db", str(demo_path), "collaborators", "coverage", "--by", "sector")
    assert "Hội Liên hiệp Phụ nữ" in by_sector.stdout
    out = tmp_path / "ds.xlsx"
    exp = cli("--db", str(demo_path), "collaborators", "export", str(out), "--status", "active")
    assert exp.returncode == 0 and "Đã xuất" in exp.stdout and "không được mã hóa" in exp.stderr
    usage = cli("--db", str(demo_path), "collaborators", "export")
    assert usage.returncode == 2


def test_export_reads_back_as_duplicates_and_contacts_sheet(demo_ctx, tmp_path):
    path = tmp_path / "all.xlsx"
    n = excel_export.export(demo_ctx, path, CollaboratorFilter(status="active"))
    assert n == len(list_collaborators(demo_ctx, CollaboratorFilter(status="active")))
    pv = excel_import.preview(demo_ctx, path)
    assert len(pv.rows) == n and len(pv.duplicates) == n and not pv.with_problems
    contacts = tmp_path / "danh ba.xlsx"
    party = CollaboratorFilter(party_member=True)
    m = excel_export.export(demo_ctx, contacts, party, contacts=True)
    ws = openpyxl.load_workbook(contacts).active
    assert [c.value for c in ws[5]] == ["STT", "Họ và tên", "Địa bàn", "Số điện thoại", "Thư điện tử", "Zalo"]
    assert ws.max_row == 5 + m and m == len([c for c in list_collaborators(demo_ctx, party) if c.status != "left"])
    assert ws["D6"].value.startswith(("0", "+84"))


def test_trainings_and_commendations(demo_ctx):
    people = list_collaborators(demo_ctx, CollaboratorFilter(status="active"))[:3]
    t = training.save_training(demo_ctx, training.Training("12/11/2026", "Tập huấn nghiệp vụ",
                                                           attendees=[p.id for p in people]))
    assert t.held_on == "2026-11-12" and sorted(t.attendees) == sorted(p.id for p in people)
    assert training.list_trainings(demo_ctx, people[0].id)[0].topic == "Tập huấn nghiệp vụ"
    training.set_attendees(demo_ctx, t.id, [people[0].id])
    assert training.get_training(demo_ctx, t.id).attendees == [people[0].id]
    version = demo_ctx.db.execute("SELECT version FROM trainings WHERE id = ?", [t.id]).fetchone()[0]
    assert version == 3
    with pytest.raises(ValidationError):
        training.set_attendees(demo_ctx, t.id, ["no-such-id"])
    with pytest.raises(ValidationError):
        training.save_training(demo_ctx, training.Training("", "x"))
    c = training.save_commendation(demo_ctx, training.Commendation(people[1].id, "01/11/2026", "district_btg",
                                                                  "Phản ánh kịp thời"))
    assert training.list_commendations(demo_ctx, people[1].id)[0].id == c.id
    with pytest.raises(ValidationError):
        training.save_commendation(demo_ctx, training.Commendation(people[1].id, "01/11/2026", "gold", "x"))


def test_demo_has_network_data_and_overview_card(demo_ctx):
    assert training.list_trainings(demo_ctx) and training.list_commendations(demo_ctx)
    assert activity.proposals(demo_ctx)
    [attention, *rest] = card.cards(demo_ctx, DEMO_TODAY)
    assert attention.level == "warning" and attention.title.startswith("Cộng tác viên cần chú ý: ")
    assert any("đề xuất thay thế" in value for _, value in attention.rows)
    assert any("vắng 3 kỳ giao ban" in value for _, value in attention.rows)


def test_full_export_moves_to_another_office_with_statuses(demo_ctx, empty_ctx, tmp_path):
    from app.office import add_unit, agencies, communes

    path = tmp_path / "tat ca.xlsx"
    n = excel_export.export(demo_ctx, path)
    for unit in communes(demo_ctx) + agencies(demo_ctx):
        add_unit(empty_ctx, unit.code, unit.name, "commune" if unit.level == "hamlet" else unit.level, empty_ctx.origin)
    pv = excel_import.preview(empty_ctx, path)
    assert len(pv.good) == n and not pv.with_problems
    result = excel_import.apply(empty_ctx, pv)
    assert result.created == n
    # Two people may share a name (the commune demo has namesakes): match on name and phone.
    moved = {(c.full_name, c.phone): c for c in list_collaborators(empty_ctx)}
    assert len(moved) == n
    for c in list_collaborators(demo_ctx):
        copy = moved[(c.full_name, c.phone)]
        assert (copy.status, copy.left_on, copy.area_code, copy.birth_year, copy.phone, copy.stratum) == \
            (c.status, c.left_on, c.area_code, c.birth_year, c.phone, c.stratum)
