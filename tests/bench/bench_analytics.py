"""Benchmark: the offline text analytics (issue 13).

Quality on the held-out paraphrase set (tests/data/paraphrases): topic suggestion top-1 and
top-3, the same without the synonym table, and clustering purity of the held-out items.
Speed and memory on the large store (bigstore, DLXH_BENCH_ITEMS items, default 200,000):
model build, suggestion while typing, similar items, streams of a month, resident memory
added by the analytics. Also the install size the analytics' libraries add (none: numpy only).

Run: python tests/bench/bench_analytics.py [--quality-only]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))


def rss_mib() -> float:
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def quality() -> None:
    from app.analytics import streams
    from app.analytics.textproc import Processor
    from tests.analytics.paraphrases import accuracy, fit, load

    topics = load()
    for label, proc in (("", Processor()), (" (no synonyms)", Processor([]))):
        fitted = fit(topics, proc)
        top1, top3, n = accuracy(fitted, topics)
        print(f"suggestion top-1{label}: {top1:.3f} ({round(top1 * n)}/{n} held-out items, {len(topics)} topics)")
        print(f"suggestion top-3{label}: {top3:.3f}")
        if label:
            continue
        texts = [x for t in topics for x in t.test]
        truth = [i for i, t in enumerate(topics) for _x in t.test]
        groups = streams.cluster(fitted.word_vector(texts))   # the same fitted model clusters
        covered = sum(len(g) for g in groups)
        pure = sum(Counter(truth[i] for i in g).most_common(1)[0][1] for g in groups)
        print(f"clustering purity: {pure / max(covered, 1):.3f} ({len(groups)} clusters of ≥3 covering "
              f"{covered}/{len(texts)} items)")


def timed(fn, repeat: int) -> tuple[float, float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(0.95 * len(samples)))]


def speed() -> None:
    import bigstore

    ctx, built = bigstore.open_big()
    if built:
        print(f"bigstore built in: {built:.1f} s")
    n = ctx.db.execute("SELECT count(*) FROM opinions").fetchone()[0]
    before = rss_mib()
    from app.analytics import model, similar, streams, suggest

    start = time.perf_counter()
    model.get(ctx)
    print(f"model build on {n} items: {time.perf_counter() - start:.2f} s")
    text = "Bà con chưa đồng ý mức đền bù đất khi mở rộng đường, đề nghị công khai đơn giá"
    prefixes = [text[:k] for k in range(20, len(text) + 1, 6)]
    med, p95 = timed(lambda: [suggest.suggest(ctx, p) for p in prefixes], 5)
    print(f"suggest while typing: {med / len(prefixes):.1f} ms per keystroke pause (p95 {p95 / len(prefixes):.1f})")
    ids = [r[0] for r in ctx.db.execute("SELECT id FROM opinions ORDER BY random() LIMIT 10")]
    it = iter(ids * 3)
    med, p95 = timed(lambda: similar.similar(ctx, next(it)), 30)
    print(f"similar items: {med:.0f} ms median (p95 {p95:.0f})")
    month = ctx.db.execute("SELECT substr(max(received_on), 1, 7) FROM opinions").fetchone()[0]
    from datetime import date

    from app.months import add_months

    full = add_months(date.fromisoformat(month + "-01"), -1).strftime("%Y-%m")
    size = ctx.db.execute("SELECT count(*), sum(topic_id IS NULL) FROM opinions WHERE received_on LIKE ?",
                          [full + "%"]).fetchone()
    start = time.perf_counter()
    found = streams.streams(ctx, full)
    print(f"streams of {full} ({size[0]} items, {size[1]} without topic): {time.perf_counter() - start:.2f} s, "
          f"{len(found)} streams")
    print(f"memory added by the analytics: {rss_mib() - before:.0f} MiB (RSS {rss_mib():.0f} MiB)")
    ctx.close()


def install_size() -> None:
    """The analytics import numpy alone, which vietnamadminunits (via shapely) requires anyway."""
    import importlib.metadata
    import importlib.util

    spec = importlib.util.find_spec("numpy")
    folder = Path(list(spec.submodule_search_locations)[0])
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())
    needs = [r for r in importlib.metadata.requires("shapely") or [] if r.startswith("numpy")]
    print(f"install size added: 0 MiB (numpy {size / 2**20:.0f} MiB is already required: shapely {needs[0]}, "
          f"pulled in by vietnamadminunits)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quality-only", action="store_true")
    args = parser.parse_args()
    quality()
    install_size()
    if not args.quality_only:
        speed()


if __name__ == "__main__":
    main()
