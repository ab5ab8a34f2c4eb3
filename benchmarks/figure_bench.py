"""Benchmark the figure check on figure-bench, split in two halves by article, beside digit matching.

Reads ../shared/data/figure-bench/*.dev.jsonl at run time (third-party text: never copied here).
The rows are split by article (sha256 of the article text: first hex digit even -> half A, odd -> B),
so a rule tuned on one half can be judged on the other. For each half it prints the figures the
issue sets targets for, beside a digit-matching baseline; then, per rule of the check, what turning
that rule off changes on each half (the ablation table); then the speed of verify_pairs.

    .venv/bin/python benchmarks/figure_bench.py [--data DIR] [--show-misses N] [--half A|B] [--no-ablation]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.grounding.rules import RULES, rules_disabled
from summarizer.pairs import verify_pairs

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "figure-bench"
FLAGGED = {"unsupported", "misattributed"}
EXACT_NUMHG_TYPES = {"Copy", "Trans", "Paraphrase", "Round", "SRound"}
_DIGIT_RUN = re.compile(r"\d+(?:[.,]\d+)*")


def load(path: Path) -> list[dict[str, Any]]:
    """The rows of one dataset file."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def half_of(row: dict[str, Any]) -> str:
    """ "A" or "B": the half of the dev data a row's article falls in."""
    digest = hashlib.sha256(b"figure-bench-half:" + row["source"].encode()).hexdigest()
    return "A" if int(digest[0], 16) % 2 == 0 else "B"


def numhg_type(note: str) -> str:
    match = re.search(r"type=(\w+)", note)
    return match.group(1) if match else "?"


def digit_flags(row: dict[str, Any]) -> list[tuple[int, int]]:
    """Spans of summary digit strings that do not occur in the article (the naive check)."""
    return [(m.start(), m.end()) for m in _DIGIT_RUN.finditer(row["summary"]) if m.group(0) not in row["source"]]


def our_flags(row: dict[str, Any], verdict: dict[str, Any]) -> list[tuple[int, int]]:
    """Spans of the summary figures our check flags."""
    summary = row["summary"]
    spans = []
    cursor = 0
    for figure in verdict["figures"]:
        start = summary.find(figure["text"], cursor)
        if start < 0:
            start = summary.find(figure["text"])
        end = start + len(figure["text"])
        cursor = max(cursor, end)
        if figure["status"] in FLAGGED:
            spans.append((start, end))
    return spans


def label_spans(row: dict[str, Any]) -> list[tuple[int, int]]:
    """Character spans of the labelled wrong figures; a label has no position, so any whole occurrence counts."""
    return [
        (match.start(), match.end())
        for text in row["figure_spans"]
        for match in re.finditer(rf"(?<![\w.,]){re.escape(text)}(?!\w|[.,]\d)", row["summary"])
    ]


def caught(flags: list[tuple[int, int]], labels: list[tuple[int, int]]) -> bool:
    return any(fs < le and ls < fe for fs, fe in flags for ls, le in labels)


@dataclass(frozen=True)
class Measure:
    """One figure the issue sets a target for: which rows it counts, and what a hit is."""

    name: str
    target: str
    rows: Callable[[dict[str, Any]], bool]
    recall: bool  # True: share of rows caught; False: share of rows flagged (false alarms)


MEASURES = (
    Measure(
        "number edits caught (SummEdits)",
        ">= 92%",
        lambda r: r["dataset"] == "summedits_news" and r["label"] == "unsupported_figure",
        True,
    ),
    Measure(
        "numeric hallucinations caught (XSumFaith)",
        ">= 92%",
        lambda r: r["dataset"] == "xsumfaith" and r["label"] == "unsupported_figure",
        True,
    ),
    Measure("all unsupported figures caught", "", lambda r: r["label"] == "unsupported_figure", True),
    Measure("supported rows flagged (all)", "<= 3%", lambda r: r["label"] == "supported", False),
    Measure(
        "supported rows flagged, no NumHG arithmetic",
        "",
        lambda r: (
            r["label"] == "supported"
            and not (r["dataset"] == "numhg" and numhg_type(r["note"]) not in EXACT_NUMHG_TYPES)
        ),
        False,
    ),
    Measure(
        "NumHG copy/trans/paraphrase/round flagged",
        "<= 1.5%",
        lambda r: r["dataset"] == "numhg" and numhg_type(r["note"]) in EXACT_NUMHG_TYPES,
        False,
    ),
    Measure(
        "NumHG copy flagged",
        "0",
        lambda r: r["dataset"] == "numhg" and numhg_type(r["note"]) == "Copy",
        False,
    ),
    Measure("other-error rows flagged", "", lambda r: r["label"] == "other_error", False),
)


def hits(rows: list[dict[str, Any]], flags: list[list[tuple[int, int]]]) -> list[bool]:
    """Per row: caught (unsupported_figure rows) or flagged (other rows)."""
    return [
        caught(spans, label_spans(row)) if row["label"] == "unsupported_figure" else bool(spans)
        for row, spans in zip(rows, flags, strict=True)
    ]


def our_hits(rows: list[dict[str, Any]]) -> list[bool]:
    verdicts = [json.loads(line) for line in verify_pairs(json.dumps(row) for row in rows)]
    return hits(rows, [our_flags(row, verdict) for row, verdict in zip(rows, verdicts, strict=True)])


def rate(rows: list[dict[str, Any]], results: list[bool], measure: Measure, half: str) -> tuple[int, int]:
    """Rows hit and rows counted by `measure` in one half (rows carry their half in "_half")."""
    chosen = [hit for row, hit in zip(rows, results, strict=True) if row["_half"] == half and measure.rows(row)]
    return sum(chosen), len(chosen)


def pct(hit: int, total: int) -> str:
    return f"{100 * hit / total:5.1f}%" if total else "    -"


def print_halves(rows: list[dict[str, Any]], ours: list[bool], digits: list[bool], halves: list[str]) -> None:
    print(f"| {'measure':<44} | {'target':>7} |" + "".join(f" half {h} ours     | digits |" for h in halves))
    print(f"|{'-' * 46}|{'-' * 9}|" + "".join(f"{'-' * 19}|{'-' * 8}|" for _ in halves))
    for measure in MEASURES:
        cells = []
        for half in halves:
            hit, total = rate(rows, ours, measure, half)
            base, _ = rate(rows, digits, measure, half)
            cells.append(f" {pct(hit, total)} {hit:>4}/{total:<4} | {pct(base, total)} |")
        print(f"| {measure.name:<44} | {measure.target:>7} |" + "".join(cells))


def print_ablation(rows: list[dict[str, Any]], ours: list[bool], halves: list[str]) -> None:
    """What turning each rule off changes: + more caught / more false alarms, in rows, per half."""
    shown = [
        m
        for m in MEASURES
        if m.name.startswith(("number", "numeric", "all unsupp", "supported rows flagged (", "NumHG copy/"))
    ]
    print("\nAblation: the change in rows when one rule is turned off (A / B); recall rows: - means the rule catches")
    print("errors; false-alarm rows: + means the rule prevents false alarms. A rule earns its place on the half it")
    print("was not written for.")
    print(f"| {'rule':<26} |" + "".join(f" {m.name[:22]:<22} |" for m in shown))
    print(f"|{'-' * 28}|" + "".join(f"{'-' * 24}|" for _ in shown))
    for rule in RULES:
        with rules_disabled(rule.name):
            without = our_hits(rows)
        cells = []
        for measure in shown:
            deltas = []
            for half in halves:
                before, _ = rate(rows, ours, measure, half)
                after, _ = rate(rows, without, measure, half)
                deltas.append(f"{after - before:+d}")
            cells.append(f" {' / '.join(deltas):<22} |")
        print(f"| {rule.name:<26} |" + "".join(cells))


def print_misses(rows: list[dict[str, Any]], ours: list[bool], count: int) -> None:
    """Up to `count` missed errors and `count` false alarms, with their half."""
    for label, wanted, bad in (("missed", "unsupported_figure", False), ("false alarm", "supported", True)):
        chosen = [row for row, hit in zip(rows, ours, strict=True) if row["label"] == wanted and hit == bad]
        for row in chosen[:count]:
            print(f"  [{label} {row['_half']}] {row['id']}: {row['figure_spans']} | {row['summary'][:160]}")


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
    parser.add_argument("--show-misses", type=int, default=0, help="print up to N misses and false alarms")
    parser.add_argument("--half", choices=["A", "B"], help="only this half")
    parser.add_argument("--no-ablation", action="store_true", help="skip the per-rule ablation table")
    args = parser.parse_args(list(argv) if argv is not None else None)
    files = sorted(args.data.glob("*.dev.jsonl"))
    if not files:
        print(f"no figure-bench data in {args.data}; nothing to do")
        return 0
    rows = [row for path in files for row in load(path)]
    halves = [args.half] if args.half else ["A", "B"]
    for row in rows:
        row["_half"] = half_of(row)
    rows = [row for row in rows if row["_half"] in halves]
    ours = our_hits(rows)
    digits = hits(rows, [digit_flags(row) for row in rows])
    print_halves(rows, ours, digits, halves)
    if args.show_misses:
        print_misses(rows, ours, args.show_misses)
    if not args.no_ablation:
        print_ablation(rows, ours, halves)
    time_pairs(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
