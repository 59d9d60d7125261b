"""Issue 21 point 5: the province's topic page lists each topic once, with its communes and
counts, not once per commune (each commune keeps its own topic rows)."""

from __future__ import annotations

from app.reports.consolidated.topics import topic_key
from tests.reports.province_sample import TOPICS, build
from ui.tasks import TaskRunner


def test_province_topic_page_has_one_row_per_topic(tmp_path, qtbot, passphrase_env):
    from ui.main_window import MainWindow

    ctx, _ = build(tmp_path / "p.db", communes=12, per_commune=20)
    try:
        held = ctx.db.execute("SELECT count(*) FROM topics").fetchone()[0]
        assert held == 12 * len(TOPICS)
        window = MainWindow(ctx, TaskRunner(synchronous=True))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        page = window.show_page("topics")
        rows = [page.model.row_at(i) for i in range(page.model.rowCount())]
        assert len(rows) == len(TOPICS) == len({topic_key(t.title) for t in rows})
        assert sum(t.count for t in rows) == 12 * 20
        assert all(len(t.units) > 6 for t in rows)      # both spellings of a title merged
        assert page.units.rowCount() == len(page.model.row_at(
            page.view.model().mapToSource(page.view.currentIndex()).row()).units)
        assert "vấn đề do 12 đơn vị phản ánh" in page.summary.text()
        window.close()
    finally:
        ctx.close()
