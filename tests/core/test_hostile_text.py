"""Issue 22 cases 3 and 10 (text): odd text and odd months get one Vietnamese line, never
"Lỗi chương trình", and text that says nothing is not stored as an opinion."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.errors import ImportRefused, ValidationError
from app.surveys.table_read import read_csv_bytes
from tests.conftest import PASSPHRASE

ENV = {"DLXH_PASSPHRASE": PASSPHRASE}


def _refused(done) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Lỗi chương trình" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr.strip()


@pytest.mark.parametrize("command", [("topics", "streams", "--month"), ("opinions", "list", "--month"),
                                     ("report", "draft", "--month")])
@pytest.mark.parametrize("month", ["9999-12", "0000-01", "2026-13", "x"])
def test_months_out_of_range(cli, demo_path: Path, command, month: str) -> None:
    assert "Tháng không hợp lệ" in _refused(cli("--db", str(demo_path), *command, month, env=ENV))


@pytest.mark.parametrize("summary", [os.fsdecode(b"Ng\xff\xfei d\xe2n lo"), "\u200b\u200b", ".", " … ", "🙂"])
def test_opinion_text_that_cannot_be_stored_or_says_nothing(cli, demo_path: Path, summary: str) -> None:
    before = cli("--db", str(demo_path), "info", env=ENV).stdout
    line = _refused(cli("--db", str(demo_path), "opinions", "add", "--summary", summary, "--field", "kinh tế",
                        "--tendency", "lo lắng", env=ENV))
    assert "Nội dung dư luận" in line
    assert cli("--db", str(demo_path), "info", env=ENV).stdout == before


def test_storing_a_lone_surrogate_is_refused_for_every_synced_write(demo_ctx) -> None:
    from app import records

    with pytest.raises(ValidationError, match="không phải UTF-8"):
        records.insert(demo_ctx, "topics", {"title": "Giá\udcff điện", "field": "kinh_te", "status": "watch"})


@pytest.mark.parametrize("data", [b"a,b\n" + b"x" * 140_000 + b",1\n", b"h" * 140_000 + b",b\n1,2\n",
                                  b'a,b\n"' + b"x" * 140_000 + b'",1\n'])
def test_survey_csv_with_a_cell_over_128_kib(data: bytes) -> None:
    with pytest.raises(ImportRefused, match="dài quá 128 KiB"):
        read_csv_bytes(data)


def test_an_agency_name_of_55_vietnamese_letters(cli, tmp_path: Path) -> None:
    done = cli("--db", str(tmp_path / "a.db"), "init", "--kind", "agency", "--unit", "8601", "--parent", "86",
               "--name", "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Vĩnh Long", env=ENV)
    assert done.returncode == 0, done.stderr
