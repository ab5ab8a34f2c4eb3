"""What the API accepts and returns, beyond the library's own models (SummaryResult, GroundingReport).

Every request model forbids unknown fields: a misspelt option is a 422 naming it, never silently ignored.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from summarizer.schemas import ArticleSummary


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SummaryOptions(_Request):
    """Per-request changes to the server's settings; unset means the server's default."""

    refresh: bool = Field(False, description="Ignore a cached result and store a fresh one.")
    grounding_reask: bool | None = Field(
        None, description="Re-ask the model once when figures are not in the article (server default: true)."
    )
    max_reasks: int | None = Field(
        None, ge=0, le=4, description="Re-asks after an answer fails validation (server default: 2)."
    )


class SummaryRequest(_Request):
    """One article to summarise."""

    text: str = Field(description="The article's text.", examples=["The Port of Kestrel Bay will receive £480m ..."])
    title: str | None = Field(None, description="The article's headline, if it is not part of the text.")
    options: SummaryOptions | None = None


class VerifyRequest(_Request):
    """A summary to check against its article."""

    article: str = Field(description="The article's text.")
    summary: str | ArticleSummary = Field(
        description="The summary: plain text, or an ArticleSummary object as /v1/summaries returns it."
    )


class Health(BaseModel):
    """The answer of /healthz and /readyz."""

    status: Literal["ok", "ready"]
    checks: dict[str, str] = Field(default_factory=dict)
