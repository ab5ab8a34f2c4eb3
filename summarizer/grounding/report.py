"""The check's verdicts: figure statuses, claim checks, the report, and the messages sent back to the model.

A summary figure gets one status:

- supported: the article has the same value, with a compatible unit, currency and qualifier.
- rounded: the article's value rounded (or truncated) to the precision the summary states, or
  a bound that the article's value satisfies ("more than 40" from "45").
- derived: simple arithmetic on article figures (a sum, a difference, a ratio, years apart,
  days written as weeks). Neither an error nor a silent pass.
- misattributed: the value is in the article, but about something else ("exports rose 12%"
  where the article says imports rose 12% and exports fell 3%).
- unsupported: none of the above, including a qualifier that changes the meaning.

See docs/figure-check.md for the qualifier rules and the benchmark.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict

from summarizer.figures import Figure

FigureStatus = Literal["supported", "rounded", "derived", "misattributed", "unsupported"]
Verdict = Literal["pass", "review", "fail"]


GOOD_STATUSES: Final = frozenset({"supported", "rounded", "derived"})


FLAGGED_STATUSES: Final = frozenset({"unsupported", "misattributed"})


class FigureCheck(BaseModel):
    """The verdict on one figure of the summary."""

    model_config = ConfigDict(frozen=True)

    text: str
    value: float | None
    unit: str | None
    qualifier: str | None
    status: FigureStatus
    article_span: tuple[int, int] | None
    article_text: str | None
    article_sentence: str | None
    note: str | None
    rule: str | None = None  # the rule that decided the status (see `summarizer.grounding.rules`)


class ClaimCheck(BaseModel):
    """The verdict on one claim: is its evidence in the article, and do its figures agree with it."""

    model_config = ConfigDict(frozen=True)

    statement: str
    evidence_found: bool
    figures_consistent: bool
    problems: list[str]


class GroundingReport(BaseModel):
    """Every figure and claim of a summary, checked against the article."""

    model_config = ConfigDict(frozen=True)

    figures: list[FigureCheck]
    claims: list[ClaimCheck]
    verdict: Verdict
    ok: bool  # verdict == "pass": the one meaning of ok in Python, `verify`, `--pairs`, the pipeline and the evals

    @classmethod
    def of(cls, figures: list[FigureCheck], claims: list[ClaimCheck]) -> GroundingReport:
        """The report for these checks, with its verdict: fail when a figure is flagged or a claim has a
        problem; review when a figure is derived (its working is shown); pass otherwise."""
        verdict = verdict_of(figures, claims)
        return cls(figures=figures, claims=claims, verdict=verdict, ok=verdict == "pass")

    def problems(self) -> list[str]:
        """One sentence per flagged figure or failed claim, fit to send back to the model."""
        messages = [_figure_problem(check) for check in self.figures if check.status in FLAGGED_STATUSES]
        for claim in self.claims:
            messages.extend(claim.problems)
        return messages

    def render_text(self) -> str:
        """A readable multi-line report for a terminal."""
        lines = [f"Figures: {len(self.figures)} checked{_status_counts(self.figures)}"]
        for check in self.figures:
            lines.append(f"  {_MARKS[check.status]} {check.status:<13} {check.text!r}{_render_source(check)}")
            if check.note:
                lines.append(f"      {check.note}")
        failed = [claim for claim in self.claims if claim.problems]
        lines.append(f"Claims: {len(self.claims)} checked, {len(failed)} with problems")
        for claim in failed:
            lines.append(f"  FAIL {claim.statement!r}")
            lines.extend(f"      {problem}" for problem in claim.problems)
        if self.verdict == "review":
            derived = sum(check.status == "derived" for check in self.figures)
            lines.append(f"Result: REVIEW: {derived} derived figure(s) to confirm")
        else:
            lines.append("Result: OK" if self.ok else f"Result: {len(self.problems())} problem(s)")
        return "\n".join(lines)


_MARKS: Final = {
    "supported": "ok  ",
    "rounded": "ok~ ",
    "derived": "calc",
    "misattributed": "FAIL",
    "unsupported": "FAIL",
}


def _status_counts(checks: Sequence[FigureCheck]) -> str:
    counts: dict[str, int] = {}
    for check in checks:
        counts[check.status] = counts.get(check.status, 0) + 1
    return "".join(f", {n} {status}" for status, n in counts.items())


def _render_source(check: FigureCheck) -> str:
    if check.article_text is None:
        return ""
    arrow = "closest in article" if check.status == "unsupported" else "article"
    return f"  ({arrow}: {check.article_text!r})"


def _figure_problem(check: FigureCheck) -> str:
    if check.note and check.note.startswith(TURNED_ROUND):
        return (
            f"'{check.text}' goes the wrong way: {check.note}, in "
            f'"{clip(check.article_sentence)}"; give the direction the article gives.'
        )
    if check.status == "misattributed":
        return (
            f"'{check.text}' is attached to the wrong thing: in the article that figure belongs to "
            f'"{clip(check.article_sentence)}"; say what it measures there or drop it.'
        )
    if check.note and check.note.startswith("qualifier"):
        return f"'{check.text}' changes the meaning of the article's '{check.article_text}' ({check.note})."
    if check.article_text is not None:
        return (
            f"'{check.text}' is not in the article; the closest figure there is '{check.article_text}', "
            f'in: "{clip(check.article_sentence)}".'
        )
    return f"'{check.text}' is not in the article; remove it or use a figure the article gives."


def clip(text: str | None, limit: int = 200) -> str:
    """`text` on one line, cut to `limit` characters."""
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def verdict_of(figures: Sequence[FigureCheck], claims: Sequence[ClaimCheck]) -> Verdict:
    """fail: a figure flagged or a claim with a problem; review: a figure derived; pass: neither."""
    if any(check.status in FLAGGED_STATUSES for check in figures) or any(claim.problems for claim in claims):
        return "fail"
    return "review" if any(check.status == "derived" for check in figures) else "pass"


@dataclass(slots=True)
class Match:
    """A figure's verdict while the stages run: its status, the article figure it rests on, a note."""

    status: FigureStatus
    article: Figure | None
    note: str | None = None
    rule: str | None = None  # the rule that decided (a name from `rules.RULES`), None for a plain match
    operands: tuple[Figure, ...] = ()  # the article figures a derivation was made of


# How the note of a figure that goes the wrong way begins; the re-ask message is chosen by it.
TURNED_ROUND: Final = "the article has it going"
