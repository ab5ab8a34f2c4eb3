"""The embedded default engine: a deterministic extractive summary, no model and no network.

Everything it returns is copied from the article (lead sentences, figures, the sentences that hold
them), so it is grounded by construction. It is what `summarizer summarize` does when no model is
configured, and it says so in its provenance.
"""

from __future__ import annotations

import re

from .figures import Figure, find_figures
from .grounding.frames import FrameReader
from .schemas import (
    MAX_CLAIMS,
    MAX_FIGURE_CHARS,
    MAX_FIGURES_PER_CLAIM,
    MAX_KEY_FIGURES,
    MAX_KEY_POINTS,
    MAX_MEASURES_CHARS,
    MAX_SENTENCE_CHARS,
    MAX_SOURCE_CHARS,
    MAX_SUMMARY_CHARS,
    ArticleSummary,
    Claim,
    KeyFigure,
)
from .text import Sentence, split_sentences

# Figures worth listing as key figures: amounts, shares and counts, not bare years or ordinals.
_KEY_KINDS = frozenset({"money", "percent", "fraction", "count"})
_MAX_SUMMARY_WORDS = 90
_MAX_POINTS = min(5, MAX_KEY_POINTS)

# Who makes a statement: "..., said Peter Ward", "according to the port authority", "The agency said".
_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.-]*){0,4}"
_SOURCE_PATTERNS = (
    re.compile(rf"\b(?:said|says)\s+({_NAME})"),
    re.compile(rf"\baccording to\s+((?:the\s+|a\s+|an\s+)?(?:{_NAME}|[a-z][\w ]{{2,60}}?))(?=[,.;:]|$)"),
    re.compile(
        rf"({_NAME}|(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+){{0,3}}[a-z]+)\s+(?:said|says|reported|announced|warned|argues|estimates?)\b"
    ),
)
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)]*$")
_PRONOUNS = frozenset({"It", "He", "She", "They", "We", "I", "This", "That", "Which", "Who"})


def extractive_summary(article: str, *, title: str | None = None) -> ArticleSummary:
    """Build an ArticleSummary from the article's own sentences and figures."""
    body = _body_sentences(article)
    if not body:
        # A text with no full sentence (a list, a headline): use what there is, verbatim.
        body = split_sentences(article)
    lead = _lead(body)
    # Sentences are copied whole; one longer than the schema allows is not copied (the lead is clipped).
    quotable = [sentence for sentence in body if len(sentence.text) <= MAX_SENTENCE_CHARS]
    points = _key_points(quotable, lead)
    figures = [(figure, sentence) for sentence in quotable for figure in _key_figures_of(sentence)]
    summary = _clipped(" ".join(sentence.text for sentence in lead), MAX_SUMMARY_CHARS)
    return ArticleSummary(
        summary=summary,
        key_points=[sentence.text for sentence in points] or [_clipped(lead[0].text, MAX_SENTENCE_CHARS)],
        key_figures=_key_figures(figures),
        claims=_claims(quotable),
    )


def _clipped(text: str, limit: int) -> str:
    """`text`, cut at the last word boundary before `limit` characters when it is longer."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _body_sentences(article: str) -> list[Sentence]:
    # Headlines, bylines and captions have no closing punctuation or are very short.
    return [
        sentence
        for sentence in split_sentences(article)
        if _ENDS_SENTENCE.search(sentence.text) and len(sentence.text.split()) >= 6
    ]


def _lead(body: list[Sentence]) -> list[Sentence]:
    """The first two to four sentences, stopping early once the summary is long enough."""
    lead: list[Sentence] = []
    words = 0
    for sentence in body[:4]:
        if len(lead) >= 2 and words + len(sentence.text.split()) > _MAX_SUMMARY_WORDS:
            break
        lead.append(sentence)
        words += len(sentence.text.split())
    return lead


def _key_points(body: list[Sentence], lead: list[Sentence]) -> list[Sentence]:
    """Sentences after the lead that carry the most figures, in article order."""
    rest = [sentence for sentence in body if sentence not in lead]
    ranked = sorted(rest, key=lambda sentence: (-len(_key_figures_of(sentence)), sentence.start))
    return sorted(ranked[:_MAX_POINTS], key=lambda sentence: sentence.start)


def _key_figures_of(sentence: Sentence) -> list[Figure]:
    return [f for f in find_figures(sentence.text) if f.kind in _KEY_KINDS and not f.vague]


def _key_figures(figures: list[tuple[Figure, Sentence]]) -> list[KeyFigure]:
    """The most telling figures (see _rank), earliest first, up to the limit; listed in article order."""
    figures = [(figure, sentence) for figure, sentence in figures if len(figure.text) <= MAX_FIGURE_CHARS]
    unique = list({figure.text: (figure, sentence) for figure, sentence in reversed(figures)}.values())[::-1]
    ranked = sorted(range(len(unique)), key=lambda i: (_rank(unique[i][0]), i))
    chosen = sorted(ranked[:MAX_KEY_FIGURES])
    return [
        KeyFigure(
            figure=figure.text,
            measures=_clipped(_measures(sentence.text, figure), MAX_MEASURES_CHARS),
            sentence=sentence.text,
        )
        for figure, sentence in (unique[i] for i in chosen)
    ]


# Punctuation that ends a phrase; not the point or comma inside "1.62" or "40,000".
_CLAUSE_END = re.compile(r"[.,](?!\d)|[;:!?()“”\"]|\s[-–—]\s")
_FUNCTION_WORDS = frozenset({"of", "in", "to", "from", "by", "for", "a", "an", "the", "and", "or", "on", "at"})


def _rank(figure: Figure) -> int:
    """Money, shares and large or qualified counts carry most stories; small counts and fractions come last."""
    if figure.kind in {"money", "percent"} or figure.qualifier or (figure.value or 0) >= 1000:
        return 0
    return 1


def _measures(sentence: str, figure: Figure) -> str:
    """What the figure measures, read by the figure check's own binding (`grounding.frames`): the
    phrase it governs ("300,000 computers"), else the words that govern it. When the sentence's
    structure gives neither, the words around it within its clause."""
    label = FrameReader(sentence, find_figures(sentence)).frame(figure).label
    return label or _context(sentence, figure)


def _context(sentence: str, figure: Figure) -> str:
    """The words after the figure within its clause, or, when nothing follows, the ones before."""
    after = _CLAUSE_END.split(sentence[figure.end :], maxsplit=1)[0].split()[:8]
    if len(after) >= 2 or (after and after[0].isalpha() and after[0] not in _FUNCTION_WORDS):
        return " ".join(after)
    before = _CLAUSE_END.split(sentence[: figure.start])[-1].split()[-8:]
    return " ".join(before) or figure.text


def _claims(body: list[Sentence]) -> list[Claim]:
    claims: list[Claim] = []
    for sentence in body:
        figures = [figure for figure in _key_figures_of(sentence) if len(figure.text) <= MAX_FIGURE_CHARS]
        if not figures:
            continue
        claims.append(
            Claim(
                statement=sentence.text,
                source=_clipped_source(sentence.text),
                figures=[figure.text for figure in figures[:MAX_FIGURES_PER_CLAIM]],
                evidence=sentence.text,
            )
        )
    return claims[:MAX_CLAIMS]


def _source(sentence: str) -> str | None:
    for pattern in _SOURCE_PATTERNS:
        match = pattern.search(sentence)
        if match and match.group(1).split()[0].capitalize() not in _PRONOUNS:
            return match.group(1).strip(" ,.")
    return None


def _clipped_source(sentence: str) -> str | None:
    source = _source(sentence)
    return None if source is None else _clipped(source, MAX_SOURCE_CHARS)
