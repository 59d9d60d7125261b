"""A closed survey is read-only (app/ refuses, the page greys its editors with the reason)
and the Tổng hợp chart reads like the table: round ticks, 76,8%, weighted counts said so."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem

from app.errors import ValidationError
from app.surveys import double_entry, file_import
from app.surveys import questionnaire as qn
from app.surveys import responses as rs
from app.surveys.model import Response
from ui.survey.tabulate_view import percent_axis

CLOSED = "Cuộc điều tra đã kết thúc"


@pytest.fixture
def closed(demo_ctx):
    (survey,) = [s for s in qn.list_surveys(demo_ctx) if s.status == "closed"]
    assert survey.status == "closed"
    return demo_ctx, survey


def _state(ctx, sid: str) -> tuple:
    q = qn.load(ctx, sid)
    return ([(x.no, x.text, x.kind, x.options) for x in q.questions], len(rs.load_responses(ctx, sid)),
            qn.get_survey(ctx, sid).title)


def test_app_refuses_every_change_to_a_closed_survey(closed, tmp_path):
    ctx, survey = closed
    before = _state(ctx, survey.id)
    questions = qn.load(ctx, survey.id).questions
    first = rs.load_responses(ctx, survey.id)[0]
    csv = tmp_path / "more.csv"
    csv.write_text("Số phiếu;Câu 1\nX-1;2\n", encoding="utf-8")
    attempts = [
        lambda: qn.add_question(ctx, survey.id, "Câu mới?", "single", ["Có", "Không"]),
        lambda: qn.update_question(ctx, questions[0].id, text="Lời văn khác?"),
        lambda: qn.delete_question(ctx, questions[-1].id),
        lambda: qn.move_question(ctx, questions[-1].id, -1),
        lambda: qn.update_survey(ctx, survey.id, title="Tên khác"),
        lambda: rs.save_response(ctx, survey.id, Response(first.stratum, first.area_code, first.age_band,
                                                          first.gender, dict(first.answers), "9999")),
        lambda: rs.replace_answers(ctx, first.id, first),
        lambda: rs.delete_response(ctx, first.id),
        lambda: file_import.import_file(ctx, survey.id, csv, dry_run=True),
        lambda: double_entry.record_check(ctx, survey.id, first),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.message.startswith(CLOSED)
        assert "Đang thu phiếu" in refused.value.message          # and says how to reopen
    assert _state(ctx, survey.id) == before
    # The form sends every fact with the status: unchanged facts are no change.
    qn.update_survey(ctx, survey.id, title=survey.title, purpose=survey.purpose, method=survey.method,
                     starts_on=survey.starts_on, ends_on=survey.ends_on, status="closed")
    # Reopening is the one edit it takes; then forms go in again.
    qn.update_survey(ctx, survey.id, status="open")
    rs.save_response(ctx, survey.id, Response(first.stratum, first.area_code, first.age_band, first.gender,
                                              dict(first.answers), "9999"))
    assert len(rs.load_responses(ctx, survey.id)) == before[1] + 1


def _open(main_window, tab: str):
    page = main_window.show_page("surveys")
    view = getattr(page, tab)
    page.tabs.setCurrentWidget(view)
    return page, view


def test_closed_survey_page_is_read_only_with_the_reason(main_window, closed):
    page, builder = _open(main_window, "builder")
    for widget in (builder.q_text, builder.q_options, builder.q_save, builder.title, *builder.edit_buttons):
        assert not widget.isEnabled()
        assert widget.toolTip().startswith(CLOSED)
    assert builder.state.isEnabled()                      # the status can still be changed
    _page, entry = _open(main_window, "entry")
    for widget in (entry.grid, entry.fix, entry.import_button, entry.mode):
        assert not widget.isEnabled() and widget.toolTip().startswith(CLOSED)
    assert entry.message.text().startswith(CLOSED)
    # Reopen from the builder: its editors and the entry grid come back.
    _page, builder = _open(main_window, "builder")
    builder.state.setCurrentIndex(builder.state.findData("open"))
    builder._save_info()
    assert qn.get_survey(main_window.ctx, page.survey_id()).status == "open"
    assert builder.q_save.isEnabled() and not builder.q_save.toolTip().startswith(CLOSED)
    _page, entry = _open(main_window, "entry")
    assert entry.grid.isEnabled() and not entry.message.text().startswith(CLOSED)


def _chart_texts(view) -> set[str]:
    texts = set()
    for item in view.chart_view.scene().items():
        if isinstance(item, QGraphicsTextItem):
            texts.add(item.toPlainText())
        elif isinstance(item, QGraphicsSimpleTextItem):
            texts.add(item.text())
    return texts


def test_chart_reads_like_the_table(main_window, qtbot):
    _page, view = _open(main_window, "tabulate")
    view.question.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len([t for t in _chart_texts(view) if t.isdigit()]) >= 3)   # axis drawn
    texts = _chart_texts(view)
    shares = [view.table.item(r, 2).text() for r in range(view.table.rowCount() - 1)]   # "74,6%"
    assert shares and all("," in s for s in shares)
    for share in shares:
        assert share in texts or share.replace(",0%", "%") in texts, (share, texts)
    assert not any("." in t and t[0].isdigit() for t in texts)         # no 74.6 anywhere
    ticks = sorted(int(t) for t in texts if t.isdigit())
    step = ticks[1] - ticks[0]
    assert ticks[0] == 0 and step in (2, 5, 10, 20) and ticks == list(range(0, ticks[-1] + 1, step))
    assert view.data.weighted
    assert view.table.horizontalHeaderItem(1).text() == "Số phiếu (có trọng số)"
    view.weight.setCurrentIndex(view.weight.findData("no"))
    assert view.table.horizontalHeaderItem(1).text() == "Số phiếu"


def test_percent_axis_is_round():
    assert percent_axis(88.0) == (100, 20)
    assert percent_axis(74.6) == (80, 20)
    assert percent_axis(30.0) == (40, 10)
    assert percent_axis(3.0) == (8, 2)
    assert percent_axis(0.0) == (6, 2)
    for peak in (0.5, 12.3, 45.0, 67.5, 90.0, 99.9, 100.0):
        top, step = percent_axis(peak)
        assert top % step == 0 and top // step <= 5 and top <= 100 and (top >= peak + 5 or top == 100)


def test_excel_export_from_the_page_lists_every_text_answer(main_window, qtbot, monkeypatch, tmp_path):
    """The table on screen keeps only a count of the text answers; the export reads them all."""
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from tests.ui.helpers import when_modal
    from ui.survey import tabulate_view

    _page, view = _open(main_window, "tabulate")
    qtbot.waitUntil(lambda: view.data is not None)
    target = tmp_path / "tong-hop.xlsx"
    monkeypatch.setattr(tabulate_view, "save_file", lambda *a: str(target))
    said: list[str] = []
    when_modal(QMessageBox, lambda box: (said.append(box.text()), box.accept()))
    button = next(b for b in view.findChildren(QPushButton) if b.text().startswith("Xuất Excel"))
    button.click()
    qtbot.waitUntil(lambda: bool(said))
    assert said == [str(target)]
    q = next(q for q in view.data.questionnaire.questions if q.kind == "text")
    rows = [r[0] for r in load_workbook(target)["Tần suất"].iter_rows(values_only=True)]
    first = rows.index(f"Câu {q.no}. {q.text}")
    listed = rows[first + 2:first + 2 + tabulate_view.tb.text_count(view.data, q)]
    assert len(listed) == tabulate_view.tb.text_count(view.data, q) > 0
    assert all(text and not text.startswith("Câu ") for text in listed)  # answers, not the next question
