"""Benchmark the figure check on the figure-bench datasets, beside a digit-matching baseline.

Reads ../shared/data/figure-bench/*.dev.jsonl at run time (third-party text: never copied here)
and prints, per dataset, recall on unsupported_figure rows, false alarms on supported rows and the
flag rate on other_error rows; NumHG split by derivation type; and the speed of verify_pairs.

    .venv/bin/python benchmarks/figure_bench.py [--data DIR] [--show-misses N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.pairs import verify_pairs

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "figure-bench"
FLAGGED = {"unsupported", "misattributed"}
WHOLE_SPAN_NOTE = "majority relies on whole-summary spans"
EXACT_NUMHG_TYPES = {"Copy", "Trans", "Paraphrase", "Round", "SRound"}
_DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*")


def load(path: Path) -> list[dict[str, Any]]:
    """The rows of one dataset file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def digit_baseline_flags(row: dict[str, Any]) -> list[tuple[int, int]]:
    """Spans of summary digit strings that do not occur in the article (the naive check)."""
    source = row["source"]
    return [(m.start(), m.end()) for m in _DIGIT_RUN.finditer(row["summary"]) if m.group(0) not in source]


def our_flags(row: dict[str, Any], verdict: dict[str, Any]) -> tuple[list[tuple[int, int]], bool]:
    """Spans of figures our check flags, and whether any figure was derived."""
    summary = row["summary"]
    spans = []
    cursor = 0
    derived = False
    for figure in verdict["figures"]:
        start = summary.find(figure["text"], cursor)
        if start < 0:
            start = summary.find(figure["text"])
        end = start + len(figure["text"])
        cursor = max(cursor, end)
        if figure["status"] in FLAGGED:
            spans.append((start, end))
        derived = derived or figure["status"] == "derived"
    return spans, derived


def label_spans(row: dict[str, Any]) -> list[tuple[int, int]]:
    """Character spans of the labelled wrong figures in the summary.

    A label is a substring without a position, so every occurrence of it counts: in "a world war two
    veteran ... a world war two veteran's war two aircraft" the label "two" may be any of the three.
    """
    summary = row["summary"]
    return [
        (match.start(), match.end())
        for text in row["figure_spans"]
        # whole figures only: the label "2" is not the 2 of "2024" or "12"
        for match in re.finditer(rf"(?<![\w.,]){re.escape(text)}(?!\w|[.,]\d)", summary)
    ]


def caught(flags: list[tuple[int, int]], labels: list[tuple[int, int]]) -> bool:
    return any(fs < le and ls < fe for fs, fe in flags for ls, le in labels)


@dataclass
class Tally:
    """Counts for one group of rows, for our check and the baseline side by side."""

    rows: int = 0
    ours: int = 0
    base: int = 0
    ours_loose: int = 0
    base_loose: int = 0
    derived: int = 0
    misses: list[str] = field(default_factory=list)

    def rate(self, count: int) -> str:
        return f"{100 * count / self.rows:5.1f}%" if self.rows else "    -"


def numhg_type(note: str) -> str:
    match = re.search(r"type=(\w+)", note)
    return match.group(1) if match else "?"


def evaluate(rows: list[dict[str, Any]]) -> dict[str, Tally]:
    """Tallies by label (and NumHG derivation type, and whole-span rows) for one dataset."""
    verdicts = [json.loads(line) for line in verify_pairs(json.dumps(row) for row in rows)]
    tallies: dict[str, Tally] = defaultdict(Tally)
    for row, verdict in zip(rows, verdicts, strict=True):
        ours, derived = our_flags(row, verdict)
        base = digit_baseline_flags(row)
        keys = [row["label"]]
        if row["dataset"] == "numhg":
            keys.append("numhg:" + numhg_type(row["note"]))
            keys.append("numhg:exact" if numhg_type(row["note"]) in EXACT_NUMHG_TYPES else "numhg:arith")
        if row["label"] == "supported" and not (
            row["dataset"] == "numhg" and numhg_type(row["note"]) not in EXACT_NUMHG_TYPES
        ):
            keys.append("supported:without_numhg_arithmetic")
        if row["label"] == "unsupported_figure" and WHOLE_SPAN_NOTE not in row["note"]:
            keys.append("unsupported_figure:without_whole_span")
        for key in keys:
            tally = tallies[key]
            tally.rows += 1
            tally.derived += derived
            if row["label"] == "unsupported_figure":
                labels = label_spans(row)
                tally.ours += caught(ours, labels)
                tally.base += caught(base, labels)
                tally.ours_loose += bool(ours)
                tally.base_loose += bool(base)
                if not caught(ours, labels):
                    tally.misses.append(f"{row['id']}: {row['figure_spans']} | {row['summary'][:160]}")
            else:
                tally.ours += bool(ours)
                tally.base += bool(base)
                if ours:
                    flagged = [f["text"] for f in verdict["figures"] if f["status"] in FLAGGED]
                    tally.misses.append(f"{row['id']}: {flagged} | {row['summary'][:160]}")
    return tallies


def print_table(name: str, tallies: dict[str, Tally]) -> None:
    measures = {
        "unsupported_figure": "recall (figure caught / row flagged)",
        "unsupported_figure:without_whole_span": "recall without whole-summary-span rows",
        "supported": "false alarms",
        "supported:without_numhg_arithmetic": "false alarms without NumHG arithmetic rows",
        "other_error": "flag rate",
    }
    for key, measure in measures.items():
        tally = tallies.get(key)
        if tally is None or (key.endswith("arithmetic") and name not in {"numhg", "all"}):
            continue
        if key.startswith("unsupported"):
            ours = f"{tally.rate(tally.ours)} / {tally.rate(tally.ours_loose)}"
            base = f"{tally.rate(tally.base)} / {tally.rate(tally.base_loose)}"
        else:
            ours, base = tally.rate(tally.ours), tally.rate(tally.base)
        extra = f"  derived rows: {tally.derived}" if key == "supported" else ""
        print(f"| {name:<15} | {measure:<40} | {tally.rows:>5} | {ours:>15} | {base:>15} |{extra}")


def print_numhg(tallies: dict[str, Tally]) -> None:
    print("\nNumHG (all rows supported) by derivation type: false alarms, ours vs digit matching")
    print(f"| {'type':<30} | {'rows':>5} | {'ours':>6} | {'digits':>6} | {'derived':>7} |")
    print(f"|{'-' * 32}|{'-' * 7}|{'-' * 8}|{'-' * 8}|{'-' * 9}|")
    for key in sorted(k for k in tallies if k.startswith("numhg:")):
        tally = tallies[key]
        label = {
            "numhg:exact": "Copy+Trans+Paraphrase+(S)Round",
            "numhg:arith": "Add+Subtract+Multiply+Divide",
        }.get(key, key.removeprefix("numhg:"))
        print(
            f"| {label:<30} | {tally.rows:>5} | {tally.rate(tally.ours)} | {tally.rate(tally.base)} "
            f"| {tally.derived:>7} |"
        )


def time_pairs(rows: list[dict[str, Any]], count: int = 2000) -> None:
    """Time verify_pairs over `count` pairs (rows repeated), on one core."""
    lines = [json.dumps(rows[i % len(rows)]) for i in range(count)]
    started = time.perf_counter()
    produced = sum(1 for _ in verify_pairs(lines))
    elapsed = time.perf_counter() - started
    print(f"\nverify_pairs: {produced} pairs in {elapsed:.2f} s ({produced / elapsed:,.0f} pairs/s, one core)")


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show-misses", type=int, default=0, help="print up to N misses per group")
    args = parser.parse_args(list(argv) if argv is not None else None)
    files = sorted(args.data.glob("*.dev.jsonl"))
    if not files:
        print(f"no figure-bench data in {args.data}; nothing to do")
        return 0
    print(f"| {'dataset':<15} | {'measure':<40} | {'rows':>5} | {'ours':>15} | {'digit matching':>15} |")
    print(f"|{'-' * 17}|{'-' * 42}|{'-' * 7}|{'-' * 17}|{'-' * 17}|")
    all_rows: list[dict[str, Any]] = []
    overall: dict[str, Tally] = defaultdict(Tally)
    numhg: dict[str, Tally] = {}
    for path in files:
        rows = load(path)
        all_rows.extend(rows)
        tallies = evaluate(rows)
        name = path.name.removesuffix(".dev.jsonl")
        print_table(name, tallies)
        for key, tally in tallies.items():
            if ":" in key and not key.startswith(("unsupported", "supported")):
                continue
            total = overall[key]
            for attr in ("rows", "ours", "base", "ours_loose", "base_loose", "derived"):
                setattr(total, attr, getattr(total, attr) + getattr(tally, attr))
        if name == "numhg":
            numhg = tallies
        if args.show_misses:
            for key, tally in tallies.items():
                if ":" in key:
                    continue
                for miss in tally.misses[: args.show_misses]:
                    print(f"    [{key}] {miss}")
    print_table("all", overall)
    if numhg:
        print_numhg(numhg)
    time_pairs(all_rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
