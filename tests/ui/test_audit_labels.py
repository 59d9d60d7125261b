"""The Nhật ký page over the demo office's whole history reads in Vietnamese: no internal
action/table/field codes, no UUIDs, no ISO dates, no 'None' (real page, real store)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

from app import audit_labels, kinds
from app.context import User

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
CODE = re.compile(r"\b[a-z]+_[a-z_]+\b|\bstatus:|\bNone\b|\bTrue\b|\bFalse\b")
ENGLISH = {"create", "update", "upsert", "attendance", "demo", "init", "keys", "number", "settings"}


def test_audit_page_shows_only_vietnamese_for_the_demo_history(main_window, demo_ctx):
    demo_ctx.user = User("quantri", "admin", "Quản trị")
    page = main_window.show_page("audit")
    model = page.view.model()
    assert model.rowCount() > 300
    shown = set()
    for row in range(model.rowCount()):
        for col in range(model.columnCount()):
            shown.add(model.index(row, col).data(Qt.ItemDataRole.DisplayRole) or "")
    for combo in (page.table, page.action):
        shown |= {combo.itemText(i) for i in range(combo.count())}
    bad = sorted(t for t in shown if UUID.search(t) or CODE.search(t) or ISO.search(t)
                 or t.lower() in ENGLISH)
    assert not bad, "\n".join(bad[:15])
    records = {model.index(r, 4).data() for r in range(model.rowCount())}
    assert any(name.startswith("Số ") for name in records)             # a report by number and title
    assert "Đổi trạng thái: trình duyệt" in shown


def test_every_stored_action_table_and_field_has_a_label(demo_ctx):
    rows = demo_ctx.db.execute("SELECT DISTINCT action, table_name FROM audit_log").fetchall()
    for action, table in rows:
        assert audit_labels.action_label(action) != action, action
        assert not table or audit_labels.table_label(table) != table, table
    keys = set()
    for table, detail in demo_ctx.db.execute("SELECT table_name, detail FROM audit_log WHERE detail LIKE '{%'"):
        import json

        declared = kinds.ALL[table].labels if table in kinds.ALL else {}
        keys |= {k for k in set(json.loads(detail)) - audit_labels.HIDDEN if k not in declared}
    assert not [k for k in keys if k not in audit_labels.FIELDS], sorted(k for k in keys if k not in audit_labels.FIELDS)
