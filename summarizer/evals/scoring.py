"""Score one summary against its case: what came through right, and a finding for everything that did not.

Built on the library's own figure reader (`find_figures`) and the public grounding report
(`FigureCheck.status`, `ClaimCheck`); nothing here calls a model.

- schema validity: the pipeline produced a validated `ArticleSummary` (an answer that never
  validated, truncated JSON for one, is a finding).
- key-figure recall: each gold figure is among the key figures with the same value, unit, scale and
  qualifier's bound, *bound to the right thing*: its `measures` shares more words with the gold's
  than any other key figure does. A wrong value there is named: expected, found, and what went wrong
  (value, scale, unit, qualifier, year, or given to something else).
- figure precision: of the summary's figures, the share the check finds `supported` or `rounded`;
  `derived` figures (arithmetic on the article's) are counted apart and left out of the share.
- claim support: of the quotes (claims' evidence, key figures' sentences), the share found in the
  article with consistent figures. Must-have claims: the gold claims some sentence of the summary makes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Final

from pydantic import BaseModel, ConfigDict

from summarizer.figures import Figure, find_figures
from summarizer.grounding import FigureCheck, GroundingReport
from summarizer.schemas import ArticleSummary, KeyFigure
from summarizer.text import split_sentences

from .cases import Case, GoldClaim, GoldFigure, parse_figure

__all__ = ["FigureView", "Finding", "binding_score", "same_figure", "score", "view"]

_GOOD: Final = frozenset({"supported", "rounded"})
_FLAGGED: Final = frozenset({"unsupported", "misattributed"})
_BOUNDS: Final = {
    "more_than": "lower",
    "at_least": "lower",
    "less_than": "upper",
    "up_to": "upper",
    "nearly": "upper",
    "about": "approx",
}
_SHARE_KINDS: Final = frozenset({"percent", "fraction"})
_WORD = re.compile(r"[a-z0-9]+")
_POINTS = re.compile(r"\bpoints?\b|\bpp\b", re.IGNORECASE)
_STOP: Final = frozenset(
    "a an the of in on at to for by from with and or as its it is was were be been this that these those "  # noqa: SIM905
    "than over under per into out up down about more less after before during since until there their "
    "his her our your".split()
)


class Finding(BaseModel):
    """One thing the eval found wrong: what kind, which figure (or claim), what was expected and found."""

    model_config = ConfigDict(frozen=True)

    kind: str
    figure: str
    expected: str
    found: str

    def line(self) -> str:
        return f"{self.kind}: {self.figure}: expected {self.expected}, found {self.found}"


class FigureView(BaseModel):
    """A figure of the summary as the check saw it (from the public GroundingReport)."""

    model_config = ConfigDict(frozen=True)

    text: str
    status: str
    note: str | None
    article_span: tuple[int, int] | None
    article_text: str | None


def score(
    case: Case, summary: ArticleSummary, grounding: GroundingReport
) -> tuple[dict[str, float | None], int, list[Finding]]:
    """The content scores of one summary (recall, precision, claim support, must-have), derived count, findings."""
    findings: list[Finding] = []
    in_article = {check.text for check in grounding.figures if check.status in {"supported", "misattributed"}}
    recall = _recall(case.figures, summary.key_figures, findings, in_article)
    statuses = [check.status for check in grounding.figures]
    derived = statuses.count("derived")
    good = sum(status in _GOOD for status in statuses)
    for check in grounding.figures:
        if check.status in _FLAGGED:
            findings.append(_flagged(check))
    supported_claims = 0
    for claim in grounding.claims:
        if claim.evidence_found and claim.figures_consistent:
            supported_claims += 1
        else:
            found = "; ".join(claim.problems) or "evidence not found in the article"
            findings.append(
                Finding(kind="claim", figure=_clip(claim.statement), expected="evidence in the article", found=found)
            )
    must = _must_have(case.must_have, summary, findings)
    scores = {
        "key_figure_recall": recall,
        "figure_precision": _share(good, len(statuses) - derived),
        "claim_support": _share(supported_claims, len(grounding.claims)),
        "must_have": must,
    }
    return scores, derived, findings


def view(check: FigureCheck) -> FigureView:
    """The parts of a figure check a report keeps."""
    return FigureView(
        text=check.text,
        status=check.status,
        note=check.note,
        article_span=check.article_span,
        article_text=check.article_text,
    )


def same_figure(a: Figure, b: Figure) -> bool:
    """Whether two figures say the same thing: value, unit, kind and the qualifier's bound."""
    if a.value is None or b.value is None:
        return a.value is None and b.value is None and a.text.lower() == b.text.lower()
    same_kind = a.kind == b.kind or {a.kind, b.kind} <= _SHARE_KINDS
    return (
        same_kind
        and a.unit == b.unit
        # A change of 2 percentage points is not a rate of 2%, though both read as percent.
        and bool(_POINTS.search(a.text)) == bool(_POINTS.search(b.text))
        and math.isclose(a.value, b.value, rel_tol=1e-9)
        and _BOUNDS.get(a.qualifier or "", "exact") == _BOUNDS.get(b.qualifier or "", "exact")
    )


def binding_score(gold: str, measures: str) -> float:
    """How well a key figure's `measures` names what the gold figure measures: shared content words."""
    a, b = _stems(gold), _stems(measures)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _recall(
    gold: Sequence[GoldFigure], listed: Sequence[KeyFigure], findings: list[Finding], in_article: set[str]
) -> float | None:
    """The share of gold figures listed right; a finding for each of the others.

    `in_article`: figure texts the check found in the article. A wrong figure that is one of them was
    taken from elsewhere in the article (misattributed); two gold figures given each other's value are swapped.
    """
    if not gold:
        return None
    wrong: list[Finding] = []
    parsed = [(key_figure, _first(key_figure.figure)) for key_figure in listed]
    right = 0
    for expected in gold:
        target = parse_figure(expected.figure)
        scored = [(binding_score(expected.measures, kf.measures), kf, figure) for kf, figure in parsed]
        best = max((s for s, _, _ in scored), default=0.0)
        exact = [(s, kf) for s, kf, figure in scored if figure is not None and same_figure(target, figure)]
        if best > 0 and any(s == best for s, _ in exact):
            right += 1
            continue
        bound = [(kf, figure) for s, kf, figure in scored if best > 0 and s == best]
        if bound:
            kf, figure = bound[0]
            elsewhere = f"; {expected.figure} is given to '{exact[0][1].measures}'" if exact else ""
            kind = _what_changed(target, figure)
            if kind == "value" and kf.figure in in_article:
                kind = "misattributed"
            wrong.append(
                Finding(kind=kind, figure=expected.measures, expected=expected.figure, found=f"{kf.figure}{elsewhere}")
            )
        elif exact:
            findings.append(
                Finding(
                    kind="misbound",
                    figure=expected.figure,
                    expected=f"bound to '{expected.measures}'",
                    found=f"bound to '{exact[0][1].measures}'",
                )
            )
        else:
            findings.append(
                Finding(kind="missing", figure=expected.measures, expected=expected.figure, found="no key figure")
            )
    for finding in wrong:
        found = finding.found.split(";")[0]
        swapped = any(other.expected == found and other.found.split(";")[0] == finding.expected for other in wrong)
        findings.append(finding.model_copy(update={"kind": "swapped"}) if swapped else finding)
    return right / len(gold)


def _what_changed(expected: Figure, found: Figure | None) -> str:
    """Name the error: the figure bound to the gold's subject differs from it how?"""
    if found is None or found.value is None or expected.value is None:
        return "wrong-figure"
    if expected.kind in {"year", "date"} or found.kind in {"year", "date"}:
        return "year"
    if expected.unit != found.unit or bool(_POINTS.search(expected.text)) != bool(_POINTS.search(found.text)):
        return "unit"
    if math.isclose(expected.value, found.value, rel_tol=1e-9):
        return "qualifier"
    ratio = found.value / expected.value if expected.value else 0.0
    if any(math.isclose(ratio, r, rel_tol=1e-6) for r in (1e3, 1e-3, 1e6, 1e-6)):
        return "scale"
    return "value"


def _flagged(check: FigureCheck) -> Finding:
    if check.status == "misattributed":
        expected = (
            f"the subject the article gives '{check.article_text}' for" if check.article_text else "its own subject"
        )
        return Finding(
            kind="misattributed", figure=check.text, expected=expected, found=check.note or "attached to another thing"
        )
    closest = (
        f"a figure the article gives (closest: '{check.article_text}')"
        if check.article_text
        else "a figure the article gives"
    )
    return Finding(kind="unsupported", figure=check.text, expected=closest, found=check.note or "not in the article")


def _must_have(claims: Sequence[GoldClaim], summary: ArticleSummary, findings: list[Finding]) -> float | None:
    if not claims:
        return None
    units = [s.text for s in split_sentences(summary.summary)] + list(summary.key_points)
    units += [claim.statement for claim in summary.claims]
    made = 0
    for claim in claims:
        if any(_makes(unit, claim) for unit in units):
            made += 1
        else:
            findings.append(
                Finding(kind="must-have", figure=_clip(claim.statement), expected="a sentence making it", found="none")
            )
    return made / len(claims)


def _makes(unit: str, claim: GoldClaim) -> bool:
    words = _stems(unit)
    if not all(_stems(term) <= words for term in claim.terms):
        return False
    figures = find_figures(unit)
    return all(any(same_figure(parse_figure(f), figure) for figure in figures) for f in claim.figures)


def _first(text: str) -> Figure | None:
    figures = find_figures(text)
    return figures[0] if figures else None


def _stems(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1)


def _stem(word: str) -> str:
    for suffix in ("ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole > 0 else None


def _clip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
