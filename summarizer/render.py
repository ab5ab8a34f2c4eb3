"""Results as Markdown, for reading in a terminal or a notebook."""

from __future__ import annotations

from .result import SummaryResult
from .text import clean_text


def to_markdown(result: SummaryResult, *, title: str | None = None) -> str:
    """A readable Markdown page: summary, key points, figures, claims, grounding, provenance."""
    summary, provenance = result.summary, result.provenance
    lines = [f"# {title or 'Summary'}", "", summary.summary, "", "## Key points", ""]
    lines += [f"- {point}" for point in summary.key_points]
    if summary.key_figures:
        lines += ["", "## Key figures", "", "| figure | what it measures |", "| --- | --- |"]
        lines += [f"| {_cell(f.figure)} | {_cell(f.measures)} |" for f in summary.key_figures]
    if summary.claims:
        lines += ["", "## Claims", ""]
        for claim in summary.claims:
            source = f" — *{claim.source}*" if claim.source else ""
            lines.append(f"- {claim.statement}{source}")
    lines += ["", "## Grounding", ""]
    problems = result.flagged
    if problems:
        lines += [f"- ⚠ {problem}" for problem in problems]
    else:
        lines.append("Every figure and claim was found in the article.")
    usage = provenance.usage
    made_by = (
        "extractive engine (sentences and figures copied from the article; no model)"
        if provenance.engine == "extractive"
        else f"{provenance.model} at {provenance.endpoint}, prompt {provenance.prompt} v{provenance.prompt_version}"
    )
    lines += [
        "",
        "---",
        f"*{made_by} · attempts {provenance.attempts}, re-asks {provenance.reasks + provenance.grounding_reasks}"
        f" · tokens {usage.total_tokens} · cache {'hit' if provenance.cache_hit else 'miss'}"
        f" · {provenance.latency_ms:.0f} ms*",
    ]
    # The model's answer and the title are untrusted text bound for a terminal: no escape sequence survives.
    return clean_text("\n".join(lines)) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
