"""The whole check of one summary: every figure and, for a structured summary, every claim, in one report."""

from __future__ import annotations

from summarizer.schemas import ArticleSummary

from .claims import check_claim, check_key_figure_sentence
from .decide import check_figures
from .index import ArticleIndex, index_article
from .report import ClaimCheck, FigureCheck, GroundingReport


def verify(article: str | ArticleIndex, summary: str | ArticleSummary) -> GroundingReport:
    """Check every figure (and, for a structured summary, every claim) against the article.

    Pass an `ArticleIndex` (`index_article(text)`) to check several summaries of one article
    without reading it again.
    """
    index = article if isinstance(article, ArticleIndex) else index_article(article)
    if isinstance(summary, str):
        figures = check_figures(summary, index)
        claims: list[ClaimCheck] = []
    else:
        figures = _unique(
            [
                *check_figures(summary.summary, index),
                *(check for point in summary.key_points for check in check_figures(point, index)),
                *(check for kf in summary.key_figures for check in check_figures(kf.figure, index, bind=False)),
            ]
        )
        claims = [check_key_figure_sentence(kf.figure, kf.measures, kf.sentence, index) for kf in summary.key_figures]
        claims += [check_claim(c.statement, c.evidence, c.figures, index) for c in summary.claims]
    return GroundingReport.of(figures, claims)


def _unique(checks: list[FigureCheck]) -> list[FigureCheck]:
    """Drop exact repeats (the same figure with the same verdict), keeping the first."""
    seen: set[tuple[str, str, tuple[int, int] | None]] = set()
    unique = []
    for check in checks:
        key = (check.text, check.status, check.article_span)
        if key not in seen:
            seen.add(key)
            unique.append(check)
    return unique
