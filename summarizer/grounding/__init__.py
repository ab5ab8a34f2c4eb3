"""Check every figure and claim of a summary against its article.

The check runs as stages, one module each: `index` (the article, read once) → `words` (what
surrounds a figure) → `compare` (equal, rounded, bounds) → `binding` (what a figure measures) →
`frames` (what a figure measures, read from its sentence's structure) → `timing` and `derive`
(years and arithmetic that must bind) → `direction` → `decide` (the flow of one figure) → `report`
(statuses, verdict and messages); `claims` checks quoted evidence; `check.verify` puts figures and
claims into one report. `rules` lists every rule with its stage and precedence.
"""

from .check import verify
from .claims import quote_in_article
from .decide import check_figures
from .index import ArticleIndex, index_article
from .report import ClaimCheck, FigureCheck, FigureStatus, GroundingReport, Verdict
from .rules import GROUNDING_VERSION, RULES

__all__ = [
    "GROUNDING_VERSION",
    "RULES",
    "ArticleIndex",
    "ClaimCheck",
    "FigureCheck",
    "FigureStatus",
    "GroundingReport",
    "Verdict",
    "check_figures",
    "index_article",
    "quote_in_article",
    "verify",
]
