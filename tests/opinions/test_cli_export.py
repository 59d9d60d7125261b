"""`dlxh opinions …` and `dlxh topics warnings` through the real CLI; Excel export read back."""

from datetime import date

import pytest
from openpyxl import load_workbook

from app.opinions import drafts, items
from app.opinions.export import HEADERS, export_xlsx
from tests.conftest import PASSPHRASE


def test_cli_add_list_and_refusals(office, cli):
    db = str(office.path)
    env = {"DLXH_PASSPHRASE": "test-passphrase-4"}
    office.close()
    ok = cli("--db", db, "opinions", "add", "--summary", "Nông dân lo lắng giá phân bón tăng cao",
             "--field", "kinh te", "--tendency", "lo lang", "--area", "phong an", "--topic", "phân bón",
             "--date", date.today().strftime("%d/%m/%Y"), env=env)
    assert ok.returncode == 0, ok.stderr
    assert "Đã thêm thông tin dư luận" in ok.stdout
    warned = cli("--db", db, "opinions", "add", "--summary", "ông Nguyễn Văn Tư gọi 0912345678", "--field",
                 "chính trị", "--tendency", "đồng tình", env=env)
    assert warned.returncode == 0 and warned.stdout.count("Lưu ý:") == 2
    listed = cli("--db", db, "opinions", "list", "--month", date.today().strftime("%Y-%m"), "--field", "Kinh tế",
                 "--search", "phan bon", env=env)
    assert listed.returncode == 0
    assert "Xã Phong An" in listed.stdout and "Tổng số: 1 thông tin." in listed.stdout
    bad = cli("--db", db, "opinions", "add", "--summary", "x", "--field", "thời tiết", "--tendency", "lo", env=env)
    assert bad.returncode == 1 and "Lĩnh vực không hợp lệ" in bad.stderr
    future = cli("--db", db, "opinions", "add", "--summary", "x", "--field", "khác", "--tendency", "lo",
                 "--date", "01/01/2099", env=env)
    assert future.returncode == 1 and "tương lai" in future.stderr
    month = cli("--db", db, "opinions", "list", "--month", "2026-13", env=env)
    assert month.returncode == 1 and "Tháng không hợp lệ" in month.stderr


@pytest.mark.real_process
def test_cli_topics_warnings_on_the_demo(demo_path, cli):
    run = cli("--db", str(demo_path), "topics", "warnings", env={"DLXH_PASSPHRASE": PASSPHRASE})
    assert run.returncode == 0, run.stderr
    assert "lan ra" in run.stdout and "cần cảnh báo" in run.stdout


def test_excel_export_of_the_filtered_list(demo_ctx, tmp_path):
    flt = items.OpinionFilter(tendency="frustration", text="lo than")
    n = export_xlsx(demo_ctx, flt, tmp_path / "list.xlsx")
    assert n == items.count(demo_ctx, flt) > 0
    ws = load_workbook(tmp_path / "list.xlsx").active
    rows = list(ws.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS and len(rows) == n + 1
    tendency = HEADERS.index(items.LABELS["tendency"])
    assert all(r[tendency] == "Bức xúc, phản đối" for r in rows[1:])
    assert ws.cell(2, 2).number_format == "DD/MM/YYYY"


def test_drafts_survive_reopening(office):
    drafts.save(office, "entry", {"summary": "Người dân", "field": "economy"})
    drafts.save(office, "entry", {"summary": "Người dân lo lắng", "field": "economy"})
    path = office.path
    office.close()
    from app.office import open_ctx

    again = open_ctx(path, passphrase="test-passphrase-4")
    assert drafts.load(again, "entry") == {"summary": "Người dân lo lắng", "field": "economy"}
    drafts.clear(again, "entry")
    assert drafts.load(again, "entry") is None
    again.close()


def test_cli_handling_loop_and_meeting_plan(office, cli):
    db, env = str(office.path), {"DLXH_PASSPHRASE": "test-passphrase-4"}
    item = items.create(office, items.Opinion(received_on="2026-10-01", field="economy", summary="Giá lúa giảm",
                                              tendency="concern"))
    office.close()
    ok = cli("--db", db, "opinions", "forward", item.id, "--agency", "tai nguyen", "--due", "15/10/2026", "--on",
             "02/10/2026", env=env)
    assert ok.returncode == 0, ok.stderr
    late = cli("--db", db, "opinions", "overdue", env=env)
    assert "Phòng Tài nguyên và Môi trường" in late.stdout and "Quá hạn: 1." in late.stdout
    early = cli("--db", db, "opinions", "resolve", item.id, "--result", "Đã xử lý", "--on", "01/10/2026", env=env)
    assert early.returncode == 1 and "không được trước ngày chuyển" in early.stderr
    done = cli("--db", db, "opinions", "resolve", item.id, "--result", "Đã xử lý", "--on", "20/10/2026", env=env)
    assert done.returncode == 0 and "Quá hạn: 0." in cli("--db", db, "opinions", "overdue", env=env).stdout
    plan = cli("--db", db, "meetings", "plan", "--months", "3", env=env)
    assert plan.returncode == 0 and "Đã lập 3 hội nghị." in plan.stdout
    again = cli("--db", db, "meetings", "plan", "--months", "3", env=env)
    assert "Đã lập 0 hội nghị." in again.stdout
