"""The suite's report as data (`SuiteReport`, JSON via pydantic) and as a table for a terminal."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict

from .scoring import Check, Scores

__all__ = ["CaseResult", "SuiteReport", "Totals", "build_report", "render_table"]

Status = Literal["passed", "failed", "error", "skipped"]


class CaseResult(BaseModel):
    """One case under one engine: its scores, its checks and the verdict."""

    model_config = ConfigDict(frozen=True)

    case: str
    status: Status
    scores: Scores | None
    checks: list[Check]
    # Why a case was skipped or could not run.
    reason: str | None = None
    expect_flagged: list[str] = []

    @property
    def failed_checks(self) -> list[Check]:
        return [check for check in self.checks if not check.passed]


class Totals(BaseModel):
    """The suite at a glance. Means are over the cases that ran and had something to score."""

    model_config = ConfigDict(frozen=True)

    cases: int
    passed: int
    failed: int
    skipped: int
    fidelity: float | None
    recall: float | None
    evidence: float | None
    reasks: int
    grounding_reasks: int
    prompt_tokens: int
    completion_tokens: int


class SuiteReport(BaseModel):
    """Every case of one run, the totals and whether the suite passed."""

    model_config = ConfigDict(frozen=True)

    model: str
    cases: list[CaseResult]
    totals: Totals
    ok: bool


def build_report(model: str, results: Sequence[CaseResult]) -> SuiteReport:
    scored = [result.scores for result in results if result.scores is not None]
    failed = sum(result.status in {"failed", "error"} for result in results)
    totals = Totals(
        cases=len(results),
        passed=sum(result.status == "passed" for result in results),
        failed=failed,
        skipped=sum(result.status == "skipped" for result in results),
        fidelity=_mean(s.fidelity for s in scored),
        recall=_mean(s.recall for s in scored),
        evidence=_mean(s.evidence for s in scored),
        reasks=sum(s.reasks for s in scored),
        grounding_reasks=sum(s.grounding_reasks for s in scored),
        prompt_tokens=sum(s.prompt_tokens for s in scored),
        completion_tokens=sum(s.completion_tokens for s in scored),
    )
    # A suite where nothing ran proves nothing: that is a failure, not a pass.
    ok = failed == 0 and totals.passed > 0
    return SuiteReport(model=model, cases=list(results), totals=totals, ok=ok)


_HEADER = ("case", "status", "fidelity", "derived", "recall", "evidence", "flagged", "re-asks", "tokens")


def render_table(report: SuiteReport) -> str:
    """A fixed-width table, one row per case and a totals row, then the failing checks by name."""
    rows: list[tuple[str, ...]] = [_HEADER]
    for result in report.cases:
        rows.append(_row(result))
    t = report.totals
    rows.append(
        (
            "TOTAL",
            f"{t.passed}/{t.cases - t.skipped} passed" + (f", {t.skipped} skipped" if t.skipped else ""),
            _number(t.fidelity),
            "",
            _number(t.recall),
            _number(t.evidence),
            "",
            f"{t.reasks}/{t.grounding_reasks}",
            str(t.prompt_tokens + t.completion_tokens),
        )
    )
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADER))]
    lines = [f"Eval suite, model: {report.model}"]
    for index, row in enumerate(rows):
        if index in {1, len(rows) - 1}:
            lines.append("  ".join("-" * width for width in widths))
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    lines.append("re-asks: after invalid answers / after grounding problems")
    notes = _notes(report)
    if notes:
        lines.append("")
        lines.extend(notes)
    lines.append("")
    lines.append("Result: OK" if report.ok else "Result: FAILED")
    return "\n".join(lines)


def _row(result: CaseResult) -> tuple[str, ...]:
    scores = result.scores
    if scores is None:
        return (result.case, result.status, "", "", "", "", "", "", "")
    flagged = ", ".join(scores.flagged_figures) or "-"
    if result.expect_flagged:
        flagged += " (expected)"
    return (
        result.case,
        result.status,
        _number(scores.fidelity),
        str(scores.derived),
        _number(scores.recall),
        _number(scores.evidence),
        flagged,
        f"{scores.reasks}/{scores.grounding_reasks}",
        str(scores.prompt_tokens + scores.completion_tokens),
    )


def _notes(report: SuiteReport) -> list[str]:
    notes = []
    for result in report.cases:
        if result.status == "skipped":
            notes.append(f"SKIP {result.case}: {result.reason}")
        elif result.status == "error":
            notes.append(f"ERROR {result.case}: {result.reason}")
        for check in result.failed_checks:
            notes.append(f"FAIL {result.case}: {check.name} {check.detail}")
    if not any(result.status == "passed" for result in report.cases):
        notes.append("FAIL suite: no case passed")
    return notes


def _number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def _mean(values: Iterable[float | None]) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) / len(present) if present else None
