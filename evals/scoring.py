"""Deterministic scorers: a summary result in, scores and named pass/fail checks out.

Every score is computed with the library's own figure reader (`find_figures`) and checker
(`verify`, already run by the pipeline into `result.grounding`); nothing here calls a model.

- schema: the summary validates against `ArticleSummary` again (a round trip, not trust).
- fidelity: of the figures in the summary, key points and key figures, the share the article
  supports exactly or as a rounding. Derived figures (arithmetic on article figures) are counted
  apart and left out of the share: they are neither an error nor a copy.
- recall: of the figures the case expects, the share found among `key_figures` with the same
  value, unit and kind of qualifier ("more than 40" is not "40") -- compared as figures, not strings.
- evidence: of the verbatim quotes (claims' evidence and key figures' sentences), the share found in
  the article.
- re-asks and tokens come from the result's provenance; they are reported, not judged, except that a
  recording may say how many grounding re-asks its conversation must take.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Final

from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer.figures import Figure, find_figures
from summarizer.result import SummaryResult
from summarizer.schemas import ArticleSummary

from .cases import Case

__all__ = ["Check", "Expectation", "Scores", "judge", "same_figure", "score"]

_GOOD: Final = frozenset({"supported", "rounded"})
_FLAGGED: Final = frozenset({"unsupported", "misattributed"})
# What a qualifier claims about the true value. "a record 412,300" is still exactly 412,300.
_BOUNDS: Final = {
    "more_than": "lower",
    "at_least": "lower",
    "less_than": "upper",
    "up_to": "upper",
    "nearly": "upper",
    "about": "approx",
}
_SHARE_KINDS: Final = frozenset({"percent", "fraction"})


class Scores(BaseModel):
    """What the scorers measured for one case."""

    model_config = ConfigDict(frozen=True)

    schema_valid: bool
    figures: int
    supported: int
    rounded: int
    derived: int
    flagged: int
    fidelity: float | None  # None when every figure is derived or there are none
    recall: float
    missing: list[str]
    quotes: int
    evidence: float | None  # None when the summary has no quotes at all
    flagged_figures: list[str]
    problems: list[str]
    attempts: int
    reasks: int
    grounding_reasks: int
    prompt_tokens: int
    completion_tokens: int


class Check(BaseModel):
    """One named pass/fail verdict on a case, with the numbers behind it."""

    model_config = ConfigDict(frozen=True)

    name: str
    passed: bool
    detail: str


class Expectation(BaseModel):
    """What a recording knows about its own answers: the errors it keeps, the re-asks it takes."""

    model_config = ConfigDict(frozen=True)

    flagged: tuple[str, ...] = ()
    grounding_reasks: int | None = None


def score(case: Case, result: SummaryResult) -> Scores:
    """Score one result against its case."""
    summary = result.summary
    figures = result.grounding.figures
    statuses = [check.status for check in figures]
    derived = statuses.count("derived")
    good = sum(status in _GOOD for status in statuses)
    # key figures' sentence checks come first in grounding.claims, then the claims themselves.
    quotes = result.grounding.claims
    usage = result.provenance.usage
    recall, missing = key_figure_recall(case, summary)
    return Scores(
        schema_valid=_schema_valid(summary),
        figures=len(figures),
        supported=statuses.count("supported"),
        rounded=statuses.count("rounded"),
        derived=derived,
        flagged=sum(status in _FLAGGED for status in statuses),
        fidelity=_share(good, len(figures) - derived),
        recall=recall,
        missing=missing,
        quotes=len(quotes),
        evidence=_share(sum(quote.evidence_found for quote in quotes), len(quotes)),
        flagged_figures=[check.text for check in figures if check.status in _FLAGGED],
        problems=result.grounding.problems(),
        attempts=result.provenance.attempts,
        reasks=result.provenance.reasks,
        grounding_reasks=result.provenance.grounding_reasks,
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
    )


def key_figure_recall(case: Case, summary: ArticleSummary) -> tuple[float, list[str]]:
    """The share of the case's expected figures among the key figures, and the ones missing."""
    listed = [figure for key_figure in summary.key_figures for figure in find_figures(key_figure.figure)]
    missing = [
        expected.figure
        for expected in case.figures
        if not any(same_figure(_parse(expected.figure), figure) for figure in listed)
    ]
    return _share(len(case.figures) - len(missing), len(case.figures)) or 0.0, missing


def same_figure(a: Figure, b: Figure) -> bool:
    """Whether two figures say the same thing: value, unit (currency, %), kind and qualifier's bound."""
    if a.value is None or b.value is None:
        return False
    same_kind = a.kind == b.kind or {a.kind, b.kind} <= _SHARE_KINDS
    return (
        same_kind
        and a.unit == b.unit
        and math.isclose(a.value, b.value, rel_tol=1e-9)
        and _BOUNDS.get(a.qualifier or "", "exact") == _BOUNDS.get(b.qualifier or "", "exact")
    )


def judge(case: Case, scores: Scores, expectation: Expectation | None = None) -> list[Check]:
    """The case's checks. With an expectation of flagged figures, catching exactly those replaces fidelity."""
    expectation = expectation or Expectation()
    checks = [
        Check(name="schema", passed=scores.schema_valid, detail="valid" if scores.schema_valid else "invalid"),
    ]
    if expectation.flagged:
        checks.append(_caught(expectation.flagged, scores))
    else:
        checks.append(_at_least("fidelity", scores.fidelity, case.min_fidelity, _flag_detail(scores)))
    missing = f" (missing: {', '.join(scores.missing)})" if scores.missing else ""
    checks.append(_at_least("recall", scores.recall, case.min_recall, missing))
    checks.append(_at_least("evidence", scores.evidence, case.min_evidence, ""))
    if expectation.grounding_reasks is not None:
        wanted, got = expectation.grounding_reasks, scores.grounding_reasks
        checks.append(
            Check(name="grounding re-asks", passed=got == wanted, detail=f"{got} (the recording expects {wanted})")
        )
    return checks


def _caught(expected: Sequence[str], scores: Scores) -> Check:
    """The deliberately wrong figures are flagged, and nothing else is."""
    flagged = [figure for text in scores.flagged_figures for figure in find_figures(text)]
    caught = [text for text in expected if any(same_figure(_parse(text), figure) for figure in flagged)]
    missed = [text for text in expected if text not in caught]
    extra = [text for text in scores.flagged_figures if not _matches_any(text, expected)]
    passed = not missed and not extra
    parts = []
    if caught:
        parts.append(f"flagged {', '.join(caught)} as expected")
    if missed:
        parts.append(f"MISSED {', '.join(missed)}")
    if extra:
        parts.append(f"also flagged {', '.join(extra)}")
    return Check(name="caught", passed=passed, detail="; ".join(parts))


def _matches_any(text: str, expected: Iterable[str]) -> bool:
    figures = find_figures(text)
    return any(same_figure(_parse(wanted), figure) for wanted in expected for figure in figures)


def _at_least(name: str, value: float | None, minimum: float, detail: str) -> Check:
    if value is None:
        return Check(name=name, passed=False, detail=f"nothing to score{detail}")
    shown = f"{value:.2f} {'>=' if value >= minimum else '<'} {minimum:.2f}{detail}"
    return Check(name=name, passed=value >= minimum, detail=shown)


def _flag_detail(scores: Scores) -> str:
    return f" (flagged: {', '.join(scores.flagged_figures)})" if scores.flagged_figures else ""


def _parse(text: str) -> Figure:
    figures = find_figures(text)
    if len(figures) != 1:
        # A case's figure that does not read as exactly one figure would make recall meaningless.
        raise ValueError(f"expected figure {text!r} reads as {len(figures)} figures, not one")
    return figures[0]


def _schema_valid(summary: ArticleSummary) -> bool:
    try:
        ArticleSummary.model_validate_json(summary.model_dump_json())
    except ValidationError:
        return False
    return True


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None
