"""Claims: is a quoted piece of evidence in the article, and do the claim's figures agree with it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Final

from .decide import check_figures
from .index import ArticleIndex, build_index, years_of
from .report import FLAGGED_STATUSES, ClaimCheck, clip
from .words import canonical

_ELLIPSIS_RE: Final = re.compile(r"\.\.\.|…|\[\.\.\.\]")


def quote_in_article(quote: str, article: str | ArticleIndex) -> bool:
    """Whether a quote occurs in the article, tolerant of whitespace, quote style, case and ellipses."""
    canonical_article = article.canonical()[0] if isinstance(article, ArticleIndex) else canonical(article)
    pieces = [canonical(piece).strip("\"'.,") for piece in _ELLIPSIS_RE.split(quote)]
    pieces = [piece for piece in pieces if piece]
    return bool(pieces) and all(piece in canonical_article for piece in pieces)


def _evidence_index(evidence: str, index: ArticleIndex) -> ArticleIndex:
    """The article's own figures within a quoted passage, without extracting them again.

    An evidence quote is a span of the article: locate it and reuse the article's figures, layout
    and word contexts there. A quote with elisions ("...") is indexed on its own.
    """
    piece = canonical(evidence).strip("\"'.,")
    article_canonical, positions = index.canonical()
    at = article_canonical.find(piece) if piece and not _ELLIPSIS_RE.search(evidence) else -1
    if at < 0:
        return build_index(evidence)
    span = (positions[at], positions[at + len(piece) - 1] + 1)
    view = index.views.get(span)
    if view is None:
        start, end = span
        first = bisect.bisect_left(index.starts, start)
        figures = []
        for figure in index.figures[first:]:
            if figure.start >= end:
                break
            if figure.end <= end:
                figures.append(figure)
        view = ArticleIndex(
            index.text,
            figures,
            index.layout,
            years_of(figures),
            {score: figure for score, figure in index.scores.items() if start <= figure.start < end},
            dated=False,
            score_parts=frozenset(part for part in index.score_parts if start <= part < end),
        )
        index.views[span] = view
    return view


def check_claim(statement: str, evidence: str, figures: Iterable[str], index: ArticleIndex) -> ClaimCheck:
    problems = []
    found = quote_in_article(evidence, index)
    if not found:
        problems.append(
            f"Claim '{clip(statement, 120)}': its evidence is not in the article; quote the article verbatim."
        )
    evidence_index = _evidence_index(evidence, index) if found else build_index(evidence)
    checks = check_figures(statement, evidence_index, bind=False)
    wrong = [check for check in checks if check.status in FLAGGED_STATUSES]
    for check in wrong:
        said = f"; the evidence says '{check.article_text}'" if check.article_text else ""
        problems.append(f"Claim '{clip(statement, 120)}': '{check.text}' is not what its evidence says{said}.")
    canonical_statement = canonical(statement)
    for listed in figures:
        if canonical(listed) not in canonical_statement:
            problems.append(f"Claim '{clip(statement, 120)}': listed figure '{listed}' is not in the statement.")
    return ClaimCheck(statement=statement, evidence_found=found, figures_consistent=not wrong, problems=problems)


def check_key_figure_sentence(figure: str, measures: str, sentence: str, index: ArticleIndex) -> ClaimCheck:
    check = check_claim(figure, sentence, [], index)
    label = f"key figure '{figure}' ({measures})"
    problems = [
        problem.replace(f"Claim '{clip(figure, 120)}'", label[:1].upper() + label[1:]) for problem in check.problems
    ]
    return check.model_copy(update={"statement": label, "problems": problems})
