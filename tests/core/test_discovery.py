"""Extension modules are found by package name, also where no .py file exists on disk.

In the PyInstaller bundle the modules live in an archive: the file glob report drafting used
found nothing there, and a survey report's redraft fell back to the monthly sections. A zip on
sys.path is the same situation a test can build: pkgutil finds the modules, a glob does not."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from app import discovery
from app.reports.draft import redrafters


def test_modules_inside_an_archive_are_found(tmp_path: Path, monkeypatch) -> None:
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name, text in {"zcaps/__init__.py": "", "zcaps/alpha/__init__.py": "", "zcaps/alpha/redraft.py": "X = 1\n",
                           "zcaps/beta/__init__.py": "", "zcaps/cards/__init__.py": "",
                           "zcaps/cards/b_card.py": "", "zcaps/cards/a_card.py": "", "zcaps/cards/other.py": ""}.items():
            zf.writestr(name, text)
    monkeypatch.syspath_prepend(str(archive))
    try:
        assert [m.__name__ for m in discovery.in_capabilities("redraft", "zcaps")] == ["zcaps.alpha.redraft"]
        assert [m.__name__ for m in discovery.submodules("zcaps.cards", "")] == [
            "zcaps.cards.a_card", "zcaps.cards.b_card", "zcaps.cards.other"]
        assert [m.__name__ for m in discovery.submodules("zcaps.cards", "a_")] == ["zcaps.cards.a_card"]
        import zcaps  # noqa: F401  (what the old glob saw: no file next to the package)

        assert not list(Path(sys.modules["zcaps"].__file__).parent.glob("*/redraft.py"))
    finally:
        for name in [n for n in sys.modules if n == "zcaps" or n.startswith("zcaps.")]:
            del sys.modules[name]


def test_a_broken_extension_is_not_hidden(tmp_path: Path, monkeypatch) -> None:
    pkg = tmp_path / "ycaps"
    (pkg / "gamma").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "gamma" / "__init__.py").write_text("")
    (pkg / "gamma" / "redraft.py").write_text("import no_such_module_here\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with pytest.raises(ModuleNotFoundError, match="no_such_module_here"):
            discovery.in_capabilities("redraft", "ycaps")
    finally:
        for name in [n for n in sys.modules if n == "ycaps" or n.startswith("ycaps.")]:
            del sys.modules[name]


def test_the_survey_report_redraft_is_found() -> None:
    assert "survey" in redrafters()


def test_cli_redraft_of_a_survey_report_keeps_the_survey_sections(demo_path: Path, cli, tmp_path: Path) -> None:
    """`report redraft` (the GUI's "Soạn lại") rebuilds a survey report from the survey, through
    the discovered redrafter, not from the monthly sections; the bundle's smoke test runs it."""
    survey_id = cli("--db", str(demo_path), "survey", "list").stdout.split()[0]
    made = cli("--db", str(demo_path), "survey", "report", survey_id, "--register", "--pdf", "--out", str(tmp_path))
    report_id = made.stdout.strip().splitlines()[-1]
    again = cli("--db", str(demo_path), "report", "redraft", report_id)
    assert again.returncode == 0, again.stderr
    lines = again.stdout.strip().splitlines()
    assert lines[-1] == report_id and "- KẾT QUẢ THĂM DÒ" in lines
    assert "- Tình hình tư tưởng, tâm trạng chung" not in lines
