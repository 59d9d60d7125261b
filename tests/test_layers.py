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


def _module_imports(folders: tuple[str, ...]) -> dict[str, set[str]]:
    """Module → the project modules it imports at module level (imports inside functions are
    lazy on purpose and cannot form a cycle at import time). `from pkg import sub` depends on
    the submodule only, not on the package's other names."""
    import ast

    files = {}
    for folder in folders:
        for p in python_files(folder):
            parts = list(p.relative_to(ROOT).with_suffix("").parts)
            files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        deps: set[str] = set()
        for top in ast.parse(path.read_text(encoding="utf-8")).body:
            for node in ast.walk(top) if isinstance(top, (ast.If, ast.Try)) else [top]:
                if isinstance(node, ast.Import):
                    deps.update(a.name for a in node.names if a.name in files)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    subs = {f"{node.module}.{a.name}" for a in node.names} & files.keys()
                    deps |= subs
                    if node.module in files and len(subs) < len(node.names):
                        deps.add(node.module)
        graph[name] = deps - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    seen: set[str] = set()
    found = []

    def reach(start: str) -> set[str]:
        todo, got = [start], set()
        while todo:
            for dep in graph.get(todo.pop(), ()):
                if dep not in got:
                    got.add(dep)
                    todo.append(dep)
        return got

    for name in sorted(graph):
        if name in seen:
            continue
        loop = sorted(m for m in reach(name) if name in reach(m) or m == name)
        if name in loop:
            seen.update(loop)
            found.append(loop)
    return found


def test_app_db_and_ui_have_no_import_cycles():
    assert _cycles(_module_imports(("app", "db", "ui"))) == []


def test_the_cycle_check_catches_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
