"""Issue 22 case 4: a survey file import parses, checks and writes a chunk of rows at a time
inside one transaction, audits the file once (name and count), and stays all or nothing: a bad
row or a repeated form number in a later chunk rolls back the chunks already written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.errors import ImportRefused
from app.surveys import file_import
from tests.surveys.store_helpers import build_survey

HEADER = "Số phiếu,Giới tính,Tuổi,Câu 1,Câu 3\n"


def _rows(n: int, bad_at: int | None = None, repeat_at: int | None = None, huge_at: int | None = None) -> str:
    lines = [f"P{i:05d},Nữ,34,{9 if i == bad_at else 2},4\n" for i in range(n)]
    if repeat_at is not None:
        lines[repeat_at] = "P00000,Nam,40,2,3\n"
    if huge_at is not None:  # past the first pass's head: met only while the parts are written
        lines[huge_at] = f"P{huge_at:05d},Nữ,34,2,\"{'4' * 140_000}\"\n"
    return HEADER + "".join(lines)


@pytest.fixture
def survey(demo_ctx, monkeypatch) -> tuple:
    monkeypatch.setattr(file_import, "SAVE_CHUNK", 4)  # several chunks from a small file
    return demo_ctx, build_survey(demo_ctx)


def _count(ctx, sql: str, *args) -> int:
    return ctx.db.execute(sql, list(args)).fetchone()[0]


def test_a_file_is_written_in_chunks_and_audited_once(survey, tmp_path: Path) -> None:
    ctx, sid = survey
    path = tmp_path / "dien-thoai.csv"
    path.write_text(_rows(11), encoding="utf-8")
    audits = _count(ctx, "SELECT count(*) FROM audit_log")
    assert file_import.import_file(ctx, sid, path, confirmed=True).imported == 11
    rows = ctx.db.execute("SELECT origin, version, updated_at FROM survey_responses WHERE survey_id = ?",
                          [sid]).fetchall()
    assert len(rows) == 11 and all(r[0] == ctx.origin and r[1] == 1 and r[2] for r in rows)
    assert _count(ctx, "SELECT count(*) FROM audit_log") == audits + 1
    action, detail = ctx.db.execute("SELECT action, detail FROM audit_log ORDER BY rowid DESC LIMIT 1").fetchone()
    assert action == "import" and json.loads(detail) == {"file": "dien-thoai.csv", "rows": 11}


@pytest.mark.parametrize(("bad_at", "repeat_at", "huge_at", "message"), [
    (9, None, None, "Dòng 11: "),
    (None, 10, None, "Phiếu số P00000 xuất hiện hai lần"),
    (None, None, 400, "Tệp CSV có một ô dài quá 128 KiB ở dòng 402"),
])
def test_a_fault_in_a_later_chunk_rolls_back_every_chunk(survey, tmp_path: Path, bad_at, repeat_at, huge_at,
                                                         message: str) -> None:
    ctx, sid = survey
    path = tmp_path / "hong.csv"
    path.write_text(_rows(11 if huge_at is None else 420, bad_at, repeat_at, huge_at), encoding="utf-8")
    audits, answers = _count(ctx, "SELECT count(*) FROM audit_log"), _count(ctx, "SELECT count(*) FROM survey_answers")
    with pytest.raises(ImportRefused, match=message):
        file_import.import_file(ctx, sid, path, confirmed=True)
    assert _count(ctx, "SELECT count(*) FROM survey_responses WHERE survey_id = ?", sid) == 0
    assert _count(ctx, "SELECT count(*) FROM survey_answers") == answers
    assert _count(ctx, "SELECT count(*) FROM audit_log") == audits
