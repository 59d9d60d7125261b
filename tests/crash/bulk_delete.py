"""Deletes and the new write paths in one transaction, for the kill -9 harness (issue 14):
every commune renamed (records.upsert), attendance edited at every meeting (records.touch),
then up to N mistaken items deleted (app.deletion, each leaving its tombstone).

Run as `python -m tests.crash.bulk_delete DB N`; prints nothing, exits 0 when done.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app import deletion, office
from app.meetings import core as meetings
from app.office import open_ctx

SUFFIX = " (sửa)"


def main(path: str, n: int) -> None:
    ctx = open_ctx(Path(path))
    with ctx.transaction():
        for unit in office.units(ctx, level="commune"):
            office.save_unit(ctx, unit.code, unit.name + SUFFIX, "commune")
        for (meeting_id,) in ctx.db.execute("SELECT DISTINCT meeting_id FROM meeting_attendance").fetchall():
            person = ctx.db.execute("SELECT collaborator_id FROM meeting_attendance WHERE meeting_id = ? LIMIT 1",
                                    [meeting_id]).fetchone()[0]
            meetings.set_attendance(ctx, meeting_id, {person: "excused"})
        for (item,) in ctx.db.execute("SELECT id FROM opinions WHERE handling = 'new' ORDER BY id LIMIT ?",
                                      [n]).fetchall():
            deletion.delete_opinion(ctx, item)
    ctx.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
