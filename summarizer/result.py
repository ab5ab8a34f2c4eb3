"""What one summarize() call returns: the summary, how it was made, and how well it is grounded."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from .grounding import GroundingReport
from .schemas import ArticleSummary


class Usage(BaseModel):
    """Token usage, summed over every model reply of one summary."""

    model_config = ConfigDict(frozen=True)

    prompt_tokens: int = 0
    completion_tokens: int = 0

    @property
    def total_tokens(self) -> int:
        """Prompt plus completion tokens."""
        return self.prompt_tokens + self.completion_tokens

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
        )


class Provenance(BaseModel):
    """How a summary was produced; enough to reproduce it and to account for its cost."""

    model_config = ConfigDict(frozen=True)

    engine: Literal["openai", "extractive"]
    model: str | None
    endpoint: str | None
    prompt: str | None
    prompt_version: str | None
    # json_schema (strict structured outputs), json_object (JSON mode) or prompt (plain JSON in the reply).
    output_mode: str | None
    # HTTP requests sent, re-asks after invalid answers, re-asks after grounding problems.
    attempts: int
    reasks: int
    grounding_reasks: int
    usage: Usage
    cache_hit: bool
    latency_ms: float


class SummaryResult(BaseModel):
    """A validated summary, its provenance and its grounding report."""

    model_config = ConfigDict(frozen=True)

    summary: ArticleSummary
    provenance: Provenance
    grounding: GroundingReport

    @property
    def flagged(self) -> list[str]:
        """Problems the grounding check still found: figures or claims the article does not support."""
        return self.grounding.problems()
