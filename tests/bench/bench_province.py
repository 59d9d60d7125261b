"""Benchmark: a province at today's largest scale, 168 communes × 12 months (~300k items).

Run: python tests/bench/bench_province.py [--communes 168] [--per-month 150]
Prints figures only (no pass/fail):
  - bulk enrolment of every commune from a folder of identity cards,
  - import of all packages (one per commune with its year: decrypt, unzip checks, signatures,
    hashes, upsert, receipt) against raw executemany of the same rows into an empty store
    of the same schema (the target is import ≥ 70 % of raw speed): all at once (the batch
    import), one by one (a transaction each), and the same year as it really arrives, 12
    monthly batches of one package per commune,
  - opening each province page in the main window (target ≤ 300 ms each),
  - the consolidated monthly report drafted and rendered to PDF and DOCX (target ≤ 2 s).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DLXH_PASSPHRASE", "bench-passphrase-1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.demo.commune_packages import Sender, build_package, first_tables, month_tables  # noqa: E402
from app.exchange import enrol_folder, identity, import_batch, importer, keys, safezip  # noqa: E402
from app.months import month_starts  # noqa: E402
from app.office import add_unit, init_office  # noqa: E402

PROVINCE = ("86", "Tỉnh Vĩnh Long")
TABLES = ("collaborators", "topics", "opinions", "reports")


def province_office(path: Path, communes: list[Sender]):
    ctx, _ = init_office(path, unit_code=PROVINCE[0], name=PROVINCE[1], role="province")
    for s in communes:
        add_unit(ctx, s.code, s.name, "commune", PROVINCE[0])
    return ctx


def year_of(sender: Sender, rng: random.Random, months: list[date], per_month: int) -> dict[str, list[dict]]:
    tables = first_tables(sender, rng)
    for m in months:
        for name, rows in month_tables(sender, rng, m, per_month, hot=rng.random() < 0.2).items():
            tables.setdefault(name, []).extend(rows)
    return tables


def timed(label: str, fn, *args, **kw):
    start = time.perf_counter()
    result = fn(*args, **kw)
    print(f"{label}: {(time.perf_counter() - start) * 1000:,.0f} ms")
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--communes", type=int, default=168)
    ap.add_argument("--per-month", type=int, default=150)
    ap.add_argument("--store", type=Path, help="an existing province.db from an earlier run: only pages and report")
    args = ap.parse_args()
    if args.store:
        from app.office import open_ctx

        ctx = open_ctx(args.store)
        pages(ctx, date.today())
        report(ctx, month_starts(date.today(), 1, include_current=False)[0].strftime("%Y-%m"), args.store.parent)
        return
    rng = random.Random(15)
    tmp = Path(tempfile.mkdtemp(prefix="dlxh-bench-province-"))
    today = date.today()
    months = month_starts(today, 12, include_current=False)
    senders = [Sender(f"{27000 + 7 * i}", f"Xã Thử Nghiệm {i + 1:03d}", "district") for i in range(args.communes)]
    prov = province_office(tmp / "province.db", senders)
    own = keys.ensure_keys(prov)

    cards = tmp / "cards"
    cards.mkdir()
    (tmp / "receipts").mkdir()
    for s in senders:
        (cards / f"{s.code}.dlxid").write_bytes(identity.card_bytes(s.card()))
    start = time.perf_counter()
    found = enrol_folder.scan_folder(prov, cards)
    outcome = enrol_folder.enrol_cards(prov, found)
    print(f"enrol {len(outcome.enrolled)} communes from a folder of cards: {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    data = {s.code: year_of(s, rng, months, args.per_month) for s in senders}
    items = sum(len(d["opinions"]) for d in data.values())
    total_rows = sum(len(r) for d in data.values() for r in d.values())
    print(f"communes: {args.communes}, months: 12, opinion items: {items:,}, rows in all tables: {total_rows:,} "
          f"(generated in {time.perf_counter() - start:.1f} s)")
    start = time.perf_counter()
    files = []
    for s in senders:
        path = tmp / "in" / f"{s.code}.dlxh"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(build_package(s, PROVINCE[0], own.age_recipient, data[s.code]))
        files.append(path)
    print(f"build {len(files)} signed, encrypted packages: {time.perf_counter() - start:.1f} s, "
          f"{sum(p.stat().st_size for p in files) / 1e6:.1f} MB")

    start = time.perf_counter()
    outcomes = import_batch.import_files(prov, [tmp / "in"], receipt_dir=tmp / "receipts")
    batch_s = time.perf_counter() - start
    assert all(o.state == import_batch.IMPORTED for o in outcomes), import_batch.summary(outcomes)
    print(f"import all {len(files)} packages at once (one batch, as «Nhập nhiều gói…» does): {batch_s:.1f} s, "
          f"{total_rows / batch_s:,.0f} rows/s")

    # One by one, into a second store, arrivals spread over the months so the timeliness page
    # (measured on this store) has on-time and late cells.
    single = province_office(tmp / "province-single.db", senders)
    for s in senders:
        keys.enrol(single, s.card())
    recipient = keys.ensure_keys(single).age_recipient
    blobs = [(s.code, build_package(s, PROVINCE[0], recipient, data[s.code])) for s in senders]
    (tmp / "receipts-single").mkdir()
    start = time.perf_counter()
    for n, (code, blob) in enumerate(blobs):
        arrived = today - timedelta(days=n % 40)
        res, receipt = importer.import_bytes(single, blob, f"{code}.dlxh", now=f"{arrived.isoformat()}T08:00Z")
        safezip.atomic_write(tmp / "receipts-single" / f"{code}.dlxr", receipt)  # as import_package does
    single_s = time.perf_counter() - start
    print(f"import the {len(files)} packages one by one (a transaction each): {single_s:.1f} s, "
          f"{total_rows / single_s:,.0f} rows/s")

    raw = province_office(tmp / "raw.db", senders)
    for s in senders:
        keys.enrol(raw, s.card())
    start = time.perf_counter()
    with raw.transaction():
        for d in data.values():
            for table in TABLES:
                rows = d[table]
                cols = sorted(set().union(*(r.keys() for r in rows)))
                raw.db.conn.executemany(
                    f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [[r.get(c) for c in cols] for r in rows],
                )
    raw_s = time.perf_counter() - start
    raw.close()
    print(f"raw executemany of the same rows (one transaction): {raw_s:.1f} s, {total_rows / raw_s:,.0f} rows/s")
    print(f"import speed / raw speed: at once {raw_s / batch_s:.0%}, one by one {raw_s / single_s:.0%} "
          "(target ≥ 70 %)")
    monthly_s, packages = as_it_arrives(tmp, senders, data, months)
    print(f"the same year as it arrives, {packages} monthly packages in 12 monthly batches: {monthly_s:.1f} s, "
          f"{total_rows / monthly_s:,.0f} rows/s, {raw_s / monthly_s:.0%} of raw")
    prov.close()
    prov = single

    pages(prov, today)
    report(prov, months[-1].strftime("%Y-%m"), tmp / "report")
    prov.close()
    print(f"work dir {tmp}")


def as_it_arrives(tmp: Path, senders: list[Sender], data: dict, months: list[date]) -> tuple[float, int]:
    """The same rows as one package per commune per month, imported month by month, each
    month's folder at once: the province's real rhythm."""
    ctx = province_office(tmp / "province-monthly.db", senders)
    for s in senders:
        keys.enrol(ctx, s.card())
    recipient = keys.ensure_keys(ctx).age_recipient
    folders = []
    for n, month in enumerate(months):
        folder = tmp / "monthly" / f"{month:%Y-%m}"
        folder.mkdir(parents=True)
        folders.append(folder)
        for s in senders:
            d = data[s.code]
            tables = {"collaborators": d["collaborators"], "topics": d["topics"]} if n == 0 else {}
            tables["opinions"] = [r for r in d["opinions"] if r["received_on"].startswith(f"{month:%Y-%m}")]
            tables["reports"] = [r for r in d["reports"] if r["period_start"].startswith(f"{month:%Y-%m}")]
            (folder / f"{s.code}.dlxh").write_bytes(build_package(s, PROVINCE[0], recipient, tables))
    start = time.perf_counter()
    for folder in folders:
        outcomes = import_batch.import_files(ctx, [folder])
        assert all(o.state == import_batch.IMPORTED for o in outcomes), import_batch.summary(outcomes)
    took = time.perf_counter() - start
    ctx.close()
    return took, len(folders) * len(senders)


def pages(ctx, today: date) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    # The topic model is built on the worker thread in the app (bench_analytics times it); with
    # this bench's synchronous runner its timer would block whichever page it fires under.
    MainWindow._warm_up = lambda self: None
    window = MainWindow(ctx, TaskRunner(synchronous=True))
    window.resize(1366, 768)
    window.show()
    app.processEvents()

    def show(key: str):
        page = window.show_page(key)
        app.processEvents()
        page.repaint()
        return page

    for key in ("province", "exchange", "overview"):
        show("catalog")
        start, cpu = time.perf_counter(), time.process_time()
        page = show(key)
        print(f"open page '{key}': {(time.perf_counter() - start) * 1000:,.0f} ms "
              f"(CPU {(time.process_time() - cpu) * 1000:,.0f} ms)")
    page = show("province")
    for i in range(page.tabs.count()):
        start = time.perf_counter()
        page.tabs.setCurrentIndex(i)
        app.processEvents()
        page.repaint()
        print(f"  tab '{page.tabs.tabText(i)}': {(time.perf_counter() - start) * 1000:,.0f} ms")
    view = page.timeliness
    for label, setter in (
        ("timeliness filter 'late'", lambda: view.status.setCurrentIndex(1)),
        ("timeliness search 'thu nghiem 01'", lambda: (view.search.setText("thu nghiem 01"), view.search.flush())),
        ("timeliness 3 months", lambda: view.period.setCurrentIndex(0)),
        ("items of one commune", lambda: page.items.office.setCurrentIndex(5)),
        ("items of one month", lambda: page.items.month.setCurrentIndex(2)),
    ):
        start = time.perf_counter()
        setter()
        app.processEvents()
        print(f"  {label}: {(time.perf_counter() - start) * 1000:,.0f} ms")
    window.close()


def report(ctx, month: str, folder: Path) -> None:
    from app.reports import draft
    from app.reports.compose import document_for
    from app.reports.render_docx import render_docx
    from app.reports.render_pdf import render_pdf

    start, cpu = time.perf_counter(), time.process_time()
    doc = document_for(ctx, draft.draft_report(ctx, "monthly", date.fromisoformat(f"{month}-01")))
    drafted = time.perf_counter() - start
    scales: list[float] = []
    pdf = render_pdf(doc, scales)          # as register.render_files does: the DOCX reuses the charts' scales
    pdf_s = time.perf_counter() - start - drafted
    docx = render_docx(doc, scales)
    docx_s = time.perf_counter() - start - drafted - pdf_s
    print(f"consolidated report {month}: draft {drafted * 1000:,.0f} ms + PDF {pdf_s * 1000:,.0f} ms "
          f"+ DOCX {docx_s * 1000:,.0f} ms = {(time.perf_counter() - start):.2f} s "
          f"(CPU {time.process_time() - cpu:.2f} s; {len(pdf) // 1024} KiB PDF, {len(docx) // 1024} KiB DOCX)")
    del folder


if __name__ == "__main__":
    main()
