"""Ages belong to people: "Lena Holm, 54" is flagged where the article gives Holm another age."""

from __future__ import annotations

import re
from typing import Final

from summarizer.figures import Figure

from .compare import values_equal
from .index import ArticleIndex
from .report import Match
from .words import Around, has_word

_NAME: Final = r"[A-Z][a-z'’-]+(?:\s+(?:[A-Z]\.\s+)?[A-Z][a-z'’-]+)*"

# "Lena Holm, 54", "Lena Holm, aged 54": the name just before the age (the figure holds "aged").
_NAME_BEFORE_RE: Final = re.compile(rf"\b({_NAME}),\s*$")

# "the 54-year-old Lena Holm said", "the 54-year-old Lena Holm,": the name just after an age written
# as an adjective, when a verb or a stop follows it; "the 31-year-old Kelvane Town captain" is a
# team's, not a person's.
_NAME_AFTER_RE: Final = re.compile(rf"\s+({_NAME})(?=\s*(?:[,.;:)]|$)|\s+(?:[a-z]+ed|was|is|has|had|says|won|died)\b)")

_TITLES: Final = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady"})


def name_of(text: str, figure: Figure) -> str:
    """The name an age belongs to, or "" when no name stands right beside it."""
    if figure.kind != "age":
        return ""
    found = _NAME_BEFORE_RE.search(text, max(0, figure.start - 60), figure.start)
    if found is None and figure.text.lower().endswith("old"):
        found = _NAME_AFTER_RE.match(text, figure.end)
    return found.group(1) if found else ""


def _same_person(summary_name: str, article_name: str) -> bool:
    """'Holm' and 'Lena' are 'Lena Holm', and so is 'Rescued Lena Holm' (one name holds the other);
    'Ana Lind' is not 'Marco Lind'; titles aside. Names that hold each other only in part are one
    person when the surnames agree and so does one other name ("Two-goal Tomas Reyes" and "Striker
    Tomas Reyes"); "Striker Reyes" and "Tomas Reyes" are not known to be one."""
    mine = frozenset(summary_name.split()) - _TITLES
    theirs = frozenset(article_name.split()) - _TITLES
    if not mine or not theirs:
        return False
    if mine <= theirs or theirs <= mine:
        return True
    same_surname = summary_name.rsplit(maxsplit=1)[-1] == article_name.rsplit(maxsplit=1)[-1]
    return same_surname and len(mine & theirs) >= _SHARED_NAMES


_SHARED_NAMES: Final = 2  # a surname and one other name


def _may_be_theirs(index: ArticleIndex, figure: Figure, who: str) -> bool:
    """Whether an article age may be the person's: the name beside it is theirs, or it has no name
    beside it and its sentence names them ("Lind was 34 when he took the title"; not "Lind's brother, 29")."""
    beside = name_of(index.text, figure)
    if beside:
        return _same_person(who, beside)
    start, end = index.layout.sentence_of(figure.start)
    if any(
        other is not figure and _same_person(who, name_of(index.text, other))
        for other in index.figures_between(start, end)
    ):
        return False  # "Roe, 39, ... free for residents under 26": the sentence gives Roe's age beside the name
    # The sentence names the person by their surname as a whole word, not as an owner ("Lind", not
    # "Lindqvist" nor "Lind's").
    return has_word(index.text[start:end], who.rsplit(maxsplit=1)[-1], _NOT_OWNER_EDGE_RE)


_AS_AGE_RE: Final = re.compile(r"\s+(?:of\s+(?:age|life)|old)\b", re.IGNORECASE)
_NOT_OWNER_EDGE_RE: Final = re.compile(r"\b(?!['’]s\b)")


def age_of_other_person(figure: Figure, around: Around, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """An age the article gives someone else, where it gives the summary's person another, or
    names that age only for someone else (`_age_named_for_another`)."""
    who = name_of(around.text, figure)
    if not who or any(_may_be_theirs(index, same_age, who) for same_age in equal):
        return None
    for _, other in index.candidates(figure):
        if other.kind == "age" and not values_equal(figure, other) and _same_person(who, name_of(index.text, other)):
            note = f"the article gives {who} the age '{other.text}'"
            return Match("misattributed", other, note, "age-of-person")
    return _age_named_for_another(who, index, equal)


def _age_named_for_another(who: str, index: ArticleIndex, equal: list[Figure]) -> Match | None:
    """The summary's age for a person the article names ("Winner Vesna Brook, 36") where each of the
    article's occurrences of the value is named for someone else ("Ilse Marr, 36"). An owner with
    the summary's surname may be its person by another first name ("Sam" for "Samuel"), unless the
    article names the summary's first name too ("Joseph Kiprono" beside "Samuel Kiprono, 24")."""
    owners = [name_of(index.text, same) if same.kind == "age" else "" for same in equal]
    if not equal or not all(owners):
        return None
    surname = who.rsplit(maxsplit=1)[-1]
    first = who.split(maxsplit=1)[0] if len(who.split()) > 1 else ""
    kin = any(owner.split()[-1] == surname for owner in owners)
    if kin and not (first and has_word(index.text, first, _NOT_OWNER_EDGE_RE)):
        return None
    if not has_word(index.text, surname, _NOT_OWNER_EDGE_RE):
        return None
    return Match("misattributed", equal[0], f"the article's '{equal[0].text}' is {owners[0]}'s age", "age-of-person")


def span_as_age(figure: Figure, around: Around, equal: list[Figure], index: ArticleIndex) -> Match | None:
    """A span of time ("jailed for a total of 33 years") whose value the article gives only as a
    person's age ("Shane Pollard, 33"): an age says how old someone is, not how long anything took.
    A span told as an age ("at 33 years of age", "after 80 years of life") is that age."""
    if figure.kind != "duration" or not equal or _AS_AGE_RE.match(around.text, figure.end):
        return None
    if not all(same.kind == "age" and name_of(index.text, same) for same in equal):
        return None
    who = name_of(index.text, equal[0])
    return Match("misattributed", equal[0], f"the article's '{equal[0].text}' is {who}'s age", "age-of-person")
