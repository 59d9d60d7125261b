"""PySide6 user interface: thin views over app/ functions (no SQL here; a test enforces it).

Importing the package first bounds the process's copy of its modules' source text
(ui/source_cache.py): Qt's import hook reads every module's source after PySide6 loads."""

from ui.source_cache import keep_few_sources

keep_few_sources()
