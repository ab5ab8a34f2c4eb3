"""The mutation sweep: break the good recordings one figure at a time and count what the eval flags.

From each case's `mock` answer (the final answer of its recording), every key figure a kind of
mutation applies to is changed, once per mutated output, everywhere the answer writes it (summary,
key points, key figure, claims) -- never inside a quote, which a model copies. Each mutated output is
checked (`verify`) and scored like a run; it is *flagged* when the eval finds something it did not
find in the unmutated answer.

Kinds: value (a digit changed), scale (million <-> billion), unit (currency, % <-> percentage points),
qualifier ("more than" added or dropped), year (one year earlier), swap (two figures of a kind trade
places), drop (a key figure left out).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from summarizer.figures import find_figures
from summarizer.grounding import verify
from summarizer.schemas import ArticleSummary

from .authoring import replace_figures
from .cases import Case
from .recordings import builtin_recordings, load_recordings
from .scoring import score

__all__ = ["KINDS", "KindResult", "render_sweep", "sweep"]

KINDS: Final = ("value", "scale", "unit", "qualifier", "year", "swap", "drop")
_SCALES: Final = (
    ("billion", "million"),
    ("million", "billion"),
    ("thousand", "million"),
    ("trillion", "billion"),
    ("bn", "m"),
    ("m", "bn"),
    ("k", "m"),
)
_CURRENCIES: Final = (("US$", "£"), ("$", "£"), ("£", "$"), ("€", "£"), ("¥", "$"))
_QUALIFIER: Final = re.compile(
    r"^(more than|over|at least|almost|nearly|about|around|roughly|some|up to|as much as|as many as|"
    r"less than|fewer than|under|just over|just under|an estimated|a record)\s+",
    re.IGNORECASE,
)
_YEAR: Final = re.compile(r"\b(19|20)(\d\d)\b")
_DIGIT: Final = re.compile(r"[1-9]")
_CHECK_KINDS: Final = frozenset({"unsupported", "misattributed", "claim"})


@dataclass
class KindResult:
    """How one kind of mutation fared: applied, flagged, and the ones that got through."""

    kind: str
    applied: int = 0
    flagged: int = 0
    # Flagged by the figure check's own verdicts (a figure unsupported or misattributed, a claim whose
    # figures disagree with its evidence), without the gold figures: what a user of `verify` would see.
    by_check: int = 0
    missed: list[str] = field(default_factory=list)
    missed_by_check: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        return self.flagged / self.applied if self.applied else None


def sweep(cases: Sequence[Case]) -> list[KindResult]:
    """Every kind over every case that has a good recording."""
    recordings = load_recordings(builtin_recordings("mock"))
    results = {kind: KindResult(kind) for kind in KINDS}
    for case in cases:
        recording = recordings.get(case.id)
        if recording is None or case.text is None:
            continue
        answer = json.loads(recording.answers[-1].content)
        before = _findings(case, answer)
        for kind, label, mutated in _mutations(answer):
            result = results[kind]
            result.applied += 1
            new = _findings(case, mutated) - before
            if new:
                result.flagged += 1
            else:
                result.missed.append(f"{case.id}: {label}")
            if any(finding.split(":")[0] in _CHECK_KINDS for finding in new):
                result.by_check += 1
            else:
                result.missed_by_check.append(f"{case.id}: {label}")
    return list(results.values())


def render_sweep(results: Sequence[KindResult], *, examples: int = 3) -> str:
    lines = ["Mutation sweep over the mock recordings (flagged = the eval reports a finding it did not before)", ""]
    lines.append(f"{'kind':<10} {'applied':>7} {'flagged':>7} {'rate':>7}  {'check alone':>11} {'rate':>7}")
    for r in results:
        mark = "" if r.rate is None or r.rate >= 0.95 else "  BELOW 95%"
        lines.append(
            f"{r.kind:<10} {r.applied:>7} {r.flagged:>7} {_pct(r.flagged, r.applied):>7}  "
            f"{r.by_check:>11} {_pct(r.by_check, r.applied):>7}{mark}"
        )
    applied = sum(r.applied for r in results)
    flagged = sum(r.flagged for r in results)
    by_check = sum(r.by_check for r in results)
    totals = f"{_pct(flagged, applied):>7}  {by_check:>11} {_pct(by_check, applied):>7}"
    lines.append(f"{'all':<10} {applied:>7} {flagged:>7} {totals}")
    lines.append("")
    lines.append("flagged: any new finding (gold figures included); check alone: the figure check's verdicts only")
    lines.append("(an unsupported or misattributed figure, a claim whose figures disagree with its quote).")
    for r in results:
        for label, missed in (("by the eval", r.missed), ("by the check alone", r.missed_by_check)):
            if missed:
                lines.append("")
                lines.append(f"{r.kind}: {len(missed)} not flagged {label}, e.g.:")
                lines.extend(f"  {m}" for m in missed[:examples])
    return "\n".join(lines)


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def _findings(case: Case, answer: dict[str, Any]) -> frozenset[str]:
    summary = ArticleSummary.model_validate(answer)
    _, _, findings = score(case, summary, verify(case.text or "", summary))
    return frozenset(f.line() for f in findings)


def _mutations(answer: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    figures = [kf["figure"] for kf in answer["key_figures"]]
    for kind, change in _SINGLE.items():
        for text in figures:
            new = change(text)
            if new is not None and new != text:
                yield kind, f"{text!r} -> {new!r}", replace_figures(answer, {text: new})
    for i, a in enumerate(figures):
        for b in figures[i + 1 :]:
            if _swappable(a, b):
                yield "swap", f"{a!r} <-> {b!r}", replace_figures(answer, {a: b, b: a})
    for i, text in enumerate(figures):
        dropped = json.loads(json.dumps(answer))
        del dropped["key_figures"][i]
        yield "drop", f"{text!r} left out", dropped


def _value(text: str) -> str | None:
    if _YEAR.fullmatch(text.strip()) or not _DIGIT.search(text):
        return None
    last = list(_DIGIT.finditer(text))[-1]
    digit = (int(last.group()) + 3) % 10 or 4
    return text[: last.start()] + str(digit) + text[last.end() :]


def _scale(text: str) -> str | None:
    for old, new in _SCALES:
        match = re.search(rf"(?<=[\d\s]){re.escape(old)}\b", text)
        if match:
            return text[: match.start()] + new + text[match.end() :]
    return None


def _unit(text: str) -> str | None:
    if "percentage point" in text:
        return text.replace(" percentage points", "%").replace(" percentage point", "%")
    if text.endswith("%"):
        return text[:-1] + " percentage points"
    for old, new in _CURRENCIES:
        if old in text:
            return text.replace(old, new, 1)
    for word, other in (("euros", "pounds"), ("pounds", "dollars"), ("dollars", "euros")):
        if word in text:
            return text.replace(word, other)
    return None


def _qualifier(text: str) -> str | None:
    figures = find_figures(text)
    if not figures or figures[0].kind in {"date", "year"}:
        return None  # a date has no qualifier to add or drop
    match = _QUALIFIER.match(text)
    return text[match.end() :] if match else f"more than {text}"


def _year(text: str) -> str | None:
    match = _YEAR.search(text)
    if match is None:
        return None
    return text[: match.start()] + str(int(match.group()) - 1) + text[match.end() :]


def _swappable(a: str, b: str) -> bool:
    fa, fb = find_figures(a), find_figures(b)
    if not fa or not fb:
        return False
    x, y = fa[0], fb[0]
    return x.kind == y.kind and x.unit == y.unit and x.value != y.value and ("point" in a) == ("point" in b)


_SINGLE: Final[dict[str, Callable[[str], str | None]]] = {
    "value": _value,
    "scale": _scale,
    "unit": _unit,
    "qualifier": _qualifier,
    "year": _year,
}
