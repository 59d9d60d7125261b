"""The commune demo reads true (issue 21, point 6): a handling result fits its topic, nobody
reports at a meeting they missed, a matter no commune body holds is not forwarded to one, and
the month still running holds items only for its days so far."""

from __future__ import annotations

from datetime import date

from app.demo import content


def test_results_fit_their_topics(demo_ctx):
    allowed = {t.title: set(t.results) for t in content.TOPICS}
    rows = demo_ctx.db.execute("SELECT t.title, o.result FROM opinions o JOIN topics t ON t.id = o.topic_id "
                               "WHERE o.result IS NOT NULL").fetchall()
    assert len(rows) > 100
    for title, result in rows:
        assert result in allowed[title], (title, result)


def test_absent_collaborators_report_nothing_at_that_meeting(demo_ctx):
    wrong = demo_ctx.db.execute(
        "SELECT count(*) FROM opinions o JOIN meeting_attendance a ON a.meeting_id = o.meeting_id "
        "AND a.collaborator_id = o.collaborator_id WHERE a.presence != 'present'").fetchone()[0]
    assert wrong == 0
    at_meetings = demo_ctx.db.execute("SELECT count(*) FROM opinions WHERE meeting_id IS NOT NULL").fetchone()[0]
    assert at_meetings > 100


def test_matters_no_commune_body_holds_are_not_forwarded(demo_ctx):
    upward = [t.title for t in content.TOPICS if t.agency is None]
    assert "Tình hình Biển Đông" in upward
    marks = ", ".join("?" * len(upward))
    forwarded = demo_ctx.db.execute(
        f"SELECT count(*) FROM opinions o JOIN topics t ON t.id = o.topic_id WHERE t.title IN ({marks}) "
        "AND o.forwarded_to IS NOT NULL", upward).fetchone()[0]
    assert forwarded == 0


def test_the_running_month_holds_only_its_days(demo_ctx):
    today = date.today()
    first = today.replace(day=1)
    last_month = (first.replace(day=1) - date.resolution * 1).replace(day=1)

    def count(start: date, end: date) -> int:
        return demo_ctx.db.execute("SELECT count(*) FROM opinions WHERE received_on BETWEEN ? AND ? AND "
                                   "collaborator_id IS NOT NULL AND topic_id IN (SELECT id FROM topics WHERE "
                                   "title NOT LIKE 'Ô nhiễm%')", [start.isoformat(), end.isoformat()]).fetchone()[0]

    before = count(last_month, first - date.resolution)
    now = count(first, today)
    days_before = (first - last_month).days
    # per day, the running month is within the range of the month before (no whole month in a week)
    assert now / today.day <= 1.6 * before / days_before


def test_an_items_words_fit_its_tendency(demo_ctx):
    from app.demo.core import tones

    statements = {s for t in content.TOPICS for s in t.statements}
    rows = demo_ctx.db.execute("SELECT summary, tendency FROM opinions WHERE topic_id IS NOT NULL").fetchall()
    checked = 0
    for summary, tendency in rows:
        said = next((s for s in statements if s in summary), None)
        if said is not None:
            assert tendency in tones(said), (summary, tendency)
            checked += 1
    assert checked > 1000


def test_no_two_collaborators_share_a_name(demo_ctx):
    rows = demo_ctx.db.execute("SELECT full_name, count(*) FROM collaborators GROUP BY 1 HAVING count(*) > 1")
    assert rows.fetchall() == []
