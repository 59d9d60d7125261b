"""Every importer against hostile sources (issue 22): FIFOs, devices (/dev/zero, /dev/null), a
file that reports size 0 yet has content, a folder, a zip bomb, a name that is not UTF-8 — each
refused with one Vietnamese DlxhError (never a trace, never a hang: a blocked open would hit
the per-test alarm), nothing written. Plus formulas: any text through the Excel helper comes
out as a text cell."""

from __future__ import annotations

import io
import os
import signal
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import excel_text, filekinds
from app.errors import DlxhError
from tests.hostile_files import bomb_workbook

from .strategies import assert_clear_refusal

pytestmark = pytest.mark.slow  # a few seconds in all


SOURCES: dict[str, Callable[[Path], Path]] = {
    "fifo": lambda d: (os.mkfifo(d / "ong.dlxh"), d / "ong.dlxh")[1],
    "/dev/zero": lambda d: Path("/dev/zero"),
    "/dev/null": lambda d: Path("/dev/null"),
    "size 0, has content": lambda d: Path("/proc/self/maps"),
    "folder": lambda d: (d / "x.dlxh").mkdir() or d / "x.dlxh",
    "zip bomb": lambda d: bomb_workbook(d / "bom.xlsx", ["Họ và tên", "Năm sinh"]),
    "non-UTF-8 name": lambda d: (d / os.fsdecode(b"r\xe1c\xff.dlxh")).write_bytes(b"PK\x03\x04 junk") and
    d / os.fsdecode(b"r\xe1c\xff.dlxh"),
}


def _importers(ctx) -> dict[str, Callable[[Path], object]]:
    from app.collaborators import excel_import
    from app.exchange import importer, receipts
    from app.forms import receive
    from app.surveys import file_import
    from app.surveys import questionnaire as qn

    survey = qn.list_surveys(ctx)[0].id
    return {
        "package": lambda p: importer.import_package(ctx, p),
        "receipt": lambda p: receipts.import_receipt(ctx, p),
        "collaborator list": lambda p: excel_import.preview(ctx, p),
        "survey responses": lambda p: file_import.import_file(ctx, survey, p),
        "form responses": lambda p: _forms(ctx, receive, p),
    }


def _forms(ctx, receive, path: Path) -> None:
    """Form responses refuse per file (an outcome each), not by raising: raise if any was taken."""
    from app.errors import ImportRefused

    arrivals, _skipped = receive.arrivals_from([str(path)])
    taken = [o for o in receive.receive_many(ctx, arrivals) if o.status != "refused"]
    if not taken:
        raise ImportRefused("Không có phiếu nào được nhận.")


@pytest.fixture
def alarm():
    """A hang (an open() blocked on a FIFO, an endless read) fails the test instead of the run."""
    def expired(*_args):
        raise TimeoutError("an importer blocked on a hostile input")

    before = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, before)


@pytest.mark.parametrize("source", list(SOURCES))
def test_every_importer_refuses_every_hostile_source(demo_ctx, tmp_path: Path, alarm, source: str) -> None:
    counts = "SELECT (SELECT count(*) FROM inbox), (SELECT count(*) FROM collaborators), " \
             "(SELECT count(*) FROM survey_responses)"
    before = demo_ctx.db.execute(counts).fetchone()
    for name, run in _importers(demo_ctx).items():
        folder = tmp_path / name.replace(" ", "-")
        folder.mkdir()
        target = SOURCES[source](folder)
        with pytest.raises(DlxhError) as caught:
            run(target)
        assert_clear_refusal(caught.value)
        assert filekinds.shown(caught.value.message).isprintable()  # what the CLI prints (err() shows it so)
    assert demo_ctx.db.execute(counts).fetchone() == before


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.sampled_from("=+-@\t\r").flatmap(
    lambda head: st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30).map(lambda rest: head + rest)))
def test_no_text_becomes_a_formula(text: str) -> None:
    book = openpyxl.Workbook()
    book.active.append([text])
    excel_text.defuse(book)
    buf = io.BytesIO()
    book.save(buf)
    with zipfile.ZipFile(buf) as zf:
        assert b"<f>" not in zf.read("xl/worksheets/sheet1.xml")
    cell = openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active["A1"]
    assert cell.data_type == "s" and cell.quotePrefix
