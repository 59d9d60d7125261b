"""The exchange and province pages on real widgets: enrol, export, import, receipt, views."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QTabWidget

from app.demo import places
from app.exchange import identity, keys
from app.text import vn_number
from tests.exchange.sync_helpers import new_province
from ui.tasks import TaskRunner

SHOTS = Path("/tmp/dlxh-exchange-shots")


def _card_file(ctx, folder: Path) -> Path:
    path = folder / f"{ctx.origin}.dlxid"
    path.write_bytes(identity.card_bytes(keys.my_card(ctx)))
    return path


def test_exchange_and_province_pages_flow(demo_ctx, tmp_path, qtbot, passphrase_env):
    from ui.pages.exchange import Page as ExchangePage
    from ui.pages.province import Page as ProvincePage

    prov = new_province(tmp_path / "p.db")
    try:
        tasks = TaskRunner(synchronous=True)
        district_page = ExchangePage(demo_ctx, tasks)
        province_page = ExchangePage(prov, tasks)
        for page in (district_page, province_page):
            qtbot.addWidget(page)
            page.resize(1200, 760)
            page.show()   # a shown page reloads itself after a write (the runner's changed signal)
            page.refresh()
        district_page.enrol_from(_card_file(prov, tmp_path), confirm=False)
        province_page.enrol_from(_card_file(demo_ctx, tmp_path), confirm=False)
        assert district_page.peers.rowCount() == 1 and province_page.peers.rowCount() == 1
        # the card carried the district's report-signing certificate: the province now trusts it
        assert "Đã tin cậy chứng thư số ký báo cáo" in province_page.status.text()
        assert prov.db.execute("SELECT unit_code FROM trusted_certificates").fetchall() == [(demo_ctx.origin,)]

        SHOTS.mkdir(exist_ok=True)
        usb = tmp_path / "usb"
        district_page.start_export(usb)
        assert district_page.status.text().startswith(f"Đã ghi gói số 1 gửi {places.PROVINCE[0]}")
        package = next(usb.glob("*.dlxh"))
        province_page.start_import(package)
        assert province_page.status.text().startswith(f"Đã nhập gói số 1 của {demo_ctx.origin}")
        province_page.start_import(package)
        assert "đã nhập ngày" in province_page.status.text()
        district_page.apply_receipt(next(usb.glob("*.dlxr")))
        assert district_page.status.text().startswith("Đã ghi nhận")
        assert district_page.sent.rowCount() == 1 and "Đã nhận" in district_page.sent.data(
            district_page.sent.index(0, 5)
        )

        province_page.guidance.save(
            {
                "title": "Theo dõi dư luận về giá phân bón",
                "kind": "watch_topic",
                "field": "economy",
                "body": "Báo cáo ngay khi có diễn biến.",
                "valid_until": None,
            }
        )
        assert province_page.guidance.model.rowCount() == 1
        province_page.recipient.setCurrentIndex(province_page.recipient.findData(demo_ctx.origin))
        province_page.start_export(usb)
        assert province_page.status.text().startswith(f"Đã ghi gói số 1 gửi {demo_ctx.origin}")
        district_page.start_import(next(usb.glob("86-29266-*.dlxh")))
        assert district_page.guidance.model.rowCount() == 1
        province_page.grab().save(str(SHOTS / "exchange-province.png"))

        view = ProvincePage(prov, tasks)
        qtbot.addWidget(view)
        view.resize(1200, 760)
        view.show()   # shown: it reloads itself after a write (the drafted report below)
        view.refresh()
        assert view.offices.rowCount() == 1
        assert view.items.model.rowCount() == 0 and view.timeliness.model is None   # each tab loads when shown
        view.tabs.setCurrentWidget(view.items)
        view.tabs.setCurrentWidget(view.timeliness)
        held = demo_ctx.db.execute("SELECT count(*) FROM opinions").fetchone()[0]
        assert view.items.model.rowCount() == min(held, 500)  # the newest 500; the count says how many in all
        assert view.items.count.text().strip().endswith(f"/ {vn_number(held)} ý kiến, phản ánh")
        # office name + 12 months + the counts column
        assert view.timeliness.model.rowCount() == 1 and view.timeliness.model.columnCount() == 14
        # Issue 25: the consolidated-report tab defaults to the newest month a commune sent, and
        # drafts into the register, then shows the report on the Báo cáo page (its preview).
        from app.exchange import province
        from app.reports import store

        latest = province.latest_reported_month(prov)
        assert latest and view.month.currentData() == latest
        with qtbot.waitSignal(view.navigate) as shown:
            view.draft_button.click()
        link = shown.args[0]
        report = store.get(prov, link.record_id)
        assert link.page == "reports" and report.period_start == f"{latest}-01"
        assert report.title.startswith("tổng hợp tình hình dư luận xã hội") and "Đã soạn dự thảo" in view.note.text()
        assert view.drafted.rowCount() == 1 and view.drafted.row_at(0).id == report.id   # the register's row

        district_page.findChild(QTabWidget).setCurrentIndex(3)
        district_page.grab().save(str(SHOTS / "exchange-district-guidance.png"))
        tabs = view.findChild(QTabWidget)
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            view.grab().save(str(SHOTS / f"province-tab{i}.png"))
    finally:
        prov.close()


def test_commune_is_told_before_export_that_the_province_card_is_needed(demo_ctx, tmp_path, qtbot, passphrase_env,
                                                                        monkeypatch):
    """Issue 11: the page says the province's card is missing and offers to import it right
    there, instead of refusing only after a folder was chosen."""
    from PySide6.QtCore import Qt

    import ui.pages.exchange as exchange_page
    from tests.ui.helpers import answer

    prov = new_province(tmp_path / "p.db")
    try:
        page = exchange_page.Page(demo_ctx, TaskRunner(synchronous=True))
        qtbot.addWidget(page)
        page.resize(1366, 768)
        page.show()
        page.refresh()
        assert page.need_card.isVisible() and not page.export_button.isEnabled()
        assert "thẻ định danh của Ban Tuyên giáo và Dân vận Tỉnh ủy" in page.need_card_text.text()
        SHOTS.mkdir(exist_ok=True)
        page.grab().save(str(SHOTS / "exchange-need-card.png"))
        card = _card_file(prov, tmp_path)
        monkeypatch.setattr(exchange_page, "open_file", lambda *a, **k: str(card))   # the user picks the file
        answer("Mã khớp, đăng ký đơn vị này")                                      # the codes match
        qtbot.mouseClick(page.need_card_button, Qt.MouseButton.LeftButton)
        assert page.status.text().startswith(f"Đã đăng ký đơn vị {prov.origin}")
        assert not page.need_card.isVisible() and page.export_button.isEnabled()
    finally:
        prov.close()


def test_province_page_never_asks_for_a_province_card(tmp_path, qtbot, passphrase_env):
    import ui.pages.exchange as exchange_page

    prov = new_province(tmp_path / "p.db")
    try:
        page = exchange_page.Page(prov, TaskRunner(synchronous=True))
        qtbot.addWidget(page)
        page.show()
        page.refresh()
        assert not page.need_card.isVisible() and page.export_button.isEnabled()
    finally:
        prov.close()
