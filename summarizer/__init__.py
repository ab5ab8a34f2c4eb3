"""summarizer: structured, source-grounded news summaries with every figure checked.

from summarizer import summarize
result = summarize(article_text, title="...")
result.summary.key_figures, result.grounding.ok, result.provenance.usage
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .config import Settings
from .errors import (
    AuthenticationError,
    ConfigError,
    ContextLengthError,
    InputError,
    ModelError,
    ModelOutputError,
    ModelRequestError,
    ModelUnavailableError,
    PromptError,
    QuotaError,
    SummarizerError,
    UsageError,
)
from .grounding import GroundingReport, verify
from .limits import Throttle
from .pipeline import Outcome, Summarizer
from .result import Provenance, SummaryResult, Usage
from .schemas import ArticleSummary, Claim, KeyFigure

__all__ = [
    "ArticleSummary",
    "AuthenticationError",
    "Claim",
    "ConfigError",
    "ContextLengthError",
    "GroundingReport",
    "InputError",
    "KeyFigure",
    "ModelError",
    "ModelOutputError",
    "ModelRequestError",
    "ModelUnavailableError",
    "Outcome",
    "PromptError",
    "Provenance",
    "QuotaError",
    "Settings",
    "Summarizer",
    "SummarizerError",
    "SummaryResult",
    "Throttle",
    "Usage",
    "UsageError",
    "asummarize",
    "summarize",
    "verify",
]


@lru_cache(maxsize=8)
def _summarizer_for(settings: Settings) -> Summarizer:
    # One Summarizer per distinct configuration: a call per article should not pay for a new
    # HTTP client and cache connection every time.
    return Summarizer(settings)


def _settings(overrides: dict[str, Any]) -> Settings:
    return Settings.from_env(**overrides)


def summarize(text: str, *, title: str | None = None, model: str | None = None, **settings: Any) -> SummaryResult:
    """Summarise one article. Settings come from the environment; keyword arguments win.

    With no OPENAI_API_KEY and no OPENAI_BASE_URL the extractive engine is used (see
    `result.provenance.engine`); pass engine="openai" to require a model.
    """
    return _summarizer_for(_settings({"model": model, **settings})).summarize(text, title=title)


async def asummarize(
    text: str, *, title: str | None = None, model: str | None = None, **settings: Any
) -> SummaryResult:
    """Async `summarize`."""
    return await _summarizer_for(_settings({"model": model, **settings})).asummarize(text, title=title)
