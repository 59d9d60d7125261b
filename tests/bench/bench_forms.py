"""Benchmark: electronic forms (app/forms).

Run: .venv/bin/python tests/bench/bench_forms.py [--responses 1000] [--concurrent 100]
Builds the demo office (with its survey still collecting), then measures: the size of a
survey form and of a collaborator's form (target ≤ 300 KB with the crypto); the time a
form takes to open in headless Chromium on a phone profile (360x740, CPU slowed 4x, the
way DevTools emulates a mid-range phone); the import of N sealed responses (target
1,000 ≤ 10 s); and N concurrent submissions to the served form on 127.0.0.1, each from
its own loopback address as phones on a Wi-Fi are (no error, every response counted
once). Figures only; no pass/fail.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import secrets
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyrage
from pyrage import x25519

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from app.demo import build_demo  # noqa: E402
from app.exchange.keys import ensure_keys  # noqa: E402
from app.forms import make, receive, serve  # noqa: E402
from app.forms.page import RESOURCES  # noqa: E402
from app.forms.survey_form import structure_hash  # noqa: E402
from app.office import get_office  # noqa: E402
from app.surveys import questionnaire as qn  # noqa: E402

PASSPHRASE = "bench-passphrase-1"


def sealed_responses(ctx, sid: str, n: int) -> list[bytes]:
    recipient = x25519.Recipient.from_str(ensure_keys(ctx).age_recipient)
    office, qhash = get_office(ctx).unit_code, structure_hash(qn.load(ctx, sid))
    out = []
    for i in range(n):
        payload = {"v": 1, "kind": "survey", "office": office, "survey": sid, "qhash": qhash,
                   "rid": secrets.token_hex(16), "profile": {"gender": "female" if i % 2 else "male"},
                   "answers": {"1": 1, "2": [1, 3], "3": 1 + i % 5, "4": 4, "5": f"Ý kiến số {i}"}}
        out.append(pyrage.encrypt(json.dumps(payload, ensure_ascii=False).encode(), [recipient]))
    return out


def open_time(page: Path) -> float:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 360, "height": 740,
                                                                          "pixelRatio": 2.0}})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    try:
        driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 4})
        times = []
        for _ in range(3):
            driver.get(page.as_uri())
            times.append(driver.execute_script(
                "var t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.startTime;"))
        return sorted(times)[1] / 1000
    finally:
        driver.quit()


def concurrent_posts(ctx, sid: str, n: int) -> tuple[float, dict[int, int], int]:
    server = serve.FormServer(ctx, survey_id=sid, bind="127.0.0.1", port=0)
    server.start()
    port = server.httpd.server_address[1]
    bodies = sealed_responses(ctx, sid, n)

    def post(i: int) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60,
                                          source_address=(f"127.0.{1 + i // 250}.{1 + i % 250}", 0))
        conn.request("POST", server.post_path, body=bodies[i])
        status = conn.getresponse().status
        conn.close()
        return status

    before = rows(ctx, sid)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=n) as pool:
        codes = list(pool.map(post, range(n)))
    elapsed = time.perf_counter() - start
    server.stop()
    counts: dict[int, int] = {}
    for code in codes:
        counts[code] = counts.get(code, 0) + 1
    return elapsed, counts, server.counter.received, rows(ctx, sid) - before


def rows(ctx, sid: str) -> int:
    return ctx.db.execute("SELECT count(*) FROM survey_responses WHERE survey_id = ?", [sid]).fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=1000)
    parser.add_argument("--concurrent", type=int, default=100)
    args = parser.parse_args()
    os.environ["DLXH_PASSPHRASE"] = PASSPHRASE
    with tempfile.TemporaryDirectory() as tmp:
        ctx, _, _ = build_demo(Path(tmp) / "f.db", passphrase=PASSPHRASE)
        sid = next(s.id for s in qn.list_surveys(ctx) if s.status == "open")
        page = make.survey_forms(ctx, sid, Path(tmp) / "forms")
        reports = make.collaborator_forms(ctx, Path(tmp) / "ctv")
        bundle = (RESOURCES / "age-seal.min.js").stat().st_size
        print(f"survey form size: {page.stat().st_size / 1024:.0f} KB (of which the age bundle {bundle / 1024:.0f} KB)")
        print(f"collaborator form size: {max(p.stat().st_size for p in reports) / 1024:.0f} KB (largest of {len(reports)})")
        print(f"open on a phone profile (360x740, CPU 4x slower), median of 3: {open_time(page):.2f} s")
        sid_bench = sid
        bodies = sealed_responses(ctx, sid_bench, args.responses)
        start = time.perf_counter()
        outcomes = receive.receive_many(ctx, [(f"{i}.age", b) for i, b in enumerate(bodies)])
        took = time.perf_counter() - start
        imported = sum(o.status == "imported" for o in outcomes)
        print(f"import {args.responses} sealed responses (one call): {took:.2f} s, {imported} imported")
        start = time.perf_counter()
        again = receive.receive_many(ctx, [(f"{i}.age", b) for i, b in enumerate(bodies)])
        print(f"re-import of the same {args.responses}: {time.perf_counter() - start:.2f} s, "
              f"{sum(o.status == 'already' for o in again)} already imported")
        elapsed, codes, counted, stored = concurrent_posts(ctx, sid_bench, args.concurrent)
        print(f"{args.concurrent} concurrent submissions to the served form: {elapsed:.2f} s, "
              f"HTTP {codes}, counted {counted}, new responses stored {stored}")
        ctx.close()


if __name__ == "__main__":
    main()
