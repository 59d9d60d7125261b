"""The opinion inbox: collaborators' items count only once accepted, after the privacy check
and the topic suggestion; the CLI commands `opinions inbox` and `opinions accept`."""

from __future__ import annotations

from app.forms import inbox, receive
from app.opinions.items import get
from tests.forms.conftest import active_collaborator, report_payload, seal

ITEM = {"field": "economy", "tendency": "concern", "area_code": None, "scale": "medium", "proposal": None}


def _arrive(ctx, token: str, *summaries: str) -> None:
    items = [{**ITEM, "summary": s} for s in summaries]
    outcome = receive.receive_many(ctx, [("r.age", seal(ctx, report_payload(ctx, token, items)))])[0]
    assert outcome.status == "imported", outcome.message


def test_accept_turns_items_into_opinions_with_the_suggested_topic(demo_ctx, token) -> None:
    _arrive(demo_ctx, token, "Người dân lo lắng giá phân bón tăng cao trước vụ lúa đông xuân")
    [item] = inbox.waiting(demo_ctx)
    assert item.hints == ()
    result = inbox.accept(demo_ctx, [item.id], with_topic=True)
    [(accepted, opinion_id)] = result.accepted
    opinion = get(demo_ctx, opinion_id)
    assert opinion.summary == item.summary and opinion.collaborator_id == active_collaborator(demo_ctx)
    assert opinion.channel == "email" and opinion.topic_id == item.topic_id
    assert inbox.waiting(demo_ctx) == []


def test_privacy_hint_holds_an_item_back_until_accepted_knowingly(demo_ctx, token) -> None:
    _arrive(demo_ctx, token, "Ông Nguyễn Văn Bình ở ấp 3 phản ánh giá điện, số 0912345678",
            "Bà con lo lắng về đường liên ấp xuống cấp")
    waiting = inbox.waiting(demo_ctx)
    assert [bool(i.hints) for i in waiting] == [True, False]
    result = inbox.accept(demo_ctx)
    assert len(result.accepted) == 1 and [i.id for i in result.held] == [waiting[0].id]
    assert inbox.waiting_count(demo_ctx) == 1
    assert len(inbox.accept(demo_ctx, despite_privacy=True).accepted) == 1
    assert inbox.waiting_count(demo_ctx) == 0


def test_cli_inbox_and_accept(cli, demo_ctx, demo_path, token) -> None:
    _arrive(demo_ctx, token, "Cử tri băn khoăn về tiến độ giải ngân vốn làm đường", "<b>Đậm</b> =SUM(A1)")
    demo_ctx.close()
    listed = cli("--db", str(demo_path), "opinions", "inbox")
    assert listed.returncode == 0 and "Cử tri băn khoăn" in listed.stdout and "<b>Đậm</b> =SUM(A1)" in listed.stdout
    first = listed.stdout.split()[0]
    one = cli("--db", str(demo_path), "opinions", "accept", first)
    assert one.returncode == 0 and "Đã duyệt 1 ý kiến" in one.stdout
    again = cli("--db", str(demo_path), "opinions", "accept", first)
    assert again.returncode == 1 and "Không có ý kiến chờ duyệt" in again.stderr
    rest = cli("--db", str(demo_path), "opinions", "accept", "--all")
    assert rest.returncode == 0 and "Đã duyệt 1 ý kiến" in rest.stdout
    usage = cli("--db", str(demo_path), "opinions", "accept")
    assert usage.returncode == 1 and "--all" in usage.stderr


def test_formula_sent_in_a_form_is_text_in_every_export(demo_ctx, token, tmp_path) -> None:
    from openpyxl import load_workbook

    from app.opinions.export import export_xlsx
    from app.opinions.items import OpinionFilter

    formula = '=HYPERLINK("http://example.invalid","Bấm vào đây")'
    _arrive(demo_ctx, token, formula)
    [(item, opinion_id)] = inbox.accept(demo_ctx).accepted
    path = tmp_path / "ykien.xlsx"
    export_xlsx(demo_ctx, OpinionFilter(text=""), path)
    cells = [c for row in load_workbook(path).active.iter_rows() for c in row if c.value == formula]
    assert cells and all(c.data_type == "s" for c in cells)
    assert not [c for row in load_workbook(path).active.iter_rows() for c in row if c.data_type == "f"]
