"""Nouns that count the same kind of thing in other words: "aircraft" and "planes", "posts" and
"jobs", "people" and "residents".

A summary names what a figure counts in words of its own; the rules that ask whether an equal
article figure counts something else ask `same_kind` before they call two nouns different. The
groups are ordinary English synonyms of news counts, not wording from any benchmark. Words are
compared as the check compares them elsewhere: stems cut to four letters. Words whose four letters
are those of common words of another sense ("stores"/"stories", "police"/"policy",
"companies"/"complaints") are left out; some collisions remain ("homes"/"homeless",
"properties"/"proposals", "voters"/"votes").
"""

from __future__ import annotations

from typing import Final

from .words import content_stems, prefixes_of

# Words that count people of any sort: "9,500 people" may be the article's "9,500 residents".
_ANYONE: Final = ("people", "persons")

# Nouns for people of one sort or another: each is counted by "people" too.
_PEOPLE: Final = [
    "residents",
    "inhabitants",
    "citizens",
    "locals",
    "civilians",
    "adults",
    "children",
    "kids",
    "youngsters",
    "pupils",
    "students",
    "workers",
    "staff",
    "employees",
    "personnel",
    "workforce",
    "volunteers",
    "patients",
    "passengers",
    "travellers",
    "commuters",
    "visitors",
    "tourists",
    "spectators",
    "fans",
    "voters",
    "members",
    "customers",
    "users",
    "subscribers",
    "firefighters",
    "nurses",
    "doctors",
    "teachers",
    "soldiers",
    "troops",
    "victims",
    "survivors",
    "migrants",
    "refugees",
    "asylum-seekers",
    "riders",
    "drivers",
    "players",
    "athletes",
    "competitors",
    "prisoners",
    "inmates",
]

# Groups of nouns that count one kind of thing.
_SAME: Final = (
    ("jobs", "posts", "roles", "positions", "redundancies", "layoffs"),
    ("workers", "staff", "employees", "personnel", "workforce"),
    ("residents", "inhabitants", "locals", "householders"),
    ("children", "kids", "youngsters", "pupils"),
    ("soldiers", "troops"),
    ("travellers", "passengers", "commuters"),
    ("prisoners", "inmates"),
    ("planes", "aircraft", "jets", "airliners"),
    ("ships", "vessels", "boats"),
    ("cars", "vehicles"),
    ("lorries", "trucks"),
    ("homes", "houses", "dwellings", "properties"),
    ("shops", "outlets", "branches"),
    # What money is set aside for: "a £50m scheme" is the article's "£50m plan".
    ("plans", "schemes", "projects", "programmes"),
    ("games", "matches", "fixtures", "appearances"),
)


def _prefixes(word: str) -> frozenset[str]:
    return prefixes_of(content_stems(word))


def _tags() -> dict[str, frozenset[str]]:
    tags: dict[str, set[str]] = {}
    for number, group in enumerate(_SAME):
        for word in group:
            for prefix in _prefixes(word):
                tags.setdefault(prefix, set()).add(f"group-{number}")
    for word in _PEOPLE:
        for prefix in _prefixes(word):
            tags.setdefault(prefix, set()).add("person")
    return {prefix: frozenset(found) for prefix, found in tags.items()}


_TAGS: Final = _tags()

# "people" is a stop word to the stemmer: the rules pass it cut to four letters like the rest.
_ANYONE_PREFIXES: Final = frozenset(word[:4] for word in _ANYONE)


def same_kind(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two sets of counted words (four-letter prefixes, and "people"-like words as they are)
    name one kind of thing: a shared group ("planes" and "aircraft"), or people of any sort on
    one side and people of some sort on the other ("people" and "firefighters")."""
    mine_tags = _tags_of(mine)
    theirs_tags = _tags_of(theirs)
    if mine_tags & theirs_tags - {"person"}:
        return True
    return bool(
        ("anyone" in mine_tags and theirs_tags & {"person", "anyone"})
        or ("anyone" in theirs_tags and mine_tags & {"person", "anyone"})
    )


def _tags_of(words: frozenset[str]) -> frozenset[str]:
    found: set[str] = set()
    for word in words:
        if word in _ANYONE_PREFIXES:
            found.add("anyone")
        found.update(_TAGS.get(word, ()))
    return frozenset(found)
