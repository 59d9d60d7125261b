"""A draft remembers the figures it was made from: four items added to the month after drafting
make submit, approve and sign say what changed; signing then needs --yes; a redraft takes the
new figures (the rendered table shows them) and keeps the user's own edited text."""

from __future__ import annotations

from app.months import add_months
from app.opinions import items
from app.reports import draft, figures_check, register, store
from tests.conftest import DEMO_TODAY, PASSPHRASE
from tests.pdfread import open_pdf

ENV = {"DLXH_PASSPHRASE": PASSPHRASE}
LAST = add_months(DEMO_TODAY.replace(day=1), -1)          # the demo's last whole month
MONTH, EARLIER = LAST.strftime("%Y-%m"), add_months(LAST, -1).strftime("%Y-%m")


def _total(ctx, month: str) -> int:
    return ctx.db.execute("SELECT count(*) FROM opinions WHERE received_on LIKE ?", [f"{month}-%"]).fetchone()[0]


def _add_four(ctx, month: str) -> None:
    for i in range(4):
        items.create(ctx, items.Opinion(received_on=f"{month}-1{i}", field="economy", tendency="concern",
                                        summary=f"Người dân lo giá phân bón tăng, lần {i + 1}."))


def test_cli_says_what_changed_and_signing_needs_yes(cli, demo_path, demo_ctx):
    db = ["--db", str(demo_path)]
    done = cli(*db, "report", "draft", "--month", MONTH, "--new", env=ENV)
    assert done.returncode == 0, done.stderr
    report_id = done.stdout.strip().splitlines()[-1]
    before = _total(demo_ctx, MONTH)
    _add_four(demo_ctx, MONTH)
    line = f"Số ý kiến: {before} → {before + 4}"
    for step in ("submit", "approve"):
        done = cli(*db, "report", step, report_id, env=ENV)
        assert done.returncode == 0, done.stderr
        assert "Số liệu đã thay đổi kể từ khi soạn dự thảo" in done.stdout and line in done.stdout, done.stdout
        assert "Lĩnh vực Kinh tế" in done.stdout
    done = cli(*db, "report", "sign", report_id, env=ENV)
    assert done.returncode == 1 and line in done.stderr and "--yes" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert store.get(demo_ctx, report_id).status == "approved"
    done = cli(*db, "report", "sign", report_id, "--yes", env=ENV)
    assert done.returncode == 0, done.stderr
    assert line in done.stdout and store.get(demo_ctx, report_id).status == "signed"


def test_unchanged_figures_say_nothing_and_sign_without_confirmation(cli, demo_path, demo_ctx):
    db = ["--db", str(demo_path)]
    report_id = cli(*db, "report", "draft", "--month", EARLIER, "--new", env=ENV).stdout.strip().splitlines()[-1]
    for step in ("submit", "approve", "sign"):
        done = cli(*db, "report", step, report_id, env=ENV)
        assert done.returncode == 0, done.stderr
        assert "Số liệu đã thay đổi" not in done.stdout + done.stderr


def test_redraft_takes_the_new_figures_and_keeps_edits(demo_ctx):
    report = draft.draft_report(demo_ctx, "monthly", LAST)
    own = "Đoạn do cán bộ tự viết, giữ nguyên khi soạn lại."
    draft.edit_section(demo_ctx, report.id, "network", own)
    before = _total(demo_ctx, MONTH)
    _add_four(demo_ctx, MONTH)
    assert f"Số ý kiến: {before} → {before + 4}" in figures_check.changes(demo_ctx, store.get(demo_ctx, report.id))
    register.submit(demo_ctx, report.id)
    register.approve(demo_ctx, report.id)
    try:
        register.sign(demo_ctx, report.id)
    except figures_check.FiguresChanged as exc:
        assert f"Số ý kiến: {before} → {before + 4}" in exc.message
    else:
        raise AssertionError("signing changed figures went through without confirmation")
    register.return_to_draft(demo_ctx, report.id)
    redrafted = draft.regenerate(demo_ctx, report.id)
    assert figures_check.changes(demo_ctx, redrafted) == []
    assert next(s for s in redrafted.sections if s["key"] == "network")["text"] == own
    _docx, pdf = register.render_files(demo_ctx, report.id)
    text = " ".join(p.text() for p in open_pdf(pdf))
    assert own in " ".join(text.split())
    table_total = [ln for ln in text.splitlines() if ln.strip().startswith("Tổng cộng")][0]
    assert str(before + 4) in table_total.split()


def test_the_figures_check_reads_no_whole_table(demo_ctx):
    """The check runs at every opening of a report: each of its counts goes through an index,
    never a scan of a whole table (the resolved and answered counts read all 200,000 items)."""
    report = draft.draft_report(demo_ctx, "monthly", LAST)
    asked: list[str] = []
    demo_ctx.db.conn.set_trace_callback(asked.append)
    try:
        figures_check.current(demo_ctx, report)
    finally:
        demo_ctx.db.conn.set_trace_callback(None)
    selects = [sql for sql in asked if sql.lstrip().upper().startswith("SELECT")]
    assert len(selects) >= 5
    for sql in selects:
        plan = [row[3] for row in demo_ctx.db.execute("EXPLAIN QUERY PLAN " + sql)]
        assert not [step for step in plan if step.startswith("SCAN") and "INDEX" not in step], (sql, plan)
