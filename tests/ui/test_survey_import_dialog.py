"""The survey import dialog (issue 22 case 4, issue 23): the file and the store are read and the
forms written on the worker, every row is counted and the first problems listed, and a file far
beyond the plan asks before anything is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.surveys import file_import
from app.surveys import plan as plan_mod
from tests.surveys.store_helpers import add_communes, build_survey
from tests.ui.helpers import when_modal
from ui.survey.import_dialog import ImportDialog
from ui.tasks import TaskRunner

HEADER = "Số phiếu,Giới tính,Tuổi,Câu 1,Câu 3\n"


def _rows(n: int) -> str:
    return HEADER + "".join(f"P{i:05d},Nữ,34,2,4\n" for i in range(n))


@pytest.fixture
def planned(demo_ctx) -> tuple:
    add_communes(demo_ctx)
    sid = build_survey(demo_ctx)
    plan_mod.save_plan(demo_ctx, sid, "area", {("T01", None): 6000, ("T02", None): 3000, ("T03", None): 1000}, 95,
                       0.05, sample_size=6)
    return demo_ctx, sid


@pytest.mark.parametrize("button", ["Không nhập", "Vẫn nhập"])
def test_the_import_dialog_asks_before_a_file_far_beyond_the_plan(planned, tmp_path: Path, qtbot,
                                                                  store_off_gui_thread, button: str) -> None:
    ctx, sid = planned
    path = tmp_path / "nhieu.csv"
    path.write_text(_rows(61), encoding="utf-8")
    asked: list[str] = []

    def act(box: QMessageBox) -> None:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()

    with store_off_gui_thread():  # the file and the store are read, and the forms written, on the worker
        dialog = ImportDialog(ctx, TaskRunner(synchronous=True), sid, str(path), "online")
        qtbot.addWidget(dialog)
        assert "61 dòng dữ liệu" in dialog.info.text() and dialog.ok.isEnabled()
        when_modal(QMessageBox, act)
        dialog.ok.click()
    assert asked and "vượt 10 lần cỡ mẫu kế hoạch" in asked[0] and "--yes" not in asked[0]
    stored = ctx.db.execute("SELECT count(*) FROM survey_responses WHERE survey_id = ?", [sid]).fetchone()[0]
    assert stored == (61 if button == "Vẫn nhập" else 0) and dialog.imported == stored


def test_the_import_dialog_counts_every_problem_and_lists_the_first(planned, tmp_path: Path, qtbot) -> None:
    """A file with more problems than the list keeps: the count is of every row, the list holds
    the first ones in line order and says how many more; a form number already keyed is one."""
    ctx, sid = planned
    file_import.import_file(ctx, sid, _csv(tmp_path / "truoc.csv", _rows(2)))
    lines = ["P00001,Nam,40,2,3\n"] + [f"Q{i:05d},Nữ,34,{9 if i % 2 else 2},4\n" for i in range(600)]
    path = _csv(tmp_path / "hong.csv", HEADER + "".join(lines))
    dialog = ImportDialog(ctx, TaskRunner(synchronous=True), sid, str(path), "online")
    qtbot.addWidget(dialog)
    shown = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert "601 dòng dữ liệu" in dialog.info.text() and "301 lỗi, chưa nhập được" in dialog.info.text()
    assert shown[0] == "Dòng 2: Phiếu số P00001 đã được nhập." and shown[1].startswith("Dòng 4: Câu 1")
    assert len(shown) == 201 and shown[-1] == "… và 101 lỗi khác." and not dialog.ok.isEnabled()


def _csv(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_entry_tab_opens_the_dialog_with_the_window_runner(main_window, tmp_path: Path, monkeypatch) -> None:
    """The Nhập phiếu tab's 'import a file' opens the dialog with the window's runner: when it
    shows, the chosen file has been read and checked; cancelling writes nothing."""
    import ui.survey.entry_view as entry_view
    from app.surveys import questionnaire as qn

    for s in qn.list_surveys(main_window.ctx):
        if s.status == "closed":
            qn.update_survey(main_window.ctx, s.id, status="open")
    page = main_window.show_page("surveys")
    page.tabs.setCurrentWidget(page.entry)
    count = "SELECT count(*) FROM survey_responses"
    before = main_window.ctx.db.execute(count).fetchone()[0]
    path = tmp_path / "truc-tuyen.csv"
    path.write_text("Câu 1,Ghi chú\n1,a\n2,b\n", encoding="utf-8")
    monkeypatch.setattr(entry_view, "open_file", lambda *_args: str(path))
    seen: list[tuple[str, bool]] = []

    def act(dialog: ImportDialog) -> None:
        seen.append((dialog.info.text(), dialog.ok.isEnabled()))
        dialog.reject()

    when_modal(ImportDialog, act)
    page.entry._import()
    assert seen and seen[0][0].startswith("truc-tuyen.csv: ") and "tiêu đề ở dòng 1" in seen[0][0]
    assert "lỗi, chưa nhập được" in seen[0][0]   # the demo questionnaire asks more than Câu 1
    assert seen[0][1] is False and main_window.ctx.db.execute(count).fetchone()[0] == before
