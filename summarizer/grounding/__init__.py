"""Check every figure and claim of a summary against its article."""

from .engine import (
    ArticleIndex,
    ClaimCheck,
    FigureCheck,
    FigureStatus,
    GroundingReport,
    check_figures,
    index_article,
    quote_in_article,
    verify,
)

__all__ = [
    "ArticleIndex",
    "ClaimCheck",
    "FigureCheck",
    "FigureStatus",
    "GroundingReport",
    "check_figures",
    "index_article",
    "quote_in_article",
    "verify",
]
