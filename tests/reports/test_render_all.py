"""scripts/render_all.py renders every kind from both demos through the command line, and the
rendered text (PDF read back with pdfium, DOCX with python-docx) holds the claim rules."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from tests.pdfread import open_pdf
from tests.reports.share_columns import share_column_faults

ROOT = Path(__file__).resolve().parents[2]
KINDS = ["commune-monthly", "commune-quarterly", "commune-half-year", "commune-annual", "commune-adhoc",
         "commune-thematic", "commune-survey", "commune-minutes-regular", "commune-minutes-extraordinary",
         "province-consolidated"]


@pytest.mark.slow
def test_every_kind_is_rendered_and_reads_true(tmp_path, passphrase_env):
    out = tmp_path / "all"
    done = subprocess.run([sys.executable, "scripts/render_all.py", str(out)], cwd=ROOT, capture_output=True,
                          text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    for kind in KINDS:
        assert re.search(rf"^{kind} +\d+ pages", done.stdout, re.M), (kind, done.stdout)
        pdf = " ".join(open_pdf((out / f"{kind}.pdf").read_bytes()).text().split())
        assert not share_column_faults((out / f"{kind}.docx").read_bytes()), kind   # one precision, adds up
        document = docx.Document(io.BytesIO((out / f"{kind}.docx").read_bytes()))
        word = " ".join(" ".join([p.text for p in document.paragraphs] + [
            c.text for t in document.tables for row in t.rows for c in row.cells]).split())
        for text in (pdf, word):
            assert "-0,0" not in text and "Kỳ này" not in text and "Kỳ trước" not in text, kind
            assert "14/14" not in text and not re.search(r"(năm|quý|6 tháng) trước không có ý kiến", text), kind
            for tally in re.findall(r"hầu khắp địa bàn \(([^)]*)\)", text):
                got, of = (sum(int(x) for x in col) for col in zip(*re.findall(r"(\d+)/(\d+)", tally), strict=True))
                assert 3 * got >= 2 * of, (kind, tally)
            for share in re.findall(r"(?:[Pp]hần lớn|[Đđ]a số) ý kiến [^()]*\((\d+(?:,\d+)?)%", text):
                assert float(share.replace(",", ".")) > 50, (kind, share)
