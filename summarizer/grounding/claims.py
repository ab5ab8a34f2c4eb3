"""Claims: is a quoted piece of evidence in the article, and do the claim's figures agree with it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

from .decide import check_figures
from .index import ArticleIndex, build_index, index_article, years_of
from .report import FLAGGED_STATUSES, ClaimCheck, clip

_QUOTES: Final = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "`": "'", "\u2013": "-"})


_ELLIPSIS_RE: Final = re.compile(r"\.\.\.|…|\[\.\.\.\]")


def _canonical(text: str) -> str:
    """Text for quote search: one quote style, lower case, no whitespace at all."""
    return "".join(text.translate(_QUOTES).lower().split())


@lru_cache(maxsize=512)
def _canonical_article(article: str) -> str:
    return _canonical(article)  # every claim of a summary searches the same article


def quote_in_article(quote: str, article: str) -> bool:
    """Whether a quote occurs in the article, tolerant of whitespace, quote style, case and ellipses."""
    canonical_article = _canonical_article(article)
    pieces = [_canonical(piece).strip("\"'.,") for piece in _ELLIPSIS_RE.split(quote)]
    pieces = [piece for piece in pieces if piece]
    return bool(pieces) and all(piece in canonical_article for piece in pieces)


@lru_cache(maxsize=64)
def _canonical_positions(article: str) -> tuple[str, tuple[int, ...]]:
    """The article as quote search sees it (`_canonical`), with each character's place in the article."""
    chars: list[str] = []
    positions: list[int] = []
    for position, char in enumerate(article.translate(_QUOTES)):
        if char.isspace():
            continue
        for lowered in char.lower():
            chars.append(lowered)
            positions.append(position)
    return "".join(chars), tuple(positions)


def _evidence_index(evidence: str, article: str) -> ArticleIndex:
    """The article's own figures within a quoted passage, without extracting them again.

    An evidence quote is a span of the article: locate it and reuse the article's figures, layout
    and word contexts there. A quote with elisions ("...") is indexed on its own.
    """
    index = index_article(article)
    piece = _canonical(evidence).strip("\"'.,")
    canonical, positions = _canonical_positions(article)
    at = canonical.find(piece) if piece and not _ELLIPSIS_RE.search(evidence) else -1
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
            article,
            figures,
            index.layout,
            years_of(figures),
            {score: figure for score, figure in index.scores.items() if start <= figure.start < end},
            dated=False,
            score_parts=frozenset(part for part in index.score_parts if start <= part < end),
        )
        index.views[span] = view
    return view


def check_claim(statement: str, evidence: str, figures: Iterable[str], article: str) -> ClaimCheck:
    problems = []
    found = quote_in_article(evidence, article)
    if not found:
        problems.append(
            f"Claim '{clip(statement, 120)}': its evidence is not in the article; quote the article verbatim."
        )
    evidence_index = _evidence_index(evidence, article) if found else build_index(evidence)
    checks = check_figures(statement, evidence_index, bind=False)
    wrong = [check for check in checks if check.status in FLAGGED_STATUSES]
    for check in wrong:
        said = f"; the evidence says '{check.article_text}'" if check.article_text else ""
        problems.append(f"Claim '{clip(statement, 120)}': '{check.text}' is not what its evidence says{said}.")
    canonical_statement = _canonical(statement)
    for listed in figures:
        if _canonical(listed) not in canonical_statement:
            problems.append(f"Claim '{clip(statement, 120)}': listed figure '{listed}' is not in the statement.")
    return ClaimCheck(statement=statement, evidence_found=found, figures_consistent=not wrong, problems=problems)


def check_key_figure_sentence(figure: str, measures: str, sentence: str, article: str) -> ClaimCheck:
    check = check_claim(figure, sentence, [], article)
    label = f"key figure '{figure}' ({measures})"
    problems = [
        problem.replace(f"Claim '{clip(figure, 120)}'", label[:1].upper() + label[1:]) for problem in check.problems
    ]
    return check.model_copy(update={"statement": label, "problems": problems})
