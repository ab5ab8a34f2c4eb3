"""The one place that cleans text and splits it into sentences: small, deterministic, good enough to quote back."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Terminal escape sequences (CSI "\x1b[31m", OSC "\x1b]0;title\x07") and lone escapes. Left in, "\x1b[31m"
# reads as a figure "31m" and a terminal acts on the sequence when the text is printed.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?|\x9b[0-?]*[ -/]*[@-~]"
)
# Invisible format characters (zero-width space and joiners, word joiner, soft hyphen, BOM, bidi controls):
# inside a figure they split it in two ("£480\u200bm"), so they are removed, not replaced by a space.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
# Other control characters except tab and newline; a carriage return becomes a newline below.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# A sentence ends at . ! ? (and any closing quotes/brackets) followed by whitespace and a capital,
# a digit or an opening quote. Abbreviations that end in a period and precede a capitalised word
# ("Mr. Smith", "U.S. Treasury") are the usual false boundaries; we refuse to split after them.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt inc ltd co corp no vs etc jan feb mar "  # noqa: SIM905
    "apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m".split()
)


def clean_text(text: str) -> str:
    """`text` with terminal escapes, control and invisible characters removed and line ends made `\\n`.

    Everything that reads article or summary text (figures, grounding, prompts, rendering) sees it
    through this function first, so no invisible character can split or invent a figure.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    # Compatibility forms of digits and signs (full-width "４８０", "％") read as the plain ones.
    if not text.isascii():
        text = "".join(unicodedata.normalize("NFKC", ch) if "\uff01" <= ch <= "\uff5e" else ch for ch in text)
    return text


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
