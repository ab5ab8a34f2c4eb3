"""Long articles: decided by token count, split into chunks, figures and claims extracted chunk by chunk.

An article whose estimated tokens (with the prompt and the answer's budget) exceed the context size is
not sent whole. Each chunk is asked for its key figures and checkable claims, each with the sentence it
comes from, verbatim; the summary is then written from those sentences -- the article's own words, in
the article's order -- never from summaries of chunks. The figure check runs against the whole article.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .grounding import quote_in_article
from .schemas import Claim, KeyFigure
from .text import split_sentences
from .tokens import tokens_for_characters

NOTES_SCHEMA_NAME = "chunk_notes"
# What a request needs besides the article: system prompt, schema, instructions (measured: ~1,500).
PROMPT_OVERHEAD_TOKENS = 2_000
# The answer's share of the context when no output budget is set.
DEFAULT_ANSWER_TOKENS = 4_000
_FENCED_JSON = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


class ChunkNotes(BaseModel):
    """What one chunk of a long article contributes: its key figures and claims, each with its sentence."""

    model_config = ConfigDict(extra="forbid")

    key_figures: list[KeyFigure] = Field(
        description="Every figure in this part that matters to the story (money, percentages, counts, dates), "
        "each with the sentence it comes from, copied verbatim.",
        max_length=20,
    )
    claims: list[Claim] = Field(description="Checkable claims made in this part, most important first.", max_length=10)


def estimate_tokens(text: str) -> int:
    """Tokens of `text`, estimated without a tokenizer: about 4 characters or 3/4 of a word per token.

    No tokenizer ships with the package (the usual one downloads its tables at run time); the larger
    of the two estimates errs on the side of splitting.
    """
    return max(tokens_for_characters(len(text)), math.ceil(len(text.split()) * 4 / 3))


def chunk_budget(context_tokens: int, answer_tokens: int | None) -> int:
    """Tokens of article one request may carry under a context of `context_tokens`."""
    return max(context_tokens - PROMPT_OVERHEAD_TOKENS - (answer_tokens or DEFAULT_ANSWER_TOKENS), 500)


def is_long(article: str, context_tokens: int, answer_tokens: int | None) -> bool:
    """Whether the article must be split to fit the context."""
    return estimate_tokens(article) > chunk_budget(context_tokens, answer_tokens)


def split_into_chunks(article: str, budget: int) -> list[str]:
    """The article in consecutive pieces of at most `budget` estimated tokens, cut between paragraphs,
    else between sentences, else (a sentence longer than a chunk) between words."""
    pieces = _pieces(article, budget)
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for piece in pieces:
        tokens = estimate_tokens(piece) + 1  # the paragraph break that joins it costs at most one more
        if current and size + tokens > budget:
            chunks.append("\n\n".join(current))
            current, size = [], 0
        current.append(piece)
        size += tokens
    if current:
        chunks.append("\n\n".join(current))
    return chunks


def _pieces(article: str, budget: int) -> Iterable[str]:
    for paragraph in filter(None, (part.strip() for part in re.split(r"\n\s*\n", article))):
        if estimate_tokens(paragraph) <= budget:
            yield paragraph
            continue
        for sentence in split_sentences(paragraph):
            if estimate_tokens(sentence.text) <= budget:
                yield sentence.text
                continue
            words = sentence.text.split()
            step = max(budget * 3 // 4, 1)
            for start in range(0, len(words), step):
                yield " ".join(words[start : start + step])


def parse_notes(content: str | None) -> ChunkNotes | list[str]:
    """The chunk's notes, or the problems to send back to the model."""
    text = (content or "").strip()
    if not text:
        return ["the answer was empty; reply with the JSON object"]
    fenced = _FENCED_JSON.match(text)
    if fenced:
        text = fenced.group(1)
    try:
        return ChunkNotes.model_validate(json.loads(text))
    except json.JSONDecodeError as error:
        return [f"the answer is not valid JSON ({error.msg} at line {error.lineno} column {error.colno})"]
    except ValidationError as error:
        return [
            f"{'.'.join(str(part) for part in detail['loc']) or '(top level)'}: {detail['msg']}"
            for detail in error.errors(include_url=False)
        ]


def extracted_text(article: str, notes: Iterable[ChunkNotes]) -> str:
    """The sentences the notes point to, verbatim and in the article's order, each once.

    Only sentences (and evidence quotes) that really are in the article are kept: a chunk's notes are
    the model's, and a sentence it invented must not become the source of the summary.
    """
    quotes: list[str] = []
    for note in notes:
        quotes += [figure.sentence for figure in note.key_figures]
        quotes += [claim.evidence for claim in note.claims]
    sentences = split_sentences(article)
    starts = [sentence.start for sentence in sentences]
    kept: dict[int, str] = {}
    for quote in (quote.strip() for quote in quotes):
        if not quote or not quote_in_article(quote, article):
            continue
        position = article.find(quote)
        if position < 0:
            # Found only with tolerance (quote marks, spacing): keep the quote itself, after the rest.
            kept.setdefault(len(article) + len(kept), quote)
            continue
        first = max(bisect.bisect_right(starts, position) - 1, 0)
        for sentence in sentences[first:]:
            if sentence.start >= position + len(quote):
                break
            kept.setdefault(sentence.start, sentence.text)
    return "\n\n".join(kept[start] for start in sorted(kept))
