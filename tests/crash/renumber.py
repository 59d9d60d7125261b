"""Renumbering reports in one transaction, for the kill -9 harness (issue 14.3): every report of
the office gets the reverse of its number (through temporary numbers, each step a valid
register.set_number with its audit entry), so a kill leaves either the old or the new numbering.

Run as `python -m tests.crash.renumber DB`; prints nothing, exits 0 when done.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.office import open_ctx
from app.reports import register


def main(path: str) -> None:
    ctx = open_ctx(Path(path))
    numbered = ctx.db.execute("SELECT id, number FROM reports WHERE number IS NOT NULL ORDER BY number").fetchall()
    top = len(numbered)
    with ctx.transaction():
        for report_id, number in numbered:  # out of the way first: the unique index holds throughout
            register.set_number(ctx, report_id, number + top)
        for report_id, number in numbered:
            register.set_number(ctx, report_id, top + 1 - number)
    ctx.close()


if __name__ == "__main__":
    main(sys.argv[1])
