"""Sentence splitting for news text: small, deterministic, good enough to quote sentences back."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (and any closing quotes/brackets) followed by whitespace and a capital,
# a digit or an opening quote. Abbreviations that end in a period and precede a capitalised word
# ("Mr. Smith", "U.S. Treasury") are the usual false boundaries; we refuse to split after them.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt inc ltd co corp no vs etc jan feb mar "  # noqa: SIM905
    "apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m".split()
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its character span in the text it came from."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, paragraph breaks always ending a sentence."""
    sentences: list[Sentence] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        start = paragraph.start()
        chunk = paragraph.group()
        cursor = 0
        for boundary in _BOUNDARY.finditer(chunk):
            last_word = chunk[cursor : boundary.start()].rsplit(None, 1)[-1].rstrip(".!?\"'”’)]").lower()
            if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
                continue
            _append(sentences, chunk, cursor, boundary.start(), start)
            cursor = boundary.end()
        _append(sentences, chunk, cursor, len(chunk), start)
    return sentences


def _append(sentences: list[Sentence], chunk: str, begin: int, end: int, offset: int) -> None:
    piece = chunk[begin:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        sentences.append(Sentence(stripped, offset + begin + lead, offset + begin + lead + len(stripped)))
