"""Helpers for the failure-class tests: what the figure check says of one figure of a summary."""

from __future__ import annotations

from summarizer.grounding import verify

FLAGGED = frozenset({"unsupported", "misattributed"})


def status(article: str, summary: str, figure: str) -> str:
    """The status of the summary figure whose text contains `figure`."""
    report = verify(article, summary)
    found = [check.status for check in report.figures if figure in check.text]
    assert found, f"{figure!r} was not read as a figure of {summary!r}: {[c.text for c in report.figures]}"
    return found[0]


def flagged(article: str, summary: str, figure: str) -> bool:
    """Whether the check flags that figure (unsupported or misattributed)."""
    return status(article, summary, figure) in FLAGGED


def nothing_flagged(article: str, summary: str) -> bool:
    """Whether the check flags no figure of the summary."""
    return not any(check.status in FLAGGED for check in verify(article, summary).figures)
