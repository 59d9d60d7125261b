"""The traced peak of one survey file import, measured in a fresh interpreter.

tracemalloc counts every allocation of the process while it runs. Inside a long test run
that includes what earlier tests left behind: a dict of interned names resized, a cache grown
by a fuzz test; the same workbook import peaked at 3.0 MiB alone and at 4.2-4.7 MiB after the
slow tests. A fresh interpreter measures the import and nothing else.

Run by tests/surveys/test_survey_import_memory.py:
python -m tests.surveys.import_peak DB SURVEY_ID FILE PART_ROWS (import|dry-run); prints JSON.
"""

from __future__ import annotations

import json
import sys
import tracemalloc
from pathlib import Path


def main(db: str, survey_id: str, source: str, part_rows: str, mode: str) -> None:
    from app.office import open_ctx
    from app.surveys import csv_import, file_import

    file_import.SAVE_CHUNK = csv_import.PART_ROWS = int(part_rows)
    ctx = open_ctx(Path(db))   # the passphrase from DLXH_PASSPHRASE, as the tests set it
    try:
        if source.endswith(".xlsx"):   # openpyxl's reading modules imported before, not counted as rows held
            import openpyxl

            book = openpyxl.load_workbook(source, read_only=True)
            next(book.worksheets[0].iter_rows(max_row=1))
            book.close()
        tracemalloc.start()
        outcome = file_import.import_file(ctx, survey_id, Path(source), dry_run=mode == "dry-run", confirmed=True)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        preview = outcome.preview
        print(json.dumps({"peak": peak, "valid": preview.valid, "ok": preview.ok,
                          "responses": len(preview.responses)}))
    finally:
        ctx.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
