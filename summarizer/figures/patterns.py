"""The compiled regular expressions of the figure parser, built once at import from `lexicon`.

Each regex finds one shape of figure ("$4.5bn", "3 March 2020", "four in ten") or reads the words
just before or after one ("aged", "years old", "more than"). `extract` decides what a match means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

from summarizer import text as _text

from .lexicon import (
    CURRENCY_WORDS,
    DECADE_LEADS,
    DENOMINATORS,
    DOLLAR_NATIONS,
    DURATION_ADJECTIVES,
    MEASURE_UNITS,
    MONTHS,
    NAME_PREFIXES,
    ORDINALS,
    QUALIFIERS,
    SCALES,
    SUFFIX_SCALES,
    TENS,
    TIME_UNIT_ABBREVIATIONS,
    TIME_UNITS,
    UNITS,
    VULGAR_FRACTIONS,
)

_Tree = dict[str, "_Tree"]  # a word tree: each character leads to the rest; "" marks the end of a word


def alternation(words: Iterable[str], tails: Mapping[str, str] | None = None) -> str:
    """A regex alternation of words that prefers the longest match, written as a tree of shared
    prefixes ("d(?:inar(?:s)?|ollar(?:s)?)" rather than four words tried one by one): where several words
    fit the text, they are tried longest first, as in a flat alternation sorted by length.

    `tails`: for some words, a regex that must match where the word ends (a look-ahead, say).
    """
    tree: _Tree = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree, "", tails or {})


def _branches(node: _Tree, prefix: str, tails: Mapping[str, str]) -> str:
    # A space in a phrase ("more than") matches any run of spaces ("more  than").
    alternatives = [
        (r"\s+" if char == " " else re.escape(char)) + _branches(child, prefix + char, tails)
        for char, child in sorted(node.items())
        if char
    ]
    tail = tails.get(prefix, "")
    if not alternatives:
        return tail
    if "" in node:  # a word ends here: the longer words first, then the end
        # The end as a last alternative (empty, or the word's tail) rather than "(?:...)?": the same
        # match, but `re` runs an optional group as a repeat, which costs far more than one more alternative.
        return f"(?:{'|'.join(alternatives)}|{tail})"
    return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"


_UNIT_W = alternation(UNITS)
_TENS_W = alternation(TENS)
_SCALE_W = alternation(SCALES)
_MONTH_W = alternation(MONTHS)
_HYPHEN = r"(?:\s*[-\u2013]\s*)"

# "twenty-five", "twenty five", "two hundred and six": a cardinal written in words.
_SMALL_WORDS = rf"(?:(?:{_TENS_W})(?:(?:{_HYPHEN}|\s+)(?:{_UNIT_W}))?|(?:{_UNIT_W}))"
_WORD_NUMBER = rf"(?:{_SMALL_WORDS}(?:\s+hundred(?:\s+(?:and\s+)?{_SMALL_WORDS}(?![\w-]))?)?)"

# "25, 000" is how tokenised XSum text writes 25,000.
_DIGITS = r"(?:\d{1,3}+(?:,\s?\d{3})+(?!\d)|\d+)(?:\.\d+|)"
_CURRENCY_CODES = r"usd|gbp|eur|jpy|cny|inr|aud|cad|chf"
_CURRENCY_SIGN = rf"(?:(?:us|a|au|c|ca|nz|hk|s|)\$|£|€|¥|₹|\#|(?<![A-Za-z])(?:{_CURRENCY_CODES}|rs\.?)\s?)"
_CURRENCY_WORD = alternation([*(w + "s" for w in CURRENCY_WORDS), *CURRENCY_WORDS])
_DOLLAR_NATION = alternation(DOLLAR_NATIONS)
_SUFFIX = alternation(SUFFIX_SCALES)
_TIME_UNIT_W = "|".join(TIME_UNITS)
_SEP = rf"(?:{_HYPHEN}|\s+)"  # between the words of a phrase, spaced or hyphenated ("two-and-a-half")

# What "half a" / "half an" can be half of, read as one figure: a scale ("half a million"), a dozen,
# a time unit ("half an hour"), a percentage point or a common measure ("half a mile"). Anything
# else ("half a loaf") is no figure; "half of" is a share (_fraction_words).
_HALF_OF_UNIT = (
    rf"(?:{_SCALE_W}|dozen|{_TIME_UNIT_W}|percentage\s+point"
    r"|mile|metre|meter|kilometre|kilometer|kilo|kilogram|tonne|ton|inch|degree|acre|hectare)(?![\w])"
)

# "two and a half", "two-and-a-half", "2½": a whole number and a half (or quarter), read as one value.
_AND_A_HALF = rf"{_SEP}and{_SEP}an?{_SEP}half(?![\w])"
# What may follow the number in NUMBER_RE ("and a half", "½", a scale, "per cent", a currency word)
# starts, after spaces and hyphens, with the first three letters of one of these words: where none
# does, a cheap look-ahead skips the four optional groups (most numbers are followed by a noun, and
# three letters tell "the" from "thousand").
_TAIL_WORDS = (
    "and",
    *VULGAR_FRACTIONS,
    *SUFFIX_SCALES,
    *SCALES,
    "dozen",
    *("%", "per", "pc"),
    *DOLLAR_NATIONS,
    *CURRENCY_WORDS,
)
_TAIL_LETTERS = "".join(sorted(word for word in _TAIL_WORDS if len(word) == 1 and word.isalpha()))  # "6m"
_TAIL_SIGNS = "".join(sorted(word for word in _TAIL_WORDS if len(word) == 1 and not word.isalpha()))  # "6%"
_TAIL_GATE = (
    rf"[\s\-\u2013]*+(?:{alternation({word[:3] for word in _TAIL_WORDS if len(word) > 1})}"
    rf"|[{_TAIL_LETTERS}](?![\w])|[{re.escape(_TAIL_SIGNS)}])"
)
# Optional groups here are written "(?:...|)", not "(?:...)?": the same match, but `re` runs "?" on a
# group as a repeat, which costs several times one more alternative, and this regex reads every number.
NUMBER_RE: Final = re.compile(
    rf"""
    (?:(?P<currency>{_CURRENCY_SIGN}\s?)|)
    (?:
        (?P<half>half){_SEP}an?(?={_SEP}{_HALF_OF_UNIT})
      | (?<![\w-])(?P<article>an?)(?=\s+(?:hundred|thousand|million|billion|trillion|dozen)\b
                                    |\s+(?:{_TIME_UNIT_W}){_AND_A_HALF})
      | (?:(?<![\w.,'’])|(?<=(?<![A-Za-z])(?:{_CURRENCY_CODES})))(?<!\d:)
        (?P<digits>{_DIGITS})(?![\w,]*\d)(?!:\d)(?!\s?(?:st|nd|rd|th)(?![\w]))
      | (?<![\w-])(?P<words>{_WORD_NUMBER})(?![\w])
    )
    (?:(?={_TAIL_GATE})
        (?:(?P<and_half>{_AND_A_HALF}|\s?[½¼¾])|)
        (?:(?P<scale>
            \s?(?:{_SUFFIX})(?![\w])(?!/(?:ha|h|hr|s|km|kg|l|m)(?![\w]))  # not "7.1 t/ha", "30 m/s": a unit's letter
          | (?:{_HYPHEN}|\s+)(?:{_SCALE_W}|dozen)(?:\s+(?:{_SCALE_W})|)(?![\w])
        )|)
        (?:(?P<percent>\s?%|\s*per\s?cent(?![\w])|\s+percent(?![\w])|\s+percentage\s+points?(?![\w])|\s+pc(?![\w]))|)
        (?:(?P<currency_word>\s+(?:(?:{_DOLLAR_NATION})\s+|)(?:{_CURRENCY_WORD})(?:\s+sterling|)(?![\w]))|)
    |)
    """,
    re.IGNORECASE | re.VERBOSE,
)
DATE_RE: Final = re.compile(
    rf"""
    (?<![\w])
    (?:
        (?P<m1>{_MONTH_W})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<y1>\d{{4}}))?
      | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH_W})\.?(?:,?\s+(?P<y2>\d{{4}}))?
      | (?P<m3>{_MONTH_W})\.?,?\s+(?P<y3>\d{{4}})
    )
    (?![\w])
    """,
    re.IGNORECASE | re.VERBOSE,
)
DECADE_RE: Final = re.compile(r"(?<![\w$£€])(?:(?P<century>1[89]|20)?(?P<tens>\d)0\s?'?s|'(?P<short>\d)0s)(?![\w])")
ORDINAL_DIGIT_RE: Final = re.compile(r"(?<![\w.,])(?P<n>\d+)\s?(?:st|nd|rd|th)(?![\w])", re.IGNORECASE)
ORDINAL_WORD_RE: Final = re.compile(rf"(?<![\w-])(?:{alternation(ORDINALS)})(?![\w])", re.IGNORECASE)
IN_RATIO_RE: Final = re.compile(
    rf"(?<![\w.,-])(?P<num>{_SMALL_WORDS}|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<den>{_SMALL_WORDS}|\d+)(?![\w])",
    re.IGNORECASE,
)
FRACTION_RE: Final = re.compile(
    rf"""
    (?<![\w-])
    (?:
        (?P<num>{_UNIT_W}|an?){_HYPHEN}?\s*(?P<den>{alternation(DENOMINATORS)})
      | (?P<half>half)
    )
    (?![\w-])
    """,
    re.IGNORECASE | re.VERBOSE,
)
VAGUE_RE: Final = re.compile(
    r"(?<![\w-])(?:(?P<plural>dozens|scores|hundreds|thousands|millions|billions|tens\s+of\s+thousands)"
    r"|(?P<several>several))(?![\w-])",
    re.IGNORECASE,
)
QUALIFIER_BEFORE_RE: Final = re.compile(rf"(?:(?<=\W)|^)(?P<q>{alternation(QUALIFIERS)})\s+$", re.IGNORECASE)
# An age: "aged 77", "at the age of 77", "age 77", "died at 77", "dies at 77".
# "the over-50s", "under-16s": an age group, told by its bound ("those aged 50 and over").
AGE_GROUP_BEFORE_RE: Final = re.compile(r"\b(?:over|under)-$", re.IGNORECASE)  # not "under 10s" (seconds)
AGED_BEFORE_RE: Final = re.compile(r"(?:^|\W)(?:aged|age(?:\s+of)?|(?:died|dies|dead|death)\s+at)\s+$", re.IGNORECASE)
# An age in apposition: "Tomas Berg, 83, said": a capitalised word and a comma before, a comma after.
APPOSITION_BEFORE_RE: Final = re.compile(r"(?<![\w'’.-])[A-Z][\w'’.-]*,\s+$")
FULL_NAME_APPOSITION_BEFORE_RE: Final = re.compile(r"(?<![\w'’.-])[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+,\s+$")
SENTENCE_END_RE: Final = re.compile(r"[.;](?:\s|$)")
# A minus sign right before a number, itself after a space, a bracket or the start: "to -0.3%"; not
# the margin of "plus or minus 2.2 points", which is no value below zero.
MINUS_BEFORE_RE: Final = re.compile(
    r"(?:^|(?<=[\s(]))(?P<sign>[-\u2212]|(?<!plus or )(?<!plus-or-)minus\s+)$", re.IGNORECASE
)
AGE_IN_LIST_BEFORE_RE: Final = re.compile(r"[A-Z][\w'’.-]*,\s+\d{1,3},\s+(?:and\s+)?[^.;]*$")
# An earthquake's magnitude: "magnitude 6.3", "magnitude-6.3", "6.3-magnitude", "a 6.3 quake",
# "6.3 on the Richter scale".
MAGNITUDE_AFTER_RE: Final = re.compile(rf"(?:{_HYPHEN}|\s+)(?:magnitude|on\s+the\s+richter)(?![\w])", re.IGNORECASE)
MAGNITUDE_NOUN_AFTER_RE: Final = re.compile(
    rf"(?:{_HYPHEN}|\s+)(?:earthquake|quake|tremor|temblor|aftershock)(?![\w-])", re.IGNORECASE
)
MAGNITUDE_BEFORE_RE: Final = re.compile(rf"(?:^|\W)magnitude(?:{_HYPHEN}|\s+(?:of\s+)?)$", re.IGNORECASE)
ARTICLE_BEFORE_RE: Final = re.compile(r"(?:^|\W)an?\s+$", re.IGNORECASE)
# An ordinal that counts years since an event: "the 60th anniversary", "her ninetieth birthday".
ANNIVERSARY_AFTER_RE: Final = re.compile(r"\s+(?:anniversary|birthday|jubilee)(?![\w])", re.IGNORECASE)
# A vague plural that counts something: "scores of boats", "dozens more", "thousands upon thousands".
VAGUE_OF_AFTER_RE: Final = re.compile(r"\s+(?:of|more|upon)(?![\w-])", re.IGNORECASE)
# What may follow a capitalised vague plural that is a name, not an amount ("Dozens, a bakery").
NAME_AFTER_RE: Final = re.compile(r"\s*[,;:)]|\s+[A-Z]")
# The start of a sentence: nothing, or an end mark, before (opening quotes and brackets aside).
SENTENCE_START_BEFORE_RE: Final = re.compile(r"(?:^|[.!?]|\n)[\s\"'“‘(\[]*$")
# What may follow a plain number and say what it counts, as one regex (matched once per number; the
# first alternative that matches wins, in the order `extract._plain_number` reads them):
# - an age: "77-year-old", "77 years old";
_AGE_AFTER = rf"(?:{_HYPHEN}|\s+)years?{_HYPHEN}old(?![\w])|\s+years?\s+old(?![\w])"
# - a time unit: "three weeks", "11 consecutive years", "48 hrs", a short one written on ("3min 20sec"),
#   a period hyphened on ("three-weekly");
_TIME_UNIT_AFTER = (
    rf"(?:(?:{_HYPHEN}|\s+)(?:(?:{alternation(DURATION_ADJECTIVES)})\s+|)"
    rf"|(?=(?:{alternation(TIME_UNIT_ABBREVIATIONS)})s?(?![\w])))"
    rf"(?P<time_unit>{'|'.join(TIME_UNITS)}|centuries|{alternation(TIME_UNIT_ABBREVIATIONS)})"
    # "three-weekly collections" come every three weeks
    # (after a hyphen or an en dash, as `_HYPHEN` reads them: "three\u2013weekly" too)
    r"(?:s|(?:(?<=[-\u2013]week)|(?<=[-\u2013]month)|(?<=[-\u2013]year)|(?<=[-\u2013]hour))ly)?(?![\w])"
    # "36 second-hand buses", "a second-rate side": "second" as an ordinal in a compound, no unit
    r"(?![-\u2013](?:hand|rate|class|guess|tier|string)\b)"
)
# - a temperature: "18.3C", "64.9°F" (case-sensitive: "c" and "f" are no units);
_TEMPERATURE_AFTER = r"\s?°\s?[CF]?|[CF](?![\w])"
# - a unit of measure: "12 miles", "70mph", "300g", "12 sq. km".
#   Pence written short only right after the number ("55.2p", "a 4p rise"; not "5 p.m.").
_MEASURE_AFTER = (
    r"(?:(?:\s?|[-\u2013])(?P<measure_unit>km\s?/\s?h|sq\.? (?:mi|km|m|ft)"
    r"|square[\s-](?:miles?|kilomet(?:re|er)s?|met(?:re|er)s?|f(?:ee|oo)t)|"
    + alternation(unit for unit in MEASURE_UNITS if "/" not in unit and " " not in unit)
    + r")|(?P<pence>p)(?!\.[a-z]))(?![\w/])"
)
# Each alternative starts, after spaces and hyphens, with the first three letters of one of these
# words, a one-letter unit alone ("300g", "18C") or a degree sign: where none does, a cheap
# look-ahead fails the whole regex (most numbers are followed by a noun that is no unit, and three
# letters tell "to" from "tonnes", "in" from "inches").
_UNIT_WORDS = (
    "year",
    *DURATION_ADJECTIVES,
    *TIME_UNITS,
    "centuries",
    *TIME_UNIT_ABBREVIATIONS,
    "km",
    "sq",
    *MEASURE_UNITS,
    *"CFp",
)
_UNIT_GATE = (
    rf"[\s\-\u2013]*+(?:(?i:{alternation({word[:3] for word in _UNIT_WORDS if len(word) > 1})}"
    rf"|[{''.join(sorted({word for word in _UNIT_WORDS if len(word) == 1}))}](?![\w]))|°)"
)
AFTER_NUMBER_RE: Final = re.compile(
    rf"(?={_UNIT_GATE})"
    rf"(?:(?P<age>(?i:{_AGE_AFTER}))|(?P<duration>(?i:{_TIME_UNIT_AFTER}))"
    rf"|(?P<temperature>{_TEMPERATURE_AFTER})|(?P<measure>(?i:{_MEASURE_AFTER})))"
)
DECADE_WORD_RE: Final = re.compile(
    rf"(?<![\w-])(?P<pre>a|one|the\s+(?:{'|'.join(DECADE_LEADS)}))\s+(?P<unit>decade|century)(?![\w-])", re.I
)
ONE_CONTEXT_AFTER_RE: Final = re.compile(rf"^(?:{_HYPHEN}\w|\s+(?:{'|'.join(TIME_UNITS)})s?\b)", re.I)
LISTED_ONE_RE: Final = re.compile(
    r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten))\b[\w\s-]{0,30}\s(?:and|plus)\s+$", re.I
)
NUMBER_BEFORE_RE: Final = re.compile(r"(?:^|\W)(?:number|no\.)\s+$", re.IGNORECASE)
FRACTION_CONTEXT_AFTER_RE: Final = re.compile(
    r"^\s+(?:of|an?|the|their|its|his|her|our|them|those|these|all)\b|^\s*[.,;:)!?]|^\s*$", re.IGNORECASE
)
HALF_OF_UNIT_RE: Final = re.compile(rf"^{_SEP}an?{_SEP}{_HALF_OF_UNIT}", re.IGNORECASE)
AND_A_HALF_AFTER_RE: Final = re.compile(rf"{_AND_A_HALF}(?!-)", re.IGNORECASE)  # not "two sons and a half-sister"
AND_BEFORE_RE: Final = re.compile(r"(?:^|\W)and\s+$", re.IGNORECASE)
FRACTION_CONTEXT_BEFORE_RE: Final = re.compile(r"(?:^|\W)(?:by|than|in|nearly|almost|about|over)\s+$", re.I)
# "grew by a quarter in five years", "cut by a third from £57m", "a fall of a fifth over the year",
# "prices of nearly a fifth over": a change's size, where no noun follows (not "the end of a quarter").
_SIZE_QUALIFIER = r"nearly|almost|about|around|roughly|some|(?:just\s+)?(?:over|under)|(?:more|less)\s+than"
BY_BEFORE_RE: Final = re.compile(
    r"(?:^|\W)(?:(?:by|(?:(?:rise|fall|drop|increase|decrease|cut|jump|gain|decline|reduction|slump|surge|slide|hike"
    r"|plunge|climb|rally|dip|leap|boost)s?|growth|loss|losses)\s+of)"
    rf"(?:\s+(?:{_SIZE_QUALIFIER}))?|of\s+(?:{_SIZE_QUALIFIER}))\s+$",
    re.IGNORECASE,
)
CHANGE_SIZE_AFTER_RE: Final = re.compile(
    r"^\s+(?:to(?!\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)\b)"  # no clock
    r"|in|from|on|over|since|this|last|and|than|compared|between|after|before|within|during)\b",
    re.IGNORECASE,
)
# "the number six months later": "number" as a noun before a span, not a rank.
SPAN_AFTER_RE: Final = re.compile(rf"\s+(?:{_TIME_UNIT_W}|centuries)s?\b", re.IGNORECASE)
ORDINAL_BEFORE_RE: Final = re.compile(rf"(?:{alternation(ORDINALS)}|\d(?:st|nd|rd|th))\s+$", re.IGNORECASE)
_NAME_NUMBER = rf"(?:\d{{1,4}}|{_UNIT_W}|i{{1,3}}|iv|v|vi{{1,3}})"
NAME_RE: Final = re.compile(
    rf"""
    (?<![\w-])
    (?:
        (?P<prefix>{alternation(NAME_PREFIXES)})\s+(?P<n1>{_NAME_NUMBER})(?![\w%£$€-]|\s?(?:%|per\s?cent|m\b|bn\b))
      | (?P<n2>{_UNIT_W}|tri)\s+(?P<suffix>nations)
      | (?P<rank>number|no\.|(?-i:No)(?=\s?\d))\s?(?P<n3>\d{{1,3}}|{_SMALL_WORDS})
      | (?P<top>top)(?P<top_sep>{_SEP})(?P<n4>\d{{1,3}}|{_SMALL_WORDS})
        (?![\w%£$€-]|[.,]\d|\s?(?:%|per\s?cent|percent|pc\b|[mbk]n?\b|thousand|million|billion))
      | (?P<war>first|second)\s+world\s+war
      | (?P<alias>ww(?:ii?|1|2)|f1)
      | (?!(?:{_CURRENCY_CODES})\d)(?P<code>[a-z]{{1,3}}\d{{1,4}}[a-z]?|twenty20|t20|[a-z]{{2,8}}-\d{{1,3}})
    )
    (?![\w])
    """,
    re.IGNORECASE | re.VERBOSE,
)

# What may follow the last word of a noun phrase: punctuation, the end, or a word that is no noun.
# "in the top six." ends there, "from six hours to 12 on Friday" too; "top six clubs" and "to 12
# people" go on to the noun that the number counts.
PHRASE_END_RE: Final = re.compile(
    r"\s*(?:[.,;:)!?\"'”’]|$)|\s+(?:a|an|the|this|that|all|last|next|of|in|on|at|by|for|from|to|with|into|among"
    r"|since|until|after|before|during|over|under|again|and|or|but|as|than|if|when|while|is|was|are|were|has"
    r"|have|had|will|would|each|per|respectively)(?![\w-])",
    re.IGNORECASE,
)

# Nouns that name the rank itself: "a top six finish", "a top-four place".
RANK_NOUN_RE: Final = re.compile(r"\s+(?:finish|place|spot|position|berth)e?s?(?![\w-])", re.IGNORECASE)
RANGE_TO_RE: Final = re.compile(r"\s+to\s+", re.IGNORECASE)
TO_BEFORE_RE: Final = re.compile(r"\bto\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|just\s+)?$", re.IGNORECASE)
# "38 minutes instead of 52", "to 38 minutes, down from 52": the other end of a change keeps the unit.
CHANGE_LINK_RE: Final = re.compile(
    # (a rate's period may stand between: "rose to 3,800 tonnes a day from 900")
    r"(?:\s+(?:a|an|per|each)\s+(?:day|night|week|month|year|hour|minute))?"
    r",?\s+(?:(?:up|down)\s+from|(?P<plain>from)|instead\s+of|rather\s+than|against|compared\s+(?:with|to)|versus)\s+",
    re.IGNORECASE,
)
# "took 67 days to sell, up from 41": a few words that finish the clause, then the change's other end
# after a comma; the bare end keeps the unit all the same (never across a figure or a sentence end).
# Any case, as `CHANGE_LINK_RE`: a headline's "Took 67 Days to Sell, Up From 41".
COMPLEMENT_CHANGE_LINK_RE: Final = re.compile(
    r"(?:\s+[a-z][a-z'-]*){1,3},\s+(?:(?:up|down)\s+from|against|compared\s+(?:with|to))\s+", re.IGNORECASE
)
RANGE_DASH_RE: Final = re.compile(r"\s*[-\u2013]\s*")
OF_AFTER_RE: Final = re.compile(r"\s+of(?![\w-])", re.IGNORECASE)
RANGE_AND_RE: Final = re.compile(r"\s+and\s+", re.IGNORECASE)
BETWEEN_BEFORE_RE: Final = re.compile(r"(?:^|\W)between\s+$", re.IGNORECASE)

# "one to two years", "between one and three": "one" as the low end of a range is a number.
RANGE_ONE_AFTER_RE: Final = re.compile(rf"\s+(?P<link>to|and)\s+(?:\d|(?:{_UNIT_W}|{_TENS_W})(?![\w]))", re.I)


CODE_NUMBER_RE: Final = re.compile(r"\d+")
SHORT_YEAR_RE: Final = re.compile(r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’])")

# What summarizer.text.clean_text removes (terminal escapes, invisible and control characters): the
# parser reads around these instead, keeping positions in the caller's text. One definition, there.
HIDDEN_RE: Final = re.compile("|".join(p.pattern for p in (_text._ESCAPES, _text._INVISIBLE, _text._CONTROLS)))
# A character that can start one (every escape starts with a control character): a cheap first test.
HIDDEN_START_RE: Final = re.compile(f"{_text._INVISIBLE.pattern}|{_text._CONTROLS.pattern}")

# Small helpers for normalising what a match read.
YEAR_DIGITS_RE: Final = re.compile(r"1[5-9]\d\d|20\d\d")  # a bare number read as a year
UNIT_SPACES_RE: Final = re.compile(r"[\s.-]+")  # "sq. km" -> "sq km", "square-foot" -> "square foot"
UNIT_SLASH_RE: Final = re.compile(r"\s*/\s*")  # "km / h" -> "km/h"
