"""Helpers shared by the CLI command modules in app/commands/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.context import Ctx
from db.store import default_path


def db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if getattr(args, "db", None) else default_path()


def open_from_args(args: argparse.Namespace) -> Ctx:
    """Open the store named by --db (key from keyring or DLXH_PASSPHRASE); a damaged file's
    message names the latest backup and the restore command."""
    from app.backup import open_or_explain

    return open_or_explain(db_path(args))


def out(line: str = "") -> None:
    print(line, flush=True)


def err(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
