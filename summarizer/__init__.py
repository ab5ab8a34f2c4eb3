"""summarizer: structured, source-grounded news summaries with every figure checked.

from summarizer import summarize
result = summarize(article_text, title="...")
result.summary.key_figures, result.grounding.ok, result.provenance.usage
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING, Any

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


if TYPE_CHECKING:
    from .pipeline import Outcome, Summarizer

# Names whose modules import the model SDK: loaded on first use, so that `import summarizer`, `verify`
# and every `--help` start without paying for a model client they never use.
_LAZY = {"Summarizer": ".pipeline", "Outcome": ".pipeline"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=8)
def _summarizer_for(settings: Settings) -> Summarizer:
    # One Summarizer per distinct configuration: a call per article should not pay for a new
    # HTTP client and cache connection every time.
    from .pipeline import Summarizer  # noqa: PLC0415 - see _LAZY

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
