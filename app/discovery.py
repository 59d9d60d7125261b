"""Extension modules found by package name: the one way, and one that works in the bundle.

Capabilities plug in without editing a shared list: CLI commands (app/commands/<name>.py),
overview cards (app/overview_cards/<name>.py), demo extras (app/demo/extra_<name>.py),
office-creation hooks (app/<capability>/on_create.py) and report kinds another capability
drafts (app/<capability>/redraft.py). A glob over the files next to this one finds nothing in
the PyInstaller bundle, where the modules live in an archive (a survey report's redraft then
fell back to the monthly sections); pkgutil asks each package's own loader, which lists them
in the bundle, from a zip and from the source tree alike.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType


def submodules(package: str, prefix: str = "") -> list[ModuleType]:
    """The modules directly under `package` whose names start with `prefix`, imported, in
    name order (so the order never depends on the file system)."""
    pkg = importlib.import_module(package)
    names = sorted(m.name for m in pkgutil.iter_modules(pkg.__path__) if m.name.startswith(prefix))
    return [importlib.import_module(f"{package}.{name}") for name in names]


def in_capabilities(name: str, package: str = "app") -> list[ModuleType]:
    """`<package>.<capability>.<name>` for every capability package that has such a module,
    in capability name order; a capability without one is skipped, but an import error inside
    an existing module is raised, not hidden."""
    pkg = importlib.import_module(package)
    found = []
    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if not info.ispkg:
            continue
        wanted = f"{package}.{info.name}.{name}"
        try:
            found.append(importlib.import_module(wanted))
        except ModuleNotFoundError as exc:
            if exc.name != wanted:
                raise
    return found
