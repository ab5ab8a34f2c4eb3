"""The run as data (`SuiteReport`, JSON via pydantic), its thresholds, and its forms: table, Markdown, comparison."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from summarizer.errors import InputError
from summarizer.schemas import ArticleSummary

from .scoring import FigureView, Finding

__all__ = [
    "METRICS",
    "CaseResult",
    "Status",
    "SuiteReport",
    "Thresholds",
    "Totals",
    "build_report",
    "compare",
    "load_report",
    "load_thresholds",
    "render_markdown",
    "render_table",
]

Status = Literal["passed", "failed", "error", "stale", "skipped"]
# The judged scores, by their name in the thresholds file and the report.
METRICS: Final = ("schema_valid", "key_figure_recall", "figure_precision", "claim_support", "must_have")


class Thresholds(BaseModel):
    """Minimum scores: per case (a case below one fails) and for the run (below one, exit 1)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    case: dict[str, float]
    suite: dict[str, float]


class CaseResult(BaseModel):
    """One case under one model: scores, findings, what the check saw, and the verdict."""

    model_config = ConfigDict(frozen=True)

    case: str
    status: Status
    reason: str | None = None
    scores: dict[str, float | None] = {}
    derived: int = 0
    reasks: int = 0
    grounding_reasks: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_ms: float = 0.0
    findings: list[Finding] = []
    below: list[str] = []
    figures: list[FigureView] = []
    summary: ArticleSummary | None = None

    @property
    def ran(self) -> bool:
        return self.status not in {"skipped"}


class Totals(BaseModel):
    """The run at a glance; means are over the cases that ran and had the score."""

    model_config = ConfigDict(frozen=True)

    cases: int
    passed: int
    failed: int
    skipped: int
    scores: dict[str, float | None]
    reasks: int
    grounding_reasks: int
    tokens: int
    latency_ms: float


class SuiteReport(BaseModel):
    """Every case of one run, the totals, the baseline's totals and whether the run met its thresholds."""

    model_config = ConfigDict(frozen=True)

    model: str
    cases: list[CaseResult]
    totals: Totals
    below: list[str]
    ok: bool
    baseline: Totals | None = None
    seconds: float = 0.0


def load_thresholds(path: Path | None = None) -> Thresholds:
    """The shipped thresholds, overridden key by key by `path`."""
    shipped = tomllib.loads((Path(str(resources.files("summarizer.evals"))) / "thresholds.toml").read_text("utf-8"))
    if path is None:
        return Thresholds.model_validate(shipped)
    try:
        mine = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise InputError(f"thresholds file {path} cannot be read: {error}") from None
    for section, values in mine.items():
        unknown = set(values) - set(shipped.get(section, {})) if isinstance(values, dict) else {section}
        if section not in shipped or unknown:
            raise InputError(
                f"thresholds file {path}: unknown {'section' if section not in shipped else 'key(s)'} "
                f"{section if section not in shipped else ', '.join(sorted(unknown))}; "
                f"known: [case] and [suite] with {', '.join(METRICS)}, pass_rate"
            )
        shipped[section].update(values)
    return Thresholds.model_validate(shipped)


def below_thresholds(scores: Mapping[str, float | None], minimums: Mapping[str, float]) -> list[str]:
    """'name 0.80 < 1.00' for each score under its minimum; scores a case cannot have are not judged."""
    return [
        f"{name} {value:.2f} < {minimum:.2f}"
        for name, minimum in minimums.items()
        if (value := scores.get(name)) is not None and value < minimum
    ]


def build_report(
    model: str, results: Sequence[CaseResult], thresholds: Thresholds, baseline: Totals | None = None
) -> SuiteReport:
    totals = totals_of(results)
    ran = totals.cases - totals.skipped
    suite_scores: dict[str, float | None] = {**totals.scores, "pass_rate": totals.passed / ran if ran else None}
    below = below_thresholds(suite_scores, thresholds.suite)
    if ran == 0:
        below.append("no case ran")
    return SuiteReport(model=model, cases=list(results), totals=totals, below=below, ok=not below, baseline=baseline)


def totals_of(results: Sequence[CaseResult]) -> Totals:
    ran = [r for r in results if r.ran]
    return Totals(
        cases=len(results),
        passed=sum(r.status == "passed" for r in results),
        failed=sum(r.status in {"failed", "error", "stale"} for r in results),
        skipped=sum(r.status == "skipped" for r in results),
        scores={name: _mean(r.scores.get(name) for r in ran) for name in METRICS},
        reasks=sum(r.reasks for r in ran),
        grounding_reasks=sum(r.grounding_reasks for r in ran),
        tokens=sum(r.prompt_tokens + r.completion_tokens for r in ran),
        latency_ms=sum(r.latency_ms for r in ran),
    )


_HEADER: Final = (
    "case",
    "status",
    "schema",
    "recall",
    "precision",
    "claims",
    "must",
    "derived",
    "re-asks",
    "tokens",
    "ms",
)


def render_table(report: SuiteReport) -> str:
    """A fixed-width table: a row per case, the totals, the extractive baseline; then every finding by case."""
    rows: list[tuple[str, ...]] = [_HEADER]
    rows.extend(_row(r) for r in report.cases)
    rows.append(_total_row("TOTAL", report.totals))
    if report.baseline is not None:
        rows.append(_total_row("baseline: extractive", report.baseline))
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADER))]
    lines = [f"summarizer eval, model: {report.model}  ({report.seconds:.1f} s)"]
    rule_before = {1, len(report.cases) + 1}
    for index, row in enumerate(rows):
        if index in rule_before:
            lines.append("  ".join("-" * width for width in widths))
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    lines.append(
        "recall: gold key figures right and bound to the right thing; precision: summary figures supported; "
        "re-asks: invalid / grounding"
    )
    notes = _notes(report)
    if notes:
        lines.append("")
        lines.extend(notes)
    lines.append("")
    lines.append("Result: OK" if report.ok else f"Result: FAILED ({'; '.join(report.below)})")
    return "\n".join(lines)


def render_markdown(report: SuiteReport) -> str:
    """The same report as Markdown: a table, then each case's findings."""
    head = "| " + " | ".join(_HEADER) + " |"
    lines = [f"# summarizer eval: {report.model}", "", head, "|" + "---|" * len(_HEADER)]
    for r in report.cases:
        lines.append("| " + " | ".join(_row(r)) + " |")
    lines.append("| " + " | ".join(_total_row("**total**", report.totals)) + " |")
    if report.baseline is not None:
        lines.append("| " + " | ".join(_total_row("baseline: extractive", report.baseline)) + " |")
    lines.append("")
    lines.append("**Result: OK**" if report.ok else f"**Result: FAILED** ({'; '.join(report.below)})")
    for r in report.cases:
        if r.findings or r.reason:
            lines.extend(["", f"## {r.case} ({r.status})", ""])
            if r.reason:
                lines.append(f"- {r.reason}")
            lines.extend(f"- {finding.line()}" for finding in r.findings)
    return "\n".join(lines) + "\n"


def load_report(path: Path) -> SuiteReport:
    try:
        return SuiteReport.model_validate_json(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError(f"cannot read report {path}: {error.strerror or error}") from None
    except ValidationError as error:
        raise InputError(
            f"{path} is not a JSON report of summarizer eval ({error.error_count()} problem(s)); "
            "write one with --report FILE.json"
        ) from None


def compare(old: SuiteReport, new: SuiteReport) -> str:
    """Which cases got better or worse between two runs, score by score."""
    before = {r.case: r for r in old.cases}
    better: list[str] = []
    worse: list[str] = []
    for r in new.cases:
        was = before.get(r.case)
        if was is None or not (r.ran and was.ran):
            continue
        ups: list[str] = []
        downs: list[str] = []
        for name in METRICS:
            a, b = was.scores.get(name), r.scores.get(name)
            if a is not None and b is not None and abs(a - b) > 1e-9:
                (ups if b > a else downs).append(f"{name} {a:.2f}->{b:.2f}")
        if was.status != r.status:
            (ups if r.status == "passed" else downs).append(f"{was.status}->{r.status}")
        if ups:
            better.append(f"  + {r.case}: {', '.join(ups)}")
        if downs:
            worse.append(f"  - {r.case}: {', '.join(downs)}")
    lines = [
        f"Compared with {old.model} ({old.totals.passed}/{old.totals.cases - old.totals.skipped} passed then, "
        f"{new.totals.passed}/{new.totals.cases - new.totals.skipped} now):"
    ]
    lines.append(f"better: {len(better)} case(s)")
    lines.extend(better)
    lines.append(f"worse: {len(worse)} case(s)")
    lines.extend(worse)
    gone = sorted(set(before) - {r.case for r in new.cases})
    if gone:
        lines.append(f"only in the old run: {', '.join(gone)}")
    return "\n".join(lines)


def _row(r: CaseResult) -> tuple[str, ...]:
    return (
        r.case,
        r.status,
        *(_number(r.scores.get(name)) for name in METRICS),
        str(r.derived),
        f"{r.reasks}/{r.grounding_reasks}",
        str(r.prompt_tokens + r.completion_tokens),
        f"{r.latency_ms:.0f}",
    )


def _total_row(label: str, t: Totals) -> tuple[str, ...]:
    status = f"{t.passed}/{t.cases - t.skipped} passed" + (f", {t.skipped} skipped" if t.skipped else "")
    return (
        label,
        status,
        *(_number(t.scores.get(name)) for name in METRICS),
        "",
        f"{t.reasks}/{t.grounding_reasks}",
        str(t.tokens),
        f"{t.latency_ms:.0f}",
    )


def _notes(report: SuiteReport) -> list[str]:
    notes: list[str] = []
    skipped = [r for r in report.cases if r.status == "skipped"]
    reasons = sorted({r.reason or "" for r in skipped})
    for reason in reasons:
        names = [r.case for r in skipped if r.reason == reason]
        notes.append(f"SKIP {len(names)} case(s) ({', '.join(names)}): {reason}")
    for r in report.cases:
        if r.status in {"error", "stale"}:
            notes.append(f"{r.status.upper()} {r.case}: {r.reason}")
        if r.status in {"failed", "error", "stale"}:
            if r.below:
                notes.append(f"FAIL {r.case}: {', '.join(r.below)}")
            notes.extend(f"  {finding.line()}" for finding in r.findings)
    return notes


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _mean(values: Iterable[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def dump(report: SuiteReport) -> str:
    """The report as JSON (what --compare reads)."""
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False)
