"""The structured summary the model must return.

Every model here is compatible with strict JSON-schema structured outputs: all fields
are required, no extra keys are allowed, optional values are expressed as `null`.
Field descriptions are written as instructions, because the model reads them.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)(?=\s+[\"'“‘(\[]?[A-Z0-9]|\s*$)")


def count_sentences(text: str) -> int:
    """Rough sentence count: terminal punctuation followed by a capital, a digit or the end."""
    return len(_SENTENCE_END.findall(text.strip()))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KeyFigure(_Strict):
    """One figure the article reports."""

    figure: str = Field(
        description=(
            "The figure exactly as written in the article, including its currency, unit, scale and any "
            "qualifier such as 'more than' or 'about' (for example 'more than US$1 billion', '40%', "
            "'2.35 million'). Copy it character for character; never convert or round it."
        )
    )
    measures: str = Field(
        description="What the figure measures, in a few words (for example 'value of crypto stolen in 2023')."
    )
    sentence: str = Field(description="The article sentence the figure comes from, copied verbatim.")

    @field_validator("figure", "measures", "sentence")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


class Claim(_Strict):
    """One statement from the article that a reader could check."""

    statement: str = Field(
        description="One checkable statement from the article, in one sentence, faithful to the article."
    )
    source: str | None = Field(
        description=(
            "Who makes the statement when the article names a source (a person, organisation or document); "
            "null when the article states it without attribution."
        )
    )
    figures: list[str] = Field(
        description="The figures the statement uses, each exactly as written in the statement; [] if none."
    )
    evidence: str = Field(description="A quote copied verbatim from the article that supports the statement.")

    @field_validator("statement", "evidence")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


class ArticleSummary(_Strict):
    """A structured, source-grounded summary of one news article."""

    summary: str = Field(
        description=(
            "A neutral summary of the article in 2 to 4 sentences. Use only facts stated in the article; "
            "copy figures exactly as the article writes them."
        )
    )
    key_points: list[str] = Field(
        description="The 3 to 6 most important points of the article, one short sentence each."
    )
    key_figures: list[KeyFigure] = Field(
        description="The article's key figures: money, percentages, counts and dates that matter to the story."
    )
    claims: list[Claim] = Field(description="Checkable claims made in the article, most important first.")

    @field_validator("summary")
    @classmethod
    def _two_to_four_sentences(cls, value: str) -> str:
        sentences = count_sentences(value)
        # One sentence is tolerated: the counter cannot see every boundary, and a long single
        # sentence is a style problem, not worth a re-ask. More than four is a real violation.
        if not value.strip():
            raise ValueError("must not be empty")
        if sentences > 4:
            raise ValueError(f"must be 2 to 4 sentences; this has {sentences}")
        return value

    @field_validator("key_points")
    @classmethod
    def _some_points(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("must list at least one key point")
        if any(not point.strip() for point in value):
            raise ValueError("must not contain empty points")
        return value


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON schema in the form OpenAI's strict structured outputs accept.

    Pydantic puts `title`s and `$defs` in; strict mode tolerates `$defs` but every object must
    list all its properties as required and forbid extra keys, which our models already do.
    """
    schema = model.model_json_schema()
    _strip_titles(schema)
    return schema


def _strip_titles(node: Any) -> None:
    # Titles are noise to the model and to the schema hash; descriptions carry the meaning.
    if isinstance(node, dict):
        node.pop("title", None)
        for value in node.values():
            _strip_titles(value)
    elif isinstance(node, list):
        for item in node:
            _strip_titles(item)


def schema_hash(schema: dict[str, Any]) -> str:
    """A stable hash of a JSON schema, for cache keys."""
    return hashlib.sha256(json.dumps(schema, sort_keys=True).encode()).hexdigest()
