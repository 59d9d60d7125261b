"""An opener that fails says so (issue 25: "Mở bằng Word" said it opened when xdg-open found
no program). Real processes: an xdg-open on PATH that exits with the given status."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.helpers import when_modal
from ui.opener import open_path

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xdg-open is the Linux opener")


@pytest.fixture
def xdg_open(tmp_path, monkeypatch):
    """Put an xdg-open exiting with `status` first on PATH."""

    def make(status: int | None) -> None:
        folder = tmp_path / "bin"
        folder.mkdir(exist_ok=True)
        tool = folder / "xdg-open"
        if status is None:
            tool.unlink(missing_ok=True)
        else:
            tool.write_text(f"#!/bin/sh\nexit {status}\n")
            tool.chmod(0o755)
        monkeypatch.setenv("PATH", str(folder))

    return make


def test_open_path_reads_the_openers_status(xdg_open, tmp_path) -> None:
    doc = tmp_path / "bao-cao.docx"
    doc.write_bytes(b"x")
    xdg_open(0)
    assert open_path(doc) is True
    xdg_open(3)                     # "no method available for opening"
    assert open_path(doc) is False
    xdg_open(None)                  # no xdg-open at all
    assert open_path(doc) is False


def test_open_with_word_says_it_failed(main_window, xdg_open, tmp_path) -> None:
    page = main_window.show_page("reports")
    doc = tmp_path / "bao-cao.docx"
    doc.write_bytes(b"x")
    xdg_open(3)
    said: list[str] = []
    when_modal(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    page.panel._open_file(str(doc))
    assert said and said[0].startswith("Không mở được báo cáo bằng chương trình soạn thảo")
    assert main_window.statusBar().currentMessage() == "Không mở được tệp DOCX."
