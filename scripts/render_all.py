"""Build both demos and render every kind of document into one folder, to read them all.

    .venv/bin/python scripts/render_all.py OUT_DIR [--month YYYY-MM]

The commune demo (`dlxh --db X demo`) gives the monthly, quarterly, half-year and annual
reports of the month's periods, an ad-hoc and a thematic report, the survey report and the
minutes of the last regular and the last extraordinary meeting; the province demo
(`dlxh --db Y demo --province`) gives the consolidated report. Every document is made through
the command line as a user would (`python -m app …`), as PDF and DOCX, and named by its kind
(`commune-monthly.pdf`, `province-consolidated.docx` …). The demos live in a temporary folder
that is removed at the end (they are encrypted; the key is a throw-away passphrase).

Nothing is skipped: a kind that cannot be rendered is reported with the command's message,
and the script exits 1 after trying the others. A table of the files with their page counts
is printed at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Outcome:
    kind: str
    files: list[Path]
    error: str = ""


class Failed(Exception):
    pass


def dlxh(db: Path, *args: str) -> list[str]:
    """Run one command of the CLI on `db`; its stdout lines, or Failed with its message."""
    env = {**os.environ, "DLXH_PASSPHRASE": os.environ.get("DLXH_PASSPHRASE") or "render-all-demo",
           "PYTHONWARNINGS": "ignore"}
    done = subprocess.run([sys.executable, "-m", "app", "--db", str(db), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise Failed(f"dlxh {' '.join(args)}: exit {done.returncode}: {(done.stderr or done.stdout).strip()[-800:]}")
    return done.stdout.splitlines()


def collect(produced: list[str], out: Path, name: str) -> list[Path]:
    """Move the PDF and DOCX a command printed (or wrote) to OUT/name.pdf|docx."""
    files = []
    for suffix in (".pdf", ".docx"):
        found = [Path(line.strip()) for line in produced if line.strip().endswith(suffix) and Path(line.strip()).exists()]
        if not found:
            raise Failed(f"{name}: no {suffix[1:].upper()} file was written")
        target = out / f"{name}{suffix}"
        shutil.move(str(found[-1]), target)
        files.append(target)
    return files


def render_report(db: Path, out: Path, work: Path, name: str, draft_args: list[str]) -> list[Path]:
    report_id = dlxh(db, "report", "draft", "--new", *draft_args)[-1].strip()
    folder = work / name
    folder.mkdir()
    printed = dlxh(db, "report", "render", report_id, "--pdf", "--docx", "--out", str(folder))
    return collect(printed + [str(p) for p in folder.iterdir()], out, name)


def meetings(db: Path) -> list[tuple[str, str, str]]:
    """(held on dd/mm/yyyy, kind label, id) of the meetings held, most recent first."""
    rows = []
    for line in dlxh(db, "meetings", "list"):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) >= 3 and len(parts[-1]) == 36:
            rows.append((parts[0], parts[1], parts[-1]))
    return rows


def commune_kinds(month: date) -> dict[str, list[str]]:
    day = month.isoformat()
    first_of_quarter = month.replace(month=(month.month - 1) // 3 * 3 + 1)
    nxt = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    end = min(date.fromordinal(nxt.toordinal() - 1), max(date.today(), month)).isoformat()
    return {
        "commune-monthly": ["--month", f"{month:%Y-%m}"],
        "commune-quarterly": ["--kind", "quarterly", "--date", day],
        "commune-half-year": ["--kind", "half_year", "--date", day],
        "commune-annual": ["--kind", "annual", "--date", day],
        "commune-adhoc": ["--kind", "adhoc", "--from", first_of_quarter.isoformat(), "--to", end,
                          "--topic", "ô nhiễm môi trường từ cơ sở chăn nuôi heo và lò than củi"],
        "commune-thematic": ["--kind", "thematic", "--from", month.replace(month=1).isoformat(), "--to", end,
                             "--topic", "bồi thường, giải phóng mặt bằng dự án nâng cấp Quốc lộ 53"],
    }


def run(out: Path, month: date) -> list[Outcome]:
    outcomes: list[Outcome] = []

    def attempt(kind: str, make) -> None:
        try:
            outcomes.append(Outcome(kind, make()))
        except (Failed, subprocess.TimeoutExpired, OSError) as exc:
            outcomes.append(Outcome(kind, [], str(exc)))

    with tempfile.TemporaryDirectory(prefix="dlxh-render-") as tmp:
        work = Path(tmp)
        commune, province = work / "commune.db", work / "province.db"
        dlxh(commune, "demo")
        for name, args in commune_kinds(month).items():
            attempt(name, lambda name=name, args=args: render_report(commune, out, work, name, args))

        def survey() -> list[Path]:
            ids = [line.split()[0] for line in dlxh(commune, "survey", "list") if len(line.split()[0]) == 36]
            if not ids:
                raise Failed("the commune demo has no survey")
            folder = work / "survey"
            folder.mkdir()
            printed = dlxh(commune, "survey", "report", ids[0], "--pdf", "--docx", "--out", str(folder))
            return collect(printed + [str(p) for p in folder.iterdir()], out, "commune-survey")

        attempt("commune-survey", survey)
        for label, name in (("Định kỳ", "commune-minutes-regular"), ("Đột xuất", "commune-minutes-extraordinary")):
            def minutes(label: str = label, name: str = name) -> list[Path]:
                held = [m for m in meetings(commune) if m[1] == label]
                if not held:
                    raise Failed(f"the commune demo has no meeting of kind {label}")
                folder = work / name
                folder.mkdir()
                printed = dlxh(commune, "meetings", "minutes", held[0][2], "--pdf", "--docx", "--out", str(folder))
                return collect(printed + [str(p) for p in folder.iterdir()], out, name)

            attempt(name, minutes)
        dlxh(province, "demo", "--province")
        attempt("province-consolidated",
                lambda: render_report(province, out, work, "province-consolidated", ["--month", f"{month:%Y-%m}"]))
    return outcomes


def pages(pdf: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build both demos and render every kind of document.")
    parser.add_argument("out", type=Path, help="folder for the PDF and DOCX files (created if missing)")
    parser.add_argument("--month", default=f"{date.today():%Y-%m}", help="the month the periods contain (YYYY-MM)")
    args = parser.parse_args(argv)
    year, mon = (int(x) for x in args.month.split("-"))
    args.out.mkdir(parents=True, exist_ok=True)
    outcomes = run(args.out.resolve(), date(year, mon, 1))
    failed = [o for o in outcomes if o.error]
    for o in outcomes:
        if o.error:
            print(f"FAILED {o.kind}: {o.error}")
        else:
            pdf = next(p for p in o.files if p.suffix == ".pdf")
            print(f"{o.kind:<32} {pages(pdf):>3} pages  {', '.join(p.name for p in o.files)}")
    if failed:
        print(f"{len(failed)} of {len(outcomes)} kinds could not be rendered.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
