"""Snapshot what `find_figures` reads in every bench text, and diff two snapshots.

A refactor of the figure parser must reproduce the snapshot exactly; a change in what it reads
shows here as a list of texts whose figures differ, to be read and listed as deliberate.

    .venv/bin/python benchmarks/figures_diff.py snapshot OUT.json [--data DIR] [--articles DIR]
    .venv/bin/python benchmarks/figures_diff.py diff OLD.json NEW.json [--show N]

The snapshot holds third-party text positions and figures only; write it outside the repository.
Texts are every `source` and `summary` of ../shared/data/figure-bench/*.jsonl and every file of
../shared/articles, each read once (duplicates are skipped). Fields added to `Figure` later appear
in the snapshot but are left out of the diff unless both snapshots have them.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.figures import find_figures

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_DATA = SHARED / "data" / "figure-bench"
DEFAULT_ARTICLES = SHARED / "articles"


def bench_texts(data: Path, articles: Path) -> Iterator[tuple[str, str]]:
    """(label, text) for every distinct text of the bench rows and the shared articles."""
    seen: set[str] = set()

    def fresh(text: str) -> bool:
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            return False
        seen.add(digest)
        return True

    for path in sorted(data.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                row = json.loads(line)
                for field in ("source", "summary"):
                    if fresh(row[field]):
                        yield f"{row['id']}:{field}", row[field]
    for path in sorted(articles.glob("*")):
        text = path.read_text(encoding="utf-8")
        if path.is_file() and fresh(text):
            yield f"articles/{path.name}", text


def snapshot(data: Path, articles: Path) -> dict[str, list[dict[str, Any]]]:
    """Every text's figures, as plain dicts."""
    return {
        label: [dataclasses.asdict(figure) for figure in find_figures(text)]
        for label, text in bench_texts(data, articles)
    }


def _comparable(figures: list[dict[str, Any]], fields: set[str]) -> list[dict[str, Any]]:
    return [{key: value for key, value in figure.items() if key in fields} for figure in figures]


def diff(old: dict[str, list[dict[str, Any]]], new: dict[str, list[dict[str, Any]]], show: int) -> int:
    """Print the texts whose figures differ; return how many."""
    fields = _fields(old) & _fields(new)
    changed = [label for label in old.keys() | new.keys() if label not in old or label not in new]
    changed += [
        label for label in old.keys() & new.keys() if _comparable(old[label], fields) != _comparable(new[label], fields)
    ]
    changed.sort()
    for label in changed[:show]:
        before = {json.dumps(f, sort_keys=True) for f in _comparable(old.get(label, []), fields)}
        after = {json.dumps(f, sort_keys=True) for f in _comparable(new.get(label, []), fields)}
        print(label)
        for line in sorted(before - after):
            print("  -", line)
        for line in sorted(after - before):
            print("  +", line)
    total = sum(len(figures) for figures in new.values())
    print(f"{len(changed)} of {len(new)} texts differ ({total} figures; compared fields: {', '.join(sorted(fields))})")
    return len(changed)


def _fields(snap: dict[str, list[dict[str, Any]]]) -> set[str]:
    for figures in snap.values():
        if figures:
            return set(figures[0])
    return set()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    take = commands.add_parser("snapshot", help="write the figures of every bench text to OUT")
    take.add_argument("out", type=Path)
    take.add_argument("--data", type=Path, default=DEFAULT_DATA)
    take.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES)
    compare = commands.add_parser("diff", help="print the texts whose figures differ between two snapshots")
    compare.add_argument("old", type=Path)
    compare.add_argument("new", type=Path)
    compare.add_argument("--show", type=int, default=50, help="texts to print in full (default 50)")
    args = parser.parse_args()
    if args.command == "snapshot":
        if not args.data.is_dir():
            print(f"no bench data at {args.data}: pass --data DIR", file=sys.stderr)
            return 2
        snap = snapshot(args.data, args.articles)
        args.out.write_text(json.dumps(snap, sort_keys=True), encoding="utf-8")
        print(f"{len(snap)} texts, {sum(len(f) for f in snap.values())} figures -> {args.out}")
        return 0
    old = json.loads(args.old.read_text(encoding="utf-8"))
    new = json.loads(args.new.read_text(encoding="utf-8"))
    return 1 if diff(old, new, args.show) else 0


if __name__ == "__main__":
    sys.exit(main())
