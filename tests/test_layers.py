"""The layer rule: app/ and db/ never import Qt; ui/ holds no SQL."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(PySide6|PyQt5|PyQt6|shiboken6)\b", re.M)
SQL = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b", re.I)


def python_files(folder: str) -> list[Path]:
    files = sorted((ROOT / folder).rglob("*.py"))
    assert files, f"no Python files under {folder}/"
    return files


def test_app_and_db_never_import_qt():
    offenders = [str(p.relative_to(ROOT)) for folder in ("app", "db") for p in python_files(folder)
                 if QT_IMPORT.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_ui_holds_no_sql():
    offenders = [str(p.relative_to(ROOT)) for p in python_files("ui") if SQL.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_the_checks_catch_a_violation(tmp_path):
    """The patterns above must match real violations, or the two tests could never fail."""
    assert QT_IMPORT.search("from PySide6.QtWidgets import QWidget\n")
    assert SQL.search('rows = db.execute("SELECT name FROM units")')
    assert SQL.search("DELETE FROM opinions WHERE id = ?")
