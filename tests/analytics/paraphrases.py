"""The held-out paraphrase set in tests/data/paraphrases/set.txt: its loader, the model fitted on
its training items, and the suggestion accuracy on its test items, one loop shared by
tests/analytics/test_quality.py and tests/bench/bench_analytics.py."""

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


def fit(topics: list[PTopic], proc=None):
    """The topic model of the set's training items (topic i has the id str(i))."""
    from app.analytics import model
    from app.analytics.textproc import Processor

    profiles = [(model.TopicProfile(str(i), t.title, t.field, "watch", len(t.train)), [t.title] + t.train)
                for i, t in enumerate(topics)]
    return model.fit(proc or Processor(), profiles, [])


def accuracy(fitted, topics: list[PTopic]) -> tuple[float, float, int]:
    """Top-1 and top-3 suggestion accuracy over the held-out items, and their number."""
    top1 = top3 = n = 0
    for i, t in enumerate(topics):
        for text in t.test:
            ids = [s.topic.id for s in fitted.suggest(text, 3)]
            n += 1
            top1 += ids[:1] == [str(i)]
            top3 += str(i) in ids
    return top1 / n, top3 / n, n
