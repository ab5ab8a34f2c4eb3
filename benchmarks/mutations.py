"""Mutation benchmark: sentences copied from real articles, then one figure changed, or two swapped.

    .venv/bin/python benchmarks/mutations.py [--articles DIR] [--bench DIR] [--show N]

Each sentence of an article that has figures is checked twice over: as copied (nothing may be flagged)
and once per mutation of one of its figures (the changed figure must be flagged). The mutations are
made by code here, from the figures `find_figures` reads, so no rule can know them:

- value: the leading digit (or number word) changed; scale: million <-> billion, m <-> bn, k <-> m;
- currency: $ <-> £ and euro; year: two years later; qualifier: a bound turned round
  ("more than" <-> "less than", "up to" <-> "at least"); unit: a duration's or measure's unit changed
  to another of its dimension (hours -> days, km -> miles); count: a plain count (no scale, no
  qualifier) moved up by one;
- swap: two figures of one kind (and unit, scale, qualifier) with different values in one sentence
  exchange places;
  swap-across: two neighbouring sentences, each with a figure of one kind, exchange their values.

Articles are `../shared/articles` and, split in the figure bench's halves, the distinct `source`
texts of `../shared/data/figure-bench` (at most --per-article sentences from each). Printed: per
mutation class and per half, the share caught, and the share of unchanged copies flagged. No
network, no model; the texts are read from ../shared, never stored here.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from summarizer.figures import Figure
from summarizer.grounding import index_article, verify
from summarizer.grounding.index import ArticleIndex
from summarizer.grounding.report import FLAGGED_STATUSES
from summarizer.text import split_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"
_WORD_NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty"]
_SCALES = {"million": "billion", "billion": "million", "bn": "m", "m": "bn", "k": "m", "thousand": "million"}
_BOUNDS = {
    "more than": "less than",
    "over": "under",
    "at least": "at most",
    "up to": "at least",
    "less than": "more than",
    "fewer than": "more than",
    "under": "over",
    "almost": "more than",
    "nearly": "more than",
}
_COUNT_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_CURRENCIES = {"$": "£", "£": "€", "€": "$"}
_UNITS = {  # a unit word and one of the same dimension that means something else
    "seconds": "minutes",
    "minutes": "hours",
    "hours": "days",
    "days": "weeks",
    "weeks": "months",
    "months": "years",
    "years": "months",
    "decades": "years",
    "second": "minute",
    "minute": "hour",
    "hour": "day",
    "day": "week",
    "week": "month",
    "month": "year",
    "year": "month",
    "km": "miles",
    "kilometres": "miles",
    "kilometers": "miles",
    "miles": "km",
    "metres": "feet",
    "meters": "feet",
    "feet": "metres",
    "tonnes": "kilograms",
    "kg": "lb",
    "kilograms": "tonnes",
    "lb": "kg",
    "acres": "hectares",
    "hectares": "acres",
    "litres": "gallons",
    "gallons": "litres",
}
_JOINED_RE = re.compile(r"\s*(?:[-\u2013/:]|to|and|or|by)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Mutant:
    kind: str  # the mutation class, or "copy" for the unchanged sentence
    summary: str
    targets: tuple[tuple[int, int], ...]  # spans in `summary` that must be flagged (none for a copy)


def _replace(sentence: str, start: int, end: int, new: str) -> tuple[str, tuple[int, int]]:
    return sentence[:start] + new + sentence[end:], (start, start + len(new))


def _value(text: str, rng: random.Random) -> str | None:
    digits = re.search(r"[1-9]", text)
    if digits is not None:
        lead = int(digits.group())
        new = str((lead + rng.choice([2, 3, 4, 5, 6, 7])) % 9 + 1)
        return text[: digits.start()] + new + text[digits.end() :]
    for word in _WORD_NUMBERS:
        match = re.search(rf"\b{word}\b", text, re.IGNORECASE)
        if match is not None:
            other = rng.choice([w for w in _WORD_NUMBERS if w != word])
            return text[: match.start()] + other + text[match.end() :]
    return None


def _hour(text: str) -> str | None:
    """A time of day two hours on (or back, past the clock's last hour): "4:52pm" -> "6:52pm",
    "16:25" -> "18:25", "11pm" -> "9pm"; a lead digit changed would make no time ("86:30")."""
    found = re.search(r"\d{1,2}", text)
    if found is None:
        return None
    hour, last = int(found.group()), 12 if re.search(r"[ap]\.?\s?m", text, re.IGNORECASE) else 23
    new = hour + 2 if hour + 2 <= last else hour - 2
    width = len(found.group()) if found.group().startswith("0") else 1  # "09:30" keeps its zero
    return text[: found.start()] + f"{new:0{width}d}" + text[found.end() :]


def _scale(text: str) -> str | None:
    for old, new in _SCALES.items():
        match = re.search(rf"(?<=\d)\s?{old}\b|\b{old}\b", text)
        if match is not None and (len(old) > 2 or re.search(r"\d\s?" + old + r"\b", text)):
            return text[: match.start()] + match.group().replace(old, new) + text[match.end() :]
    return None


def _currency(text: str) -> str | None:
    for old, new in _CURRENCIES.items():
        if old in text:
            return text.replace(old, new, 1)
    return None


def _unit(text: str) -> str | None:
    for match in re.finditer(r"[a-z]+", text, re.IGNORECASE):
        new = _UNITS.get(match.group().lower())
        if new is not None:
            return text[: match.start()] + new + text[match.end() :]
    return None


def _count(text: str) -> str | None:
    """One more than the count, written as it was: "1,199" -> "1,200", "19" -> "20", "seven" -> "eight"."""
    number = re.search(r"\d[\d,]*", text)
    if number is not None:
        value = int(number.group().replace(",", "")) + 1
        new = f"{value:,}" if "," in number.group() else str(value)
        return text[: number.start()] + new + text[number.end() :]
    for position, word in enumerate(_COUNT_WORDS[:-1]):
        match = re.search(rf"\b{word}\b", text, re.IGNORECASE)
        if match is not None:
            return text[: match.start()] + _COUNT_WORDS[position + 1] + text[match.end() :]
    return None


def _qualifier(text: str) -> str | None:
    lowered = text.lower()
    for old, new in _BOUNDS.items():
        if lowered.startswith(old + " "):
            return new + text[len(old) :]
    return None


def mutants(sentence: str, figures: list[Figure], rng: random.Random) -> Iterator[Mutant]:
    """The copy, then one mutant per class and figure (where the class applies), then the swaps."""
    yield Mutant("copy", sentence, ())
    for figure in figures:
        if figure.value is None or figure.vague or figure.kind in {"ordinal", "name"}:
            continue
        changes = {
            "value": _hour(figure.text)
            if figure.kind == "time"
            else _value(figure.text, rng)
            if figure.kind not in {"year", "date"}
            else None,
            "scale": _scale(figure.text) if figure.scale else None,
            "currency": _currency(figure.text) if figure.kind == "money" else None,
            "year": str(int(figure.value) + 2) if figure.kind == "year" else None,
            "qualifier": _qualifier(figure.text) if figure.qualifier else None,
            "unit": _unit(figure.text) if figure.kind in {"duration", "measure"} else None,
            "count": _count(figure.text)
            if figure.kind == "count" and not figure.scale and not figure.qualifier
            else None,
        }
        for kind, new in changes.items():
            if new is not None and new != figure.text:
                summary, span = _replace(sentence, figure.start, figure.end, new)
                yield Mutant(kind, summary, (span,))
    for first, second in itertools.pairwise(figures):
        if not (_swappable(first) and _swappable(second) and _alike(first, second)) or first.value == second.value:
            continue  # "$19 million" and "227 pounds" exchanged is a change of kind, not a swap
        middle = sentence[first.end : second.start]
        if _JOINED_RE.fullmatch(middle):
            continue  # a score or a range ("2-1", "from 2003 to 2005"): read the other way, it is no swap
        summary = sentence[: first.start] + second.text + middle + first.text + sentence[second.end :]
        a = (first.start, first.start + len(second.text))
        b = (a[1] + len(middle), a[1] + len(middle) + len(first.text))
        yield Mutant("swap", summary, (a, b))


def _swappable(figure: Figure) -> bool:
    return figure.value is not None and not figure.vague and figure.kind not in {"ordinal", "name"}


def _alike(a: Figure, b: Figure) -> bool:
    return (a.kind, a.unit, a.scale, a.qualifier) == (b.kind, b.unit, b.scale, b.qualifier)


def swaps_across(first: tuple[str, list[Figure]], second: tuple[str, list[Figure]]) -> Iterator[Mutant]:
    """Two neighbouring sentences, each giving a figure of one kind, with the two values exchanged:
    the summary says each sentence's figure of the other (one mutant per pair of sentences)."""
    (text_a, figures_a), (text_b, figures_b) = first, second
    for a in filter(_swappable, figures_a):
        b = next((b for b in figures_b if _swappable(b) and _alike(a, b) and b.value != a.value), None)
        if b is None:
            continue
        new_a = text_a[: a.start] + b.text + text_a[a.end :]
        offset = len(new_a) + 1
        summary = new_a + " " + text_b[: b.start] + a.text + text_b[b.end :]
        yield Mutant(
            "swap-across",
            summary,
            ((a.start, a.start + len(b.text)), (offset + b.start, offset + b.start + len(a.text))),
        )
        return


def marked(mutant: Mutant) -> str:
    """The mutant's summary with its changed figures in [brackets]."""
    text = mutant.summary
    for start, end in sorted(mutant.targets, reverse=True):
        text = text[:start] + "[" + text[start:end] + "]" + text[end:]
    return text


def flagged(index: ArticleIndex, mutant: Mutant) -> bool:
    """Whether the check flags a target span (for a copy: whether it flags anything)."""
    report = verify(index, mutant.summary)
    spans = []
    cursor = 0
    for check in report.figures:
        start = mutant.summary.find(check.text, cursor)
        cursor = max(cursor, start + len(check.text))
        if check.status in FLAGGED_STATUSES:
            spans.append((start, start + len(check.text)))
    if not mutant.targets:
        return bool(spans)
    return any(s < te and ts < e for s, e in spans for ts, te in mutant.targets)


def articles(args: argparse.Namespace) -> Iterator[tuple[str, str]]:
    """(half, article text): the shared articles as their own group, bench sources by half."""
    for path in sorted(Path(args.articles).glob("*.txt")):
        yield "articles", path.read_text(encoding="utf-8")
    seen: set[str] = set()
    for path in sorted(Path(args.bench).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            source = json.loads(line)["source"]
            if source in seen or len(source) < 400:
                continue
            seen.add(source)
            digit = int(hashlib.sha256(("figure-bench-half:" + source).encode()).hexdigest()[0], 16)
            yield ("A" if digit % 2 == 0 else "B"), source


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default=str(SHARED / "articles"))
    parser.add_argument("--bench", default=str(SHARED / "data" / "figure-bench"))
    parser.add_argument("--per-article", type=int, default=4, help="sentences with figures taken per bench article")
    parser.add_argument("--show", type=int, default=0, help="print up to N misses per class")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--kind", default="", help="show misses of this class only")
    parser.add_argument("--half", default="", help="show misses from this half only (articles, A or B)")
    args = parser.parse_args()
    if not Path(args.articles).is_dir():
        print(f"no articles at {args.articles}: nothing to measure", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    totals: Counter[tuple[str, str]] = Counter()
    hits: Counter[tuple[str, str]] = Counter()
    shown: Counter[str] = Counter()
    for half, text in articles(args):
        index = index_article(text)
        taken = 0
        previous: tuple[str, list[Figure]] | None = None  # the sentence just before, if it was taken
        for sentence in split_sentences(index.text):
            if half != "articles" and taken >= args.per_article:
                break
            figures = [f for f in index.figures if sentence.start <= f.start and f.end <= sentence.end]
            if not figures or not 40 <= len(sentence.text) <= 400:
                previous = None
                continue
            taken += 1
            local = [
                Figure(**{**vars_of(f), "start": f.start - sentence.start, "end": f.end - sentence.start})
                for f in figures
            ]
            pair = [*swaps_across(previous, (sentence.text, local))] if previous else []
            dateline = index.dated and figures[0] is index.figures[0]
            previous = None if dateline else (sentence.text, local)  # the dateline dates no event
            for mutant in [*mutants(sentence.text, local, rng), *pair]:
                hit = flagged(index, mutant)
                totals[half, mutant.kind] += 1
                hits[half, mutant.kind] += hit
                wrong = hit if mutant.kind == "copy" else not hit
                wanted = (not args.kind or args.kind == mutant.kind) and (not args.half or args.half == half)
                if wrong and wanted and shown[mutant.kind] < args.show:
                    shown[mutant.kind] += 1
                    print(f"  [{'false alarm' if mutant.kind == 'copy' else 'missed'} {mutant.kind}] {marked(mutant)}")
    kinds = ["value", "scale", "currency", "year", "qualifier", "unit", "count", "swap", "swap-across", "copy"]
    halves = ["articles", "A", "B"]
    print("| mutation class | " + " | ".join(f"{h} caught" for h in halves) + " |")
    print("|---|" + "---|" * len(halves))
    for kind in kinds:
        cells = []
        for half in halves:
            n, k = totals[half, kind], hits[half, kind]
            cells.append(f"{100 * k / n:5.1f}% {k:>4}/{n:<4}" if n else "-")
        label = "copies flagged (false alarms)" if kind == "copy" else kind
        print(f"| {label} | " + " | ".join(cells) + " |")
    return 0


def vars_of(figure: Figure) -> dict[str, object]:
    return {name: getattr(figure, name) for name in figure.__dataclass_fields__}


if __name__ == "__main__":
    sys.exit(main())
