"""The structured summary the model must return.

Every model here is compatible with strict JSON-schema structured outputs: all fields
are required, no extra keys are allowed, optional values are expressed as `null`.
Field descriptions are written as instructions, because the model reads them.

Every list and string has an upper bound (`maxItems`, `maxLength`), sized for a news summary, so
the answer is bounded by construction: a grammar-constrained server (llama.cpp) cannot loop forever
inside the schema, and `output_token_bound` derives the output budget from the bounds.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

# Bounds sized for a news summary. The longest sentence in our example and third-party articles is
# 355 characters (99th percentile 355, median 114), so anything that may hold a verbatim sentence (a
# key point, a statement, a quote) gets 400; the extractive engine fills the lists up to these counts.
MAX_SUMMARY_CHARS = 1000
MAX_SENTENCE_CHARS = 400
MAX_KEY_POINTS = 6
MAX_KEY_FIGURES = 15
MAX_CLAIMS = 8
MAX_FIGURE_CHARS = 80
MAX_MEASURES_CHARS = 120
MAX_SOURCE_CHARS = 120
MAX_FIGURES_PER_CLAIM = 6

# Characters per output token when turning the bounds into a token budget. English prose runs at
# about 4 characters per token; JSON punctuation, figures and quotes run lower, so 3.5 is the margin.
CHARS_PER_TOKEN = 3.5

_SENTENCE_END = re.compile(r"[.!?](?:[\"'”’)\]]*)(?=\s+[\"'“‘(\[]?[A-Z0-9]|\s*$)")


def count_sentences(text: str) -> int:
    """Rough sentence count: terminal punctuation followed by a capital, a digit or the end."""
    return len(_SENTENCE_END.findall(text.strip()))


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class KeyFigure(_Strict):
    """One figure the article reports."""

    figure: str = Field(
        max_length=MAX_FIGURE_CHARS,
        description=(
            "The figure exactly as written in the article, including its currency, unit, scale and any "
            "qualifier such as 'more than' or 'about' (for example 'more than US$1 billion', '40%', "
            "'2.35 million'). Copy it character for character; never convert or round it."
        ),
    )
    measures: str = Field(
        max_length=MAX_MEASURES_CHARS,
        description="What the figure measures, in a few words (for example 'value of crypto stolen in 2023').",
    )
    sentence: str = Field(
        max_length=MAX_SENTENCE_CHARS, description="The article sentence the figure comes from, copied verbatim."
    )

    @field_validator("figure", "measures", "sentence")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


class Claim(_Strict):
    """One statement from the article that a reader could check."""

    statement: str = Field(
        max_length=MAX_SENTENCE_CHARS,
        description="One checkable statement from the article, in one sentence, faithful to the article.",
    )
    source: Annotated[str, Field(max_length=MAX_SOURCE_CHARS)] | None = Field(
        description=(
            "Who makes the statement when the article names a source (a person, organisation or document); "
            "null when the article states it without attribution."
        )
    )
    figures: list[Annotated[str, Field(max_length=MAX_FIGURE_CHARS)]] = Field(
        max_length=MAX_FIGURES_PER_CLAIM,
        description="The figures the statement uses, each exactly as written in the statement; [] if none.",
    )
    evidence: str = Field(
        max_length=MAX_SENTENCE_CHARS,
        description="A quote copied verbatim from the article that supports the statement.",
    )

    @field_validator("statement", "evidence")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be empty")
        return value


class ArticleSummary(_Strict):
    """A structured, source-grounded summary of one news article."""

    summary: str = Field(
        max_length=MAX_SUMMARY_CHARS,
        description=(
            "A neutral summary of the article in 2 to 4 sentences. Use only facts stated in the article; "
            "copy figures exactly as the article writes them."
        ),
    )
    key_points: list[Annotated[str, Field(max_length=MAX_SENTENCE_CHARS)]] = Field(
        max_length=MAX_KEY_POINTS,
        description="The 3 to 6 most important points of the article, one short sentence each, none repeated.",
    )
    key_figures: list[KeyFigure] = Field(
        max_length=MAX_KEY_FIGURES,
        description=(
            f"At most {MAX_KEY_FIGURES} of the article's key figures: money, percentages, counts and dates that "
            "matter to the story."
        ),
    )
    claims: list[Claim] = Field(
        max_length=MAX_CLAIMS,
        description=f"At most {MAX_CLAIMS} checkable claims made in the article, most important first.",
    )

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


# Keywords outside OpenAI's strict structured-outputs subset: strict mode takes minItems/maxItems on
# arrays but refuses string lengths ("maxLength is not permitted"). Pydantic validation and the JSON
# mode schema (which llama.cpp turns into a grammar) keep them.
_NOT_IN_STRICT_SUBSET = frozenset({"maxLength", "minLength"})


def strict_subset(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of `schema` without the keywords OpenAI's strict mode rejects (string lengths)."""
    stripped: dict[str, Any] = _without_keys(schema, _NOT_IN_STRICT_SUBSET)
    return stripped


def _without_keys(node: Any, keys: frozenset[str]) -> Any:
    if isinstance(node, dict):
        return {key: _without_keys(value, keys) for key, value in node.items() if key not in keys}
    if isinstance(node, list):
        return [_without_keys(item, keys) for item in node]
    return node


def output_token_bound(schema: dict[str, Any]) -> int | None:
    """The output tokens the longest answer the schema allows can take, or None when a list or string is unbounded.

    The longest answer fills every list to maxItems and every string to maxLength; its JSON length
    (keys, quotes and separators included) divided by `CHARS_PER_TOKEN` is the budget.
    """
    chars = _max_json_chars(schema, schema.get("$defs", {}))
    return None if chars is None else math.ceil(chars / CHARS_PER_TOKEN)


def _max_json_chars(node: dict[str, Any], defs: dict[str, Any]) -> int | None:  # noqa: PLR0911 - one return per JSON type
    if "$ref" in node:
        return _max_json_chars(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
    if "anyOf" in node:
        sizes = [_max_json_chars(option, defs) for option in node["anyOf"]]
        return None if None in sizes else max(size for size in sizes if size is not None)
    kind = node.get("type")
    if kind == "object":
        total = 2  # {}
        for name, value in node.get("properties", {}).items():
            size = _max_json_chars(value, defs)
            if size is None:
                return None
            total += len(name) + 4 + size  # "name": value,
        return total
    if kind == "array":
        item = _max_json_chars(node.get("items", {}), defs)
        if item is None or "maxItems" not in node:
            return None
        return 2 + int(node["maxItems"]) * (item + 2)
    if kind == "string":
        return None if "maxLength" not in node else int(node["maxLength"]) + 2
    if kind == "null":
        return 4
    return 24  # numbers and booleans


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
