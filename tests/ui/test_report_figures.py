"""The Reports page when the figures changed since drafting: the notice says what changed,
signing asks first with "Không" as the safe answer, and the redraft button takes the new
figures while keeping the user's edited section."""

from __future__ import annotations

from app.context import User
from app.opinions import items
from app.reports import figures_check, store
from tests.ui.helpers import answer


def _add_four(ctx, day: str) -> None:
    for i in range(4):
        items.create(ctx, items.Opinion(received_on=day, field="economy", tendency="concern",
                                        summary=f"Bà con lo giá lúa xuống thấp, ý kiến {i + 1}."))


def _approved_with_new_items(main_window, demo_ctx):
    page = main_window.show_page("reports")
    panel = page.panel
    report = panel.report
    assert report.status == "draft" and report.drafted_figures
    panel.section_list.setCurrentRow(4)
    panel.section_text.setPlainText("Phần cán bộ tự viết.")
    panel.save_section()
    before = report.drafted_figures["Số ý kiến"]
    _add_four(demo_ctx, report.period_start)
    panel.set_report(store.get(demo_ctx, report.id))
    assert not panel.figures.isHidden()
    assert f"Số ý kiến: {before} → {before + 4}" in panel.figures.label.text()
    answer("Trình duyệt")
    panel.flow_buttons["submit"].click()
    page.ctx.user = User("tb", "head", "Trần Văn Hùng")
    panel.set_report(store.get(demo_ctx, report.id))
    answer("Phê duyệt")
    panel.flow_buttons["approve"].click()
    assert panel.report.status == "approved" and not panel.figures.isHidden()
    return panel, before


def test_signing_changed_figures_asks_and_no_is_safe_then_redraft_keeps_edits(main_window, demo_ctx):
    panel, before = _approved_with_new_items(main_window, demo_ctx)
    answer("Không")
    panel.flow_buttons["sign"].click()
    assert store.get(demo_ctx, panel.report.id).status == "approved"
    answer("Soạn lại")
    panel.figures.button.click()
    report = store.get(demo_ctx, panel.report.id)
    assert report.status == "draft" and report.drafted_figures["Số ý kiến"] == before + 4
    assert figures_check.changes(demo_ctx, report) == []
    assert report.sections[4]["text"] == "Phần cán bộ tự viết." and report.sections[4]["edited"]
    assert panel.figures.isHidden() and panel.report.status == "draft"


def test_signing_changed_figures_after_confirmation(main_window, demo_ctx):
    panel, _before = _approved_with_new_items(main_window, demo_ctx)
    answer("Ký với số liệu cũ")
    answer("Ký số")                                   # then the signing question itself
    panel.flow_buttons["sign"].click()
    assert store.get(demo_ctx, panel.report.id).status == "signed"


def test_redraft_button_follows_the_transition_table(main_window, demo_ctx):
    """A clerk cannot redraft an approved report (only the head returns it to draft); the head can."""
    panel, _before = _approved_with_new_items(main_window, demo_ctx)
    assert panel.figures.button.isEnabled()                      # the head
    panel.ctx.user = User("nv", "staff", "Nhân viên")
    panel.set_report(store.get(demo_ctx, panel.report.id))
    assert not panel.figures.isHidden() and not panel.figures.button.isEnabled()
    assert "lãnh đạo ban" in panel.figures.button.toolTip()
