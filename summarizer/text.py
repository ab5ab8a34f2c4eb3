"""The one place that cleans text and splits it into sentences: small, deterministic, good enough to quote back."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

# Terminal escape sequences (CSI "\x1b[31m", OSC "\x1b]0;title\x07") and lone escapes. Left in, "\x1b[31m"
# reads as a figure "31m" and a terminal acts on the sequence when the text is printed.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?|\x9b[0-?]*[ -/]*[@-~]"
)
# Invisible format characters (zero-width space and joiners, word joiner, soft hyphen, BOM, bidi controls):
# inside a figure they split it in two ("£480\u200bm"), so they are removed, not replaced by a space.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
_FULL_WIDTH = re.compile("[\uff01-\uff5e]+")
# Other control characters except tab and newline; a carriage return becomes a newline below.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

# Any character one of the steps of `clean_text` would change: escapes, controls (carriage return
# included), invisible and full-width characters.
_ANY_UNCLEAN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\uff01-\uff5e]"
)

# A sentence ends at . ! ? (and any closing quotes/brackets) followed by whitespace and a capital,
# a digit or an opening quote. Abbreviations that end in a period and precede a capitalised word
# ("Mr. Smith", "U.S. Treasury") are the usual false boundaries; we refuse to split after them.
# The pattern opens with the end mark itself (not a lookbehind), so the regex engine jumps from mark to
# mark; the boundary begins just after the mark.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt inc ltd co corp no vs etc jan feb mar "  # noqa: SIM905
    "apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u a.m p.m".split()
)
_LONGEST_ABBREVIATION: Final = max(map(len, _ABBREVIATIONS))
# The group `long_word` takes part where the word before the mark is longer than any abbreviation
# (the usual case), so that `_after_abbreviation` need not be asked.
_BOUNDARY_AFTER_MARK = (
    rf"(?P<long_word>(?<=[^\s.!?\"'”’)\]]{{{_LONGEST_ABBREVIATION + 1}}}[.!?]))?"
    r"(?:[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))"
)
_BOUNDARY = re.compile(rf"[.!?]{_BOUNDARY_AFTER_MARK}")
# The same where the text has no "!" nor "?": a pattern that opens with one character is searched
# for far faster than one that opens with a set of three (most texts have full stops only).
_FULL_STOP_BOUNDARY = re.compile(rf"\.{_BOUNDARY_AFTER_MARK}")

# The ASCII characters `_ANY_UNCLEAN` finds (controls but tab and line feed, and DEL).
_ASCII_UNCLEAN: Final = bytes(code for code in range(128) if _ANY_UNCLEAN.match(chr(code)))


def _is_clean_ascii(text: str) -> bool:
    """Whether ASCII text holds none of `_ASCII_UNCLEAN`: told by deleting them from its bytes, a
    fraction of the cost of the regex's search (which tests every character against its class)."""
    raw = text.encode("ascii")
    return len(raw.translate(None, _ASCII_UNCLEAN)) == len(raw)


def clean_text(text: str) -> str:
    """`text` with terminal escapes, control and invisible characters removed and line ends made `\\n`.

    Everything that reads article or summary text (figures, grounding, prompts, rendering) sees it
    through this function first, so no invisible character can split or invent a figure.
    """
    if _is_clean_ascii(text) if text.isascii() else _ANY_UNCLEAN.search(text) is None:
        return text  # most text: one scan instead of five
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROLS.sub("", text)
    # Compatibility forms of digits and signs (full-width "４８０", "％") read as the plain ones.
    if not text.isascii():
        text = _FULL_WIDTH.sub(lambda match: unicodedata.normalize("NFKC", match.group(0)), text)
    return text


# Words that say nothing about what a figure measures: function words, reporting verbs, words of
# change and of scale, small number words. "people" and "others" go with almost any count.
STOPWORDS: Final = frozenset(
    (  # noqa: SIM905 (a word list reads better as text)
        "people others person the a an and or but of to in on at for from by with as is are was were be been "
        "being has have had it its this that these those their there they them he she his her him we our you "
        "your i my me who whom which what when where why how than then so if not no nor also just only very "
        "more most less least over under about around up down out into onto after before since until while "
        "during per said says say told according reported report reports new year years month months week "
        "weeks day days time times percent cent million billion trillion thousand hundred dozen number total "
        "rose rise rises risen rising fell fall falls fallen falling grew grow grows growth increase "
        "increased increases decrease decreased drop dropped drops jump jumped jumps climb climbed some many "
        "much several first second third last next other another all any each both one two three four five "
        "six seven eight nine ten nearly almost approximately roughly record mr mrs ms dr can could would "
        "should will may might must did does do done make made get got "
        # reflexive pronouns are function words too ("the councils pay the first £2m themselves")
        "itself themselves himself herself ourselves yourself yourselves myself "
    ).split()
)
# "killing", "killed" and "kills" share a stem; a suffix leaves three letters at least ("bed", "beds")
SUFFIX_RE: Final = re.compile(r"(?<=[a-z]{3})(?:ing|ed|es|s)$")


@lru_cache(maxsize=8_192)  # bounded: the words of a few dozen articles, never the articles
def stem(word: str) -> str:
    """A word's stem for comparing what figures measure: lower case, no possessive, no -s/-ed/-ing,
    five letters at most; "" for a stop word or a word of two letters."""
    lowered = word.lower()
    if lowered.endswith(("'s", "’s")):
        lowered = lowered[:-2]  # "the boss's": one possessive, not every trailing s ("bo")
    elif lowered.endswith(("'", "’")):
        lowered = lowered[:-1]  # "the boys' entries": a plural's possessive
    if len(lowered) <= 2 or lowered in STOPWORDS:
        return ""
    return SUFFIX_RE.sub("", lowered)[:5]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence and its character span in the text it came from."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text`, paragraph breaks always ending a sentence."""
    return [Sentence(text[start:end], start, end) for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `text`, as `split_sentences` cuts them, without making the sentences."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        offset = paragraph.start()
        chunk = paragraph.group()
        cursor = 0
        boundaries = _BOUNDARY if "!" in chunk or "?" in chunk else _FULL_STOP_BOUNDARY
        for boundary in boundaries.finditer(chunk):
            mark, after = boundary.span()
            end = mark + 1  # after the end mark
            # `lastindex` is 1 when the group `long_word` (the only group) took part
            if boundary.lastindex is None and _after_abbreviation(chunk, cursor, end):
                continue
            # The piece ends with its end mark; only the first of a paragraph can open with white space.
            start = end - len(chunk[cursor:end].lstrip()) if chunk[cursor].isspace() else cursor
            spans.append((offset + start, offset + end))
            cursor = after
        _append(spans, chunk[cursor:], offset + cursor)
    return spans


_PARAGRAPH: Final = re.compile(r"[^\n]+")
_TAIL: Final = 16  # characters at the end of a sentence that usually hold its last word
_CLOSING: Final = ".!?\"'”’)]"  # what may follow the last word of a sentence


def _after_abbreviation(chunk: str, start: int, end: int) -> bool:
    """Whether `chunk[start:end]` ends with an abbreviation ("Mr.", "U.S.") or a single letter ("J."),
    after which a full stop ends no sentence."""
    word_end = end
    while word_end > start and chunk[word_end - 1] in _CLOSING:
        word_end -= 1
    tail = chunk[word_end - _LONGEST_ABBREVIATION - 1 : word_end] if word_end - start > _LONGEST_ABBREVIATION else ""
    if tail and tail.split() == [tail]:
        return False  # the word before the mark is longer than any abbreviation (the usual case)
    last_word = _last_word(chunk, start, end).rstrip(_CLOSING).lower()
    return last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha())


def _last_word(chunk: str, start: int, end: int) -> str:
    """The last white-space-separated word of `chunk[start:end]`, read from its tail when the tail has it."""
    words = chunk[max(start, end - _TAIL) : end].rsplit(None, 1)
    if len(words) == 1 and end - _TAIL > start:  # no white space in the tail: the word may start earlier
        words = chunk[start:end].rsplit(None, 1)
    return words[-1]


def _append(spans: list[tuple[int, int]], piece: str, start: int) -> None:
    """The span of `piece` (which starts at `start`) without its surrounding white space, if anything is left."""
    stripped = piece.lstrip()
    if stripped:
        start += len(piece) - len(stripped)
        spans.append((start, start + len(stripped.rstrip())))
