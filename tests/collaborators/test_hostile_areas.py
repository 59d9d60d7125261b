"""Issue 22 cases 10 and 12: area names and hints that are odd, and 2024 lists whose names were
changed twice (1/1/2025 type changes, then the 1/7/2025 reform) — offline, always."""

from __future__ import annotations

import socket
from pathlib import Path

import openpyxl
import pytest

from app.collaborators import excel_import
from app.errors import ValidationError
from app.office import open_ctx
from tests.conftest import PASSPHRASE

ENV = {"DLXH_PASSPHRASE": PASSPHRASE}
PHONG_DIEN_2024 = {"Xã Phong Hòa": "Phường Phong Dinh", "Xã Phong An": "Phường Phong Thái",
                   "Xã Phong Thu": "Phường Phong Điền", "Xã Phong Hiền": "Phường Phong Thái",
                   "Xã Phong Hải": "Phường Phong Quảng", "Xã Phong Chương": "Phường Phong Dinh",
                   "Xã Phong Sơn": "Phường Phong Thái",
                   # Renamed on 1/1/2025 (Phường Phong Hải, Phường Phong Phú), then merged on 1/7/2025:
                   # the package's convert_address gives these targets offline.
                   "Xã Điền Hải": "Phường Phong Quảng", "Xã Điền Lộc": "Phường Phong Phú"}


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any socket use fails the test: the converter's online geocoding must never be reached."""
    def refuse(*args, **kwargs):
        raise AssertionError("network use during an import")

    for name in ("create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def _province(cli, tmp_path: Path, code: str) -> Path:
    db = tmp_path / f"tinh-{code}.db"
    assert cli("--db", str(db), "init", "--kind", "province", "--unit", code, env=ENV).returncode == 0
    return db


def _book(path: Path, title: str, areas: list[str]) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([title])
    ws.append(["STT", "Họ và tên", "Năm sinh", "Địa bàn"])
    given = ["An", "Bình", "Cường", "Dũng", "Em", "Giang", "Hà", "Khánh", "Lâm", "Minh"]
    for n, area in enumerate(areas, 1):
        ws.append([n, f"Nguyễn Văn {given[n - 1]}", 1970 + n, area])
    book.save(path)
    return path


def test_a_2024_phong_dien_list_maps_every_renamed_unit_offline(cli, tmp_path: Path, no_network) -> None:
    db = _province(cli, tmp_path, "46")
    path = _book(tmp_path / "phong-dien.xlsx", "HUYỆN ỦY PHONG ĐIỀN - DANH SÁCH CTV NĂM 2024", list(PHONG_DIEN_2024))
    ctx = open_ctx(db, PASSPHRASE)
    try:
        pv = excel_import.preview(ctx, path)
        for old, new in PHONG_DIEN_2024.items():
            m = pv.mapping(old)
            assert m.how == "legacy" and m.note.endswith(f"→ {new}"), (old, m.note)
        assert "tên cũ: Phường Phong Hòa, thị xã Phong Điền (cũ) → Phường Phong Dinh" == pv.mapping("Xã Phong Hòa").note
        assert ("tên cũ: Phường Phong Hải (trước 1/1/2025: Xã Điền Hải), thị xã Phong Điền (cũ) → Phường Phong Quảng"
                == pv.mapping("Xã Điền Hải").note)
        assert not pv.pending_areas
    finally:
        ctx.close()


def test_an_old_district_that_does_not_exist_is_refused(cli, tmp_path: Path) -> None:
    db = _province(cli, tmp_path, "86")
    path = _book(tmp_path / "a.xlsx", "DANH SÁCH CTV", ["Xã Tân Bình"])
    done = cli("--db", str(db), "collaborators", "import", str(path), "--old-district", "Huyện Không Có", env=ENV)
    assert done.returncode == 1 and "Không có huyện cũ «Huyện Không Có»" in done.stderr
    assert "Huyện Càng Long" in done.stderr
    ok = cli("--db", str(db), "collaborators", "import", str(path), "--old-district", "Càng Long", "--dry-run", env=ENV)
    assert ok.returncode == 0, ok.stderr


@pytest.mark.parametrize("name", ["🙂", "Ấp " + "Rất Dài " * 400])
def test_add_areas_refuses_a_name_that_is_no_unit_name(cli, tmp_path: Path, name: str) -> None:
    db = _province(cli, tmp_path, "86")
    path = _book(tmp_path / "b.xlsx", "DANH SÁCH CTV", [name])
    before = cli("--db", str(db), "info", env=ENV).stdout
    done = cli("--db", str(db), "collaborators", "import", str(path), "--add-areas", env=ENV)
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Tên đơn vị, địa bàn" in done.stderr and "Lỗi chương trình" not in done.stderr
    assert cli("--db", str(db), "info", env=ENV).stdout == before


@pytest.mark.parametrize("query", ['"', "*", "🙂", "\u200b"])
def test_a_search_that_reduces_to_nothing_finds_nothing(cli, demo_path: Path, query: str) -> None:
    done = cli("--db", str(demo_path), "opinions", "list", "--search", query, env=ENV)
    assert done.returncode == 0, done.stderr
    everything = cli("--db", str(demo_path), "opinions", "list", env=ENV).stdout.splitlines()
    assert len(done.stdout.splitlines()) < len(everything) // 10


def test_check_old_district_accepts_the_type_word_or_not(empty_ctx) -> None:
    from app.collaborators.excel_areas import check_old_district

    class Own:
        official_code, province_name = "86", "Tỉnh Vĩnh Long"

    check_old_district(Own(), "huyện càng long")
    check_old_district(Own(), "Càng Long")
    with pytest.raises(ValidationError):
        check_old_district(Own(), "Càng")
