"""CLI: `dlxh bench [NAME…]`: runs the benchmarks of tests/bench (source checkouts only) and prints their table."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from app.errors import DlxhError

ORDER = 94   # where these commands come in `dlxh --help` (app/cli.py)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bench", help="chạy bộ đo hiệu năng và in bảng kết quả")
    p.add_argument("only", nargs="*", metavar="NAME", help="chỉ chạy các phép đo này (ví dụ: search)")
    p.set_defaults(func=cmd_bench)


def cmd_bench(args: argparse.Namespace) -> int:
    root = Path(__file__).resolve().parents[2]
    if not (root / "tests" / "bench" / "__main__.py").exists():
        raise DlxhError("Bộ đo hiệu năng chỉ có trong mã nguồn DLXH (thư mục tests/bench).")
    return subprocess.call([sys.executable, "-m", "tests.bench", *args.only], cwd=root)
