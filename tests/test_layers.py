"""The layer rules, held by the imports themselves: app/ and db/ never import Qt; ui/ holds no
SQL; db/ imports nothing of app/ or ui/; app/ imports ui/ only in the GUI launcher; ui/ never
imports db/; and no import cycle, lazy (function-level) and importlib imports included."""

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


def _project_files(folders: tuple[str, ...]) -> dict[str, Path]:
    files = {}
    for folder in folders:
        for p in python_files(folder):
            parts = list(p.relative_to(ROOT).with_suffix("").parts)
            files[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    return files


DYNAMIC_IMPORTS = {"import_module", "find_spec", "__import__"}


def _imports_of(name: str, source: str, known: set[str]) -> set[str]:
    """The project modules `source` (module `name`) imports anywhere: at the top, inside
    functions (lazy imports hide a layer breach or a cycle just as well), relative imports, and
    importlib.import_module / find_spec / __import__ with a literal name. `from pkg import sub`
    depends on the submodule only, not on the package's other names."""
    import ast

    def resolve(module: str) -> str | None:
        while module and module not in known:
            module = module.rpartition(".")[0]
        return module or None

    package = name if name in PACKAGES else name.rpartition(".")[0]
    deps: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            deps.update(filter(None, (resolve(a.name) for a in node.names)))
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                module = ".".join(base + ([module] if module else []))
            subs = {f"{module}.{a.name}" for a in node.names} & known
            deps |= subs
            if len(subs) < len(node.names):
                deps.update(filter(None, [resolve(module)]))
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and isinstance(node.args[0].value, str):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in DYNAMIC_IMPORTS:
                deps.update(filter(None, [resolve(node.args[0].value)]))
    return deps - {name}


PACKAGES: set[str] = set()


def _module_imports(folders: tuple[str, ...] = ("app", "db", "ui")) -> dict[str, set[str]]:
    """Module → every project module it imports, lazily or not (see _imports_of)."""
    files = _project_files(folders)
    PACKAGES.update(n for n, p in files.items() if p.name == "__init__.py")
    return {name: _imports_of(name, path.read_text(encoding="utf-8"), set(files)) for name, path in files.items()}


# The one module of app/ that may reach into ui/: `dlxh gui` starts the window.
GUI_LAUNCHER = "app.commands.gui"


def _against_layers(graph: dict[str, set[str]]) -> list[str]:
    """Arrows that break the layers: db imports nothing of app or ui; app imports ui only in
    the GUI launcher; ui never imports db (it asks app)."""
    def layer(module: str) -> str:
        return module.split(".")[0]

    bad = []
    for module, deps in graph.items():
        for dep in deps:
            pair = (layer(module), layer(dep))
            if (pair[0] == "db" and pair[1] != "db") or pair == ("ui", "db") or \
                    (pair == ("app", "ui") and module != GUI_LAUNCHER):
                bad.append(f"{module} -> {dep}")
    return sorted(bad)


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
    """Lazy and importlib imports included: a cycle behind a function-level import is still two
    modules that cannot be understood (or moved) one without the other."""
    assert _cycles(_module_imports()) == []


def test_imports_follow_the_layers():
    assert _against_layers(_module_imports()) == []


def test_the_layer_check_sees_lazy_relative_and_importlib_imports():
    known = {"app", "app.reports", "app.reports.minutes", "app.meetings", "app.meetings.export", "db", "db.keys",
             "ui", "ui.app"}
    PACKAGES.update({"app", "app.reports", "app.meetings", "db", "ui"})
    source = (
        "def f():\n    from db.keys import x\n"
        "def g():\n    importlib.import_module('app.reports.minutes')\n"
        "from . import export\n"
        "from ..reports import minutes\n"
    )
    assert _imports_of("app.meetings.thing", source, known) == {"db.keys", "app.reports.minutes",
                                                                "app.meetings.export"}
    graph = {"db.keys": {"app.errors"}, "ui.page": {"db.store"}, "app.commands.core": {"ui.app"},
             GUI_LAUNCHER: {"ui.app"}, "app.x": {"db.store"}}
    assert _against_layers(graph) == ["app.commands.core -> ui.app", "db.keys -> app.errors", "ui.page -> db.store"]


def test_the_cycle_check_catches_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
