"""The figure check on our own blind sets: invented articles with labelled one-sentence summaries.

    .venv/bin/python benchmarks/blind_sets.py [--sets DIR] [--set NAME ...] [--classes] [--show N]

Each set is a directory of `<id>.article.txt` files, each beside `<id>.jsonl` with one object per
summary sentence: `summary`, `label` ("right" or "wrong"), `class` (the kind of error, or of
restating), `figure` and `note`. The sets were written by people who never saw the check's code
(benchmarks/blind/README.md says which set is for tuning, which for checking and which is held out).

Printed per set: wrong sentences caught (any figure flagged unsupported or misattributed) and right
sentences passed (none flagged; a derived figure is not a flag). `--classes` adds a row per class;
`--show N` prints up to N misses of each kind, of the tuning set only (of any set under another
`--sets` directory). No network, no model.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.grounding import index_article, verify
from summarizer.grounding.report import FLAGGED_STATUSES

DEFAULT_SETS = Path(__file__).resolve().parent / "blind"
SHOWN = frozenset({"s8", "s12a"})  # the tuning sets: the only ones whose misses are shown (see blind/README.md)


@dataclass(frozen=True)
class Case:
    """One labelled summary sentence of one article."""

    id: str
    summary: str
    wrong: bool
    kind: str


@dataclass(frozen=True)
class Outcome:
    case: Case
    flagged: list[str]  # "text (status, rule)" of each flagged figure

    @property
    def right(self) -> bool:
        """The check agrees with the label."""
        return bool(self.flagged) == self.case.wrong


def read_set(directory: Path) -> list[tuple[str, list[Case]]]:
    """(article text, its cases) for each article of a set, in file order."""
    articles = []
    for path in sorted(directory.glob("*.article.txt")):
        lines = path.with_name(path.name.replace(".article.txt", ".jsonl")).read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
        cases = [Case(r["id"], r["summary"], r["label"] == "wrong", r.get("class", "?")) for r in rows]
        articles.append((path.read_text(encoding="utf-8"), cases))
    return articles


def run_set(directory: Path) -> list[Outcome]:
    """Every case of a set, checked against its article."""
    outcomes = []
    for text, cases in read_set(directory):
        index = index_article(text)
        for case in cases:
            report = verify(index, case.summary)
            flagged = [f"{f.text} ({f.status}, {f.rule})" for f in report.figures if f.status in FLAGGED_STATUSES]
            outcomes.append(Outcome(case, flagged))
    return outcomes


def _share(hits: int, total: int) -> str:
    return f"{100 * hits / total:5.1f}% {hits:>4}/{total:<4}" if total else "-"


def summary_row(name: str, outcomes: list[Outcome]) -> str:
    wrong = [o for o in outcomes if o.case.wrong]
    right = [o for o in outcomes if not o.case.wrong]
    caught = sum(o.right for o in wrong)
    passed = sum(o.right for o in right)
    return f"| {name:<22} | {_share(caught, len(wrong))} | {_share(passed, len(right))} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=str(DEFAULT_SETS), help="directory holding one directory per set")
    parser.add_argument("--set", action="append", default=[], help="run only this set (repeatable)")
    parser.add_argument("--classes", action="store_true", help="a row per class of each set")
    parser.add_argument("--show", type=int, default=0, help="print up to N misses of each kind (tuning sets only)")
    args = parser.parse_args()
    root = Path(args.sets)
    names = args.set or sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    if not names:
        print(f"no blind sets under {root}: nothing to measure", file=sys.stderr)
        return 2
    print("| set (class)            | wrong caught     | right passed     |")
    print("|------------------------|------------------|------------------|")
    for name in names:
        outcomes = run_set(root / name)
        print(summary_row(name, outcomes))
        if args.classes:
            kinds = Counter(o.case.kind for o in outcomes)
            for kind in sorted(kinds):
                print(summary_row(f"  {kind}", [o for o in outcomes if o.case.kind == kind]))
        if args.show and name not in SHOWN and root.resolve() == DEFAULT_SETS.resolve():
            print(f"  ({name} is a check or held-out set: run as totals only, its misses are not shown)")
            continue
        misses = [o for o in outcomes if not o.right]
        shown: Counter[bool] = Counter()
        for miss in misses:
            if shown[miss.case.wrong] < args.show:
                shown[miss.case.wrong] += 1
                what = "missed" if miss.case.wrong else "false alarm: " + "; ".join(miss.flagged)
                print(f"  [{miss.case.id} {miss.case.kind}] {what}\n      {miss.case.summary}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
