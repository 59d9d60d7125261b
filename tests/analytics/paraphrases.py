"""Loader of the held-out paraphrase set in tests/data/paraphrases/set.txt (shared by the tests
and tests/bench/bench_analytics.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SET = Path(__file__).resolve().parents[1] / "data" / "paraphrases" / "set.txt"


@dataclass
class PTopic:
    title: str
    field: str
    train: list[str] = field(default_factory=list)
    test: list[str] = field(default_factory=list)


def load(path: Path = SET) -> list[PTopic]:
    topics: list[PTopic] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            title, fld = (x.strip() for x in line[3:].split("|"))
            topics.append(PTopic(title, fld))
        elif line.startswith("train: "):
            topics[-1].train.append(line[7:].strip())
        elif line.startswith("test: "):
            topics[-1].test.append(line[6:].strip())
    return topics
