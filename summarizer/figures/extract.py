"""Find and normalise the figures (money, percentages, counts, dates, ...) in English text.

Conventions (the grounding check relies on them):

- `Figure.text` covers the whole phrase: a qualifier in front ("more than"), the currency, the
  number, the scale ("bn", "million") and a trailing unit word ("per cent", "dollars", "years").
- Percentages and fractions share one scale: `value` is in percent ("a third" -> 33.33, unit "%").
- Money and counts are scaled to plain numbers ("$480m" -> 480_000_000.0); `scale` keeps the word.
- Dates: `value` is year * 10_000 + month * 100 + day, with 0 for a missing part ("3 March" -> 303).
- Decades: `value` is the first year ("the 1990s" -> 1990). Durations and ages: `value` in `unit`s.
- Vague amounts ("dozens", "hundreds of") carry the smallest value they can mean and `vague=True`;
  "several" has no value at all.
- "and a half" belongs to its number ("two-and-a-half-year" -> 2.5 years, "2½", "a year and a half"), and
  "half a/an" to its unit ("half an hour" -> 0.5 hours, "half a dozen" -> 6); "half a decade" and
  "half a century" are read in years, like "a decade".
- The bare end of a range takes the unit of the other end ("10 to 15 years", "from six hours to 12"),
  though its `text` holds only the number.
- "top six", "a top-10 finish" are ranks: kind "name", unit "top 6" (like "number one"); "the top
  three officials" stays a count of officials.
- Text may be lower-cased or tokenised ("two - year", "$ 5 million", "5 %"); both are read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Final

__all__ = ["Figure", "find_figures", "parse_number_words"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in a text, with its normalised meaning."""

    text: str
    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None
    scale: str | None
    qualifier: str | None
    vague: bool


# --- vocabulary -------------------------------------------------------------------------------

_UNITS: Final = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES: Final = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
_SUFFIX_SCALES: Final = {
    "k": "thousand",
    "m": "million",
    "mn": "million",
    "mln": "million",
    "b": "billion",
    "bn": "billion",
    "bln": "billion",
    "t": "trillion",
    "tn": "trillion",
    "trn": "trillion",
}
_ORDINALS: Final = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "hundredth": 100,
}
# Denominators of fraction words: "a third", "two-thirds", "three quarters".
_DENOMINATORS: Final = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
_MONTHS: Final = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_CURRENCY_SIGNS: Final = {
    "$": "USD",
    "us$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "£": "GBP",
    # XSum's lower-cased texts replaced "£" by "#".
    "#": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "usd": "USD",
    "gbp": "GBP",
    "eur": "EUR",
    "jpy": "JPY",
    "cny": "CNY",
    "inr": "INR",
    "aud": "AUD",
    "cad": "CAD",
    "chf": "CHF",
}
_CURRENCY_WORDS: Final = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupee": "INR",
    "franc": "CHF",
    "rouble": "RUB",
    "ruble": "RUB",
    "won": "KRW",
    "peso": "MXN",
    "rand": "ZAR",
    "krona": "SEK",
    "krone": "NOK",
}
_DOLLAR_NATIONS: Final = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "australian": "AUD",
    "canadian": "CAD",
    "hong kong": "HKD",
    "new zealand": "NZD",
    "singapore": "SGD",
}
_QUALIFIERS: Final = {
    "more than": "more_than",
    "more then": "more_than",
    "over": "more_than",
    "just over": "more_than",
    "above": "more_than",
    "in excess of": "more_than",
    "upwards of": "more_than",
    "greater than": "more_than",
    "exceeding": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "a minimum of": "at_least",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "just under": "less_than",
    "below": "less_than",
    "up to": "up_to",
    "as much as": "up_to",
    "as many as": "up_to",
    "as high as": "up_to",
    "a maximum of": "up_to",
    "at most": "up_to",
    "no more than": "up_to",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "circa": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just shy of": "nearly",
    "a record": "record",
    "record": "record",
}
_TIME_UNITS: Final = ("year", "month", "week", "day", "hour", "minute", "second", "decade", "century")

# --- regular expressions ----------------------------------------------------------------------


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first so the regex prefers the longest match."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_UNIT_W = _alternation(_UNITS)
_TENS_W = _alternation(_TENS)
_SCALE_W = _alternation(_SCALES)
_MONTH_W = _alternation(_MONTHS)
_HYPHEN = r"(?:\s*[-\u2013]\s*)"
# "twenty-five", "twenty five", "two hundred and six": a cardinal written in words.
_SMALL_WORDS = rf"(?:(?:{_TENS_W})(?:(?:{_HYPHEN}|\s+)(?:{_UNIT_W}))?|(?:{_UNIT_W}))"
_WORD_NUMBER = rf"(?:{_SMALL_WORDS}(?:\s+hundred(?:\s+(?:and\s+)?{_SMALL_WORDS}(?![\w-]))?)?)"
# "25, 000" is how tokenised XSum text writes 25,000.
_DIGITS = r"(?:\d{1,3}(?:,\s?\d{3})+(?!\d)|\d+)(?:\.\d+)?"
_CURRENCY_SIGN = (
    r"(?:(?:us|a|au|c|ca|nz|hk|s)?\$|£|€|¥|₹|\#|(?<![A-Za-z])(?:usd|gbp|eur|jpy|cny|inr|aud|cad|chf|rs\.?)\s?)"
)
_CURRENCY_WORD = _alternation([*(w + "s" for w in _CURRENCY_WORDS), *_CURRENCY_WORDS])
_DOLLAR_NATION = _alternation(_DOLLAR_NATIONS)
_SUFFIX = _alternation(_SUFFIX_SCALES)
_TIME_UNIT_W = "|".join(_TIME_UNITS)
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
_VULGAR_FRACTIONS: Final = {"½": 0.5, "¼": 0.25, "¾": 0.75}

_NUMBER_RE: Final = re.compile(
    rf"""
    (?P<currency>{_CURRENCY_SIGN}\s?)?
    (?:
        (?P<half>half){_SEP}an?(?={_SEP}{_HALF_OF_UNIT})
      | (?<![\w-])(?P<article>an?)(?=\s+(?:hundred|thousand|million|billion|trillion|dozen)\b
                                    |\s+(?:{_TIME_UNIT_W}){_AND_A_HALF})
      | (?<![\w.,'’])(?<!\d:)(?P<digits>{_DIGITS})(?![\w,]*\d)(?!:\d)(?!\s?(?:st|nd|rd|th)(?![\w]))
      | (?<![\w-])(?P<words>{_WORD_NUMBER})(?![\w])
    )
    (?P<and_half>{_AND_A_HALF}|\s?[½¼¾])?
    (?P<scale>
        \s?(?:{_SUFFIX})(?![\w])
      | (?:{_HYPHEN}|\s+)(?:{_SCALE_W}|dozen)(?:\s+(?:{_SCALE_W}))?(?![\w])
    )?
    (?P<percent>\s?%|\s*per\s?cent(?![\w])|\s+percent(?![\w])|\s+percentage\s+points?(?![\w])|\s+pc(?![\w]))?
    (?P<currency_word>\s+(?:(?:{_DOLLAR_NATION})\s+)?(?:{_CURRENCY_WORD})(?:\s+sterling)?(?![\w]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
_DATE_RE: Final = re.compile(
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
_DECADE_RE: Final = re.compile(r"(?<![\w$£€])(?:(?P<century>1[89]|20)?(?P<tens>\d)0\s?'?s|'(?P<short>\d)0s)(?![\w])")
_ORDINAL_DIGIT_RE: Final = re.compile(r"(?<![\w.,])(?P<n>\d+)\s?(?:st|nd|rd|th)(?![\w])", re.IGNORECASE)
_ORDINAL_WORD_RE: Final = re.compile(rf"(?<![\w-])(?:{_alternation(_ORDINALS)})(?![\w])", re.IGNORECASE)
_IN_RATIO_RE: Final = re.compile(
    rf"(?<![\w.,-])(?P<num>{_SMALL_WORDS}|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<den>{_SMALL_WORDS}|\d+)(?![\w])",
    re.IGNORECASE,
)
_FRACTION_RE: Final = re.compile(
    rf"""
    (?<![\w-])
    (?:
        (?P<num>{_UNIT_W}|an?){_HYPHEN}?\s*(?P<den>{_alternation(_DENOMINATORS)})
      | (?P<half>half)
    )
    (?![\w-])
    """,
    re.IGNORECASE | re.VERBOSE,
)
_VAGUE_RE: Final = re.compile(
    r"(?<![\w-])(?:(?P<plural>dozens|scores|hundreds|thousands|millions|billions|tens\s+of\s+thousands)"
    r"|(?P<several>several))(?![\w-])",
    re.IGNORECASE,
)
_QUALIFIER_BEFORE_RE: Final = re.compile(rf"(?:(?<=\W)|^)(?P<q>{_alternation(_QUALIFIERS)})\s+$", re.IGNORECASE)
_QUALIFIER_ENDS: Final = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in _QUALIFIERS)
_LAST_WORD_RE: Final = re.compile(r"([A-Za-z]+)\s+$")
_NO_QUALIFIER_KINDS: Final = frozenset({"date", "ordinal", "decade", "name", "year"})
_AGE_AFTER_RE: Final = re.compile(rf"^(?:{_HYPHEN}|\s+)years?{_HYPHEN}old(?![\w])|^\s+years?\s+old(?![\w])", re.I)
_AGED_BEFORE_RE: Final = re.compile(r"(?:^|\W)(?:aged|age\s+of)\s+$", re.IGNORECASE)
_TIME_UNIT_AFTER_RE: Final = re.compile(
    rf"^(?:{_HYPHEN}|\s+)(?P<unit>{'|'.join(_TIME_UNITS)}|centuries)s?(?![\w])", re.IGNORECASE
)
# Physical measures: "12 miles", "70mph", "300g", "2.5 tonnes". Kind "measure", unit normalised;
# they match only the same unit, never a plain count ("12 miles away" is not "12 people").
_MEASURE_UNITS: Final = {
    "mph": "mph",
    "km/h": "km/h",
    "kph": "km/h",
    "kmh": "km/h",
    "mile": "mile",
    "miles": "mile",
    "km": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "metre": "metre",
    "metres": "metre",
    "meter": "metre",
    "meters": "metre",
    "feet": "foot",
    "foot": "foot",
    "ft": "foot",
    "inch": "inch",
    "inches": "inch",
    "cm": "cm",
    "mm": "mm",
    "kg": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "g": "g",
    "gram": "g",
    "grams": "g",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
    "tonne": "tonne",
    "tonnes": "tonne",
    "ton": "ton",
    "tons": "ton",
    "acre": "acre",
    "acres": "acre",
    "hectare": "hectare",
    "hectares": "hectare",
    "degree": "degree",
    "degrees": "degree",
    "sq mi": "sq mi",
    "sq km": "sq km",
}
_MEASURE_AFTER_RE: Final = re.compile(
    r"^(?:\s?|[-\u2013])(?P<unit>km\s?/\s?h|sq\.? (?:mi|km)|"
    + "|".join(sorted((re.escape(u) for u in _MEASURE_UNITS if "/" not in u and " " not in u), key=len, reverse=True))
    + r")(?![\w/])",
    re.IGNORECASE,
)
_TEMPERATURE_AFTER_RE: Final = re.compile(r"^(?:\s?°\s?[CF]?|[CF](?![\w]))")  # "18.3C", "64.9°F"
_DECADE_WORD_RE: Final = re.compile(
    r"(?<![\w-])(?P<pre>a|one|the\s+(?:past|last|next|previous))\s+(?P<unit>decade|century)(?![\w-])", re.I
)
_ONE_CONTEXT_AFTER_RE: Final = re.compile(rf"^(?:{_HYPHEN}\w|\s+(?:{'|'.join(_TIME_UNITS)})s?\b)", re.I)
_LISTED_ONE_RE: Final = re.compile(
    r"(?:\d|\b(?:two|three|four|five|six|seven|eight|nine|ten))\b[\w\s-]{0,30}\s(?:and|plus)\s+$", re.I
)
_NUMBER_BEFORE_RE: Final = re.compile(r"(?:^|\W)(?:number|no\.)\s+$", re.IGNORECASE)
_FRACTION_CONTEXT_AFTER_RE: Final = re.compile(
    r"^\s+(?:of|an?|the|their|its|his|her|our|them|those|these|all)\b|^\s*[.,;:)!?]|^\s*$", re.IGNORECASE
)
_HALF_OF_UNIT_RE: Final = re.compile(rf"^{_SEP}an?{_SEP}{_HALF_OF_UNIT}", re.IGNORECASE)
_AND_A_HALF_AFTER_RE: Final = re.compile(rf"{_AND_A_HALF}(?!-)", re.IGNORECASE)  # not "two sons and a half-sister"
_AND_BEFORE_RE: Final = re.compile(r"(?:^|\W)and\s+$", re.IGNORECASE)
_YEARS_IN: Final = {"decade": 10.0, "century": 100.0}
_FRACTION_CONTEXT_BEFORE_RE: Final = re.compile(r"(?:^|\W)(?:by|than|in|nearly|almost|about|over)\s+$", re.I)
_ORDINAL_BEFORE_RE: Final = re.compile(rf"(?:{_alternation(_ORDINALS)}|\d(?:st|nd|rd|th))\s+$", re.IGNORECASE)

# Numbers inside names: "Euro 2016", "Six Nations", "Formula 1", "World War Two", "League Two",
# "Boeing 737", "Radio 4", "M4", "G20", "Covid-19", "Twenty20". Read as kind "name", so that a name
# only matches the same name and never stands for (or is supported by) a plain count.
_NAME_PREFIXES: Final = (
    "euro",
    "formula",
    "world war",
    "league",
    "boeing",
    "airbus",
    "iphone",
    "galaxy",
    "windows",
    "radio",
    "channel",
    "bbc",
    "playstation",
    "xbox",
    "apollo",
    "super bowl",
    "championship",
    "division",
    "ligue",
    "serie",
    "premiership",
    # stock indexes and lists: "S&P 500", "FTSE 100", "Fortune 500"
    "s&p",
    "ftse",
    "nasdaq",
    "stoxx",
    "nikkei",
    "dax",
    "russell",
    "fortune",
    # days, rounds and stages of an event: "day two of the second Test", "round three"
    "day",
    "round",
    "stage",
    "game",
    "leg",
    "phase",
)
_NAME_NUMBER = rf"(?:\d{{1,4}}|{_UNIT_W}|i{{1,3}}|iv|v|vi{{1,3}})"
_NAME_RE: Final = re.compile(
    rf"""
    (?<![\w-])
    (?:
        (?P<prefix>{_alternation(_NAME_PREFIXES)})\s+(?P<n1>{_NAME_NUMBER})(?![\w%£$€-]|\s?(?:%|per\s?cent|m\b|bn\b))
      | (?P<n2>{_UNIT_W}|tri)\s+(?P<suffix>nations)
      | (?P<rank>number|no\.)\s?(?P<n3>\d{{1,3}}|{_SMALL_WORDS})
      | (?P<top>top)(?P<top_sep>{_SEP})(?P<n4>\d{{1,3}}|{_SMALL_WORDS})
        (?![\w%£$€-]|[.,]\d|\s?(?:%|per\s?cent|percent|pc\b|[mbk]n?\b|thousand|million|billion))
      | (?P<war>first|second)\s+world\s+war
      | (?P<alias>ww(?:ii?|1|2)|f1)
      | (?P<code>[a-z]{{1,3}}\d{{1,4}}[a-z]?|twenty20|t20|[a-z]{{2,8}}-\d{{1,3}})
    )
    (?![\w])
    """,
    re.IGNORECASE | re.VERBOSE,
)
# What may follow the last word of a noun phrase: punctuation, the end, or a word that is no noun.
# "in the top six." ends there, "from six hours to 12 on Friday" too; "top six clubs" and "to 12
# people" go on to the noun that the number counts.
_PHRASE_END_RE: Final = re.compile(
    r"\s*(?:[.,;:)!?\"'”’]|$)|\s+(?:a|an|the|this|that|all|last|next|of|in|on|at|by|for|from|to|with|into|among"
    r"|since|until|after|before|during|over|under|again|and|or|but|as|than|if|when|while|is|was|are|were|has"
    r"|have|had|will|would|each|per|respectively)(?![\w-])",
    re.IGNORECASE,
)
# Nouns that name the rank itself: "a top six finish", "a top-four place".
_RANK_NOUN_RE: Final = re.compile(r"\s+(?:finish|place|spot|position|berth)e?s?(?![\w-])", re.IGNORECASE)
# Ranges state the unit once: "10 to 15 years", "from six hours to 12", "between 10 and 15 years".
_RANGE_KINDS: Final = frozenset({"duration", "age", "measure", "percent"})
_RANGE_TO_RE: Final = re.compile(r"\s+to\s+", re.IGNORECASE)
_RANGE_DASH_RE: Final = re.compile(r"\s*[-\u2013]\s*")
_OF_AFTER_RE: Final = re.compile(r"\s+of(?![\w-])", re.IGNORECASE)
_RANGE_AND_RE: Final = re.compile(r"\s+and\s+", re.IGNORECASE)
_BETWEEN_BEFORE_RE: Final = re.compile(r"(?:^|\W)between\s+$", re.IGNORECASE)
# "one to two years", "between one and three": "one" as the low end of a range is a number.
_RANGE_ONE_AFTER_RE: Final = re.compile(rf"\s+(?P<link>to|and)\s+(?:\d|(?:{_UNIT_W}|{_TENS_W})(?![\w]))", re.I)
_NOT_CODE_PREFIXES: Final = frozenset({"mid", "pre", "post", "early", "late", "under", "over", "top", "aged", "the"})

# Cheap triggers: which words can start or make a figure, so that find_figures skips what cannot match.
_DIGIT_RE: Final = re.compile(r"\d")
_PLAIN_WORD_RE: Final = re.compile(r"[A-Za-z]+")
_NUMBER_WORDS: Final = frozenset({*_UNITS, *_TENS, *_SCALES, "dozen", "half"})
_CURRENCY_CODES: Final = frozenset(
    {"us", "a", "au", "c", "ca", "nz", "hk", "s", "usd", "gbp", "eur", "jpy", "cny", "inr", "aud", "cad", "chf", "rs"}
)
_NUMBER_START_WORDS: Final = frozenset({*_UNITS, *_TENS, "half", "an", *_CURRENCY_CODES})
_NUMBER_START_RE: Final = re.compile(r"[\d$£€¥₹#]|(?<![A-Za-z])(?P<word>[A-Za-z]+)")
_NUMBER_START_NO_WORDS_RE: Final = re.compile(r"[\d$£€¥₹#](?P<word>)")
_MONTH_WORDS: Final = frozenset(_MONTHS)
_ORDINAL_WORDS: Final = frozenset(_ORDINALS)
_FRACTION_WORDS: Final = frozenset({*_DENOMINATORS, "half"})
_RATIO_WORDS: Final = frozenset({"in", "out"})
# "in"/"out of" followed by a number: the only places a ratio ("four in ten") can end.
_RATIO_HINT_RE: Final = re.compile(
    rf"\b(?:in|of)\s+(?:every\s+)?(?:\d|(?:{_UNIT_W}|{_TENS_W})(?![a-z]))", re.IGNORECASE
)
_VAGUE_WORDS: Final = frozenset(
    {"dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens", "several"}
)
_DECADE_WORDS: Final = frozenset({"decade", "century"})
_NAME_WORDS: Final = frozenset(
    {"nations", "wwi", "wwii", "war", "number", "no", "top", *(prefix.split()[0] for prefix in _NAME_PREFIXES)}
)
_CODE_HINT_RE: Final = re.compile(r"[A-Za-z]-?\d|twenty20", re.IGNORECASE)
_TRIGGER_WORDS: Final = _NUMBER_WORDS | _ORDINAL_WORDS | _FRACTION_WORDS | _VAGUE_WORDS | _DECADE_WORDS | _NAME_WORDS

_KIND_PRIORITY: Final = {"name": 0, "date": 0, "decade": 1, "fraction": 2, "money": 3, "ordinal": 5, "vague": 6}


# --- number parsing ---------------------------------------------------------------------------


def parse_number_words(words: str) -> float | None:
    """The value of a cardinal written in words ("twenty-five" -> 25, "two hundred and six" -> 206)."""
    total = 0.0
    current = 0.0
    seen = False
    for token in re.split(r"[\s\-\u2013]+", words.lower()):
        if not token or token == "and":
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = 0
        elif token in {"a", "an"}:
            current += 1
        elif token == "dozen":
            current = (current or 1) * 12
        else:
            return None
        seen = True
    return total + current if seen else None


def _parse_digits(digits: str) -> float:
    return float(re.sub(r"[,\s]", "", digits))


def _small_value(token: str) -> float | None:
    """A number written as digits or as one or two words."""
    token = token.strip()
    if token[:1].isdigit():
        return _parse_digits(token)
    return parse_number_words(token)


# --- extraction -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None = None
    scale: str | None = None
    vague: bool = False


def find_figures(text: str) -> list[Figure]:
    """Every figure in `text`, in text order, with its qualifier folded into `text`."""
    # One cheap pass over the words decides which of the (costly) extractors can find anything.
    digits = _DIGIT_RE.search(text) is not None
    words = {word.lower() for word in _PLAIN_WORD_RE.findall(text)}
    if not digits and not words & _TRIGGER_WORDS:
        return []
    candidates: list[_Candidate] = []
    if digits and words & _MONTH_WORDS:
        candidates += _dates(text)
    if digits:
        candidates += _decades(text)
        candidates += _digit_ordinals(text)
    if words & _RATIO_WORDS and (digits or words & _NUMBER_WORDS) and _RATIO_HINT_RE.search(text):
        candidates += _ratios(text)
    if words & _FRACTION_WORDS:
        candidates += _fraction_words(text)
    if digits or words & _NUMBER_WORDS:
        candidates += _numbers(text, words)
    if words & _ORDINAL_WORDS:
        candidates += _word_ordinals(text)
    if words & _VAGUE_WORDS:
        candidates += _vague_amounts(text)
    if words & _DECADE_WORDS:
        candidates += _decade_words(text)
    if words & _NAME_WORDS or (digits and (_CODE_HINT_RE.search(text) or "&" in text)):
        candidates += _names(text)
    if digits and ("'" in text or "’" in text):
        candidates += _short_years(text)
    return [_with_qualifier(text, candidate) for candidate in _with_range_units(text, _without_overlaps(candidates))]


def _without_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the most specific candidate where several cover the same characters."""
    ranked = sorted(candidates, key=lambda c: (_KIND_PRIORITY.get(c.kind, 4), -(c.end - c.start), c.start))
    taken: list[_Candidate] = []
    occupied: list[tuple[int, int]] = []
    for candidate in ranked:
        if any(candidate.start < end and start < candidate.end for start, end in occupied):
            continue
        taken.append(candidate)
        occupied.append((candidate.start, candidate.end))
    return sorted(taken, key=lambda c: c.start)


def _with_range_units(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """Give the bare end of a range the unit of its other end: "between 10 and 15 years" -> 10 years.

    English states the unit once per range; read without it, the bare end is a plain count, which
    never matches the article's "10 years" (nor "six hours" its "12 hours" in "from six hours to 12").
    """
    for i in range(len(candidates) - 1):
        low, high = candidates[i], candidates[i + 1]
        if _is_bare(high) and _has_range_unit(low) and _is_range_up_to_bare(text, low, high):
            candidates[i + 1] = replace(high, kind=low.kind, unit=low.unit)
        elif _is_bare(low) and _has_range_unit(high) and _is_range_down_to_bare(text, low, high):
            candidates[i] = replace(low, kind=high.kind, unit=high.unit)
    return candidates


def _is_bare(candidate: _Candidate) -> bool:
    return candidate.kind == "count" and candidate.scale is None and not candidate.vague


def _has_range_unit(candidate: _Candidate) -> bool:
    return candidate.kind in _RANGE_KINDS and candidate.scale is None and candidate.value is not None


def _is_range_up_to_bare(text: str, low: _Candidate, high: _Candidate) -> bool:
    """ "from six hours to 12", "5% to 7": the unit goes forward, unless the bare end counts something
    of its own ("from six hours to 12 people", "five years to 3 of the men")."""
    if _RANGE_TO_RE.fullmatch(text, low.end, high.start) is None or _OF_AFTER_RE.match(text, high.end):
        return False
    return _PHRASE_END_RE.match(text, high.end) is not None


def _is_range_down_to_bare(text: str, low: _Candidate, high: _Candidate) -> bool:
    """ "10 to 15 years", "10-15 years", "between 10 and 15 years": the unit goes back."""
    if _RANGE_TO_RE.fullmatch(text, low.end, high.start):
        return True
    if _RANGE_DASH_RE.fullmatch(text, low.end, high.start):
        # "10-15 years", not "won 3-1 in 90 minutes" (no unit there) nor "two-15": digits only.
        return text[low.start : low.end].isdigit() and text[high.start : high.start + 1].isdigit()
    return bool(_RANGE_AND_RE.fullmatch(text, low.end, high.start) and _is_after_between(text, low.start))


def _is_after_between(text: str, position: int) -> bool:
    return _BETWEEN_BEFORE_RE.search(text[max(0, position - 10) : position]) is not None


def _with_qualifier(text: str, candidate: _Candidate) -> Figure:
    before = text[max(0, candidate.start - 24) : candidate.start]
    qualifier = None
    start = candidate.start
    # Dates and ordinals take no qualifier: "over 3 March" is not "more than".
    last = None if candidate.kind in _NO_QUALIFIER_KINDS else _LAST_WORD_RE.search(before)
    # The qualifier regex runs only when the word before is the last word of some qualifier.
    match = _QUALIFIER_BEFORE_RE.search(before) if last and last.group(1).lower() in _QUALIFIER_ENDS else None
    if match:
        qualifier = _QUALIFIERS[re.sub(r"\s+", " ", match.group("q").lower())]
        start = candidate.start - (len(before) - match.start("q"))
    kind = "count" if candidate.kind == "vague" else candidate.kind
    return Figure(
        text=text[start : candidate.end],
        start=start,
        end=candidate.end,
        kind=kind,
        value=candidate.value,
        unit=candidate.unit,
        scale=candidate.scale,
        qualifier=qualifier,
        vague=candidate.vague,
    )


def _dates(text: str) -> list[_Candidate]:
    found = []
    for match in _DATE_RE.finditer(text):
        month_word = match.group("m1") or match.group("m2") or match.group("m3")
        day = match.group("d1") or match.group("d2")
        year = match.group("y1") or match.group("y2") or match.group("y3")
        month = _MONTHS[month_word.lower()]
        # "may 5" in lower-cased text is usually the verb; only trust "May" with a capital or a year.
        if month_word.lower() in {"may", "mar", "jan", "sep", "dec"} and not (month_word[0].isupper() or year):
            continue
        day_value = int(day) if day else 0
        if day_value > 31:
            continue
        value = (int(year) if year else 0) * 10_000 + month * 100 + day_value
        found.append(_Candidate(match.start(), match.end(), "date", float(value), unit="date"))
    return found


def _decades(text: str) -> list[_Candidate]:
    found = []
    for match in _DECADE_RE.finditer(text):
        century = match.group("century")
        digit = match.group("tens") or match.group("short")
        base = int(century) * 100 if century else 1900
        # Bare "90s" reads as a decade of the 1900s; "20s" and "30s" are usually ages.
        if not century and match.group("tens") and int(digit) < 5:
            continue
        value = base + int(digit) * 10
        start = match.start()
        if text[max(0, start - 4) : start].lower() == "the ":
            start -= 4
        found.append(_Candidate(start, match.end(), "decade", float(value), unit="decade"))
    return found


def _fractions(text: str) -> list[_Candidate]:
    return [*_ratios(text), *_fraction_words(text)]


def _ratios(text: str) -> list[_Candidate]:
    """ "four in ten", "one out of every five"."""
    found = []
    for match in _IN_RATIO_RE.finditer(text):
        num = _small_value(match.group("num"))
        den = _small_value(match.group("den"))
        if not num or not den or num > den:
            continue
        found.append(_Candidate(match.start(), match.end(), "fraction", 100.0 * num / den, unit="%"))
    return found


def _fraction_words(text: str) -> list[_Candidate]:
    """ "a third of", "two-thirds", "half of"."""
    found = []
    for match in _FRACTION_RE.finditer(text):
        if not _is_numeric_fraction(text, match):
            continue
        if match.group("half"):
            value = 50.0
        else:
            numerator = 1.0 if match.group("num").lower() in {"a", "an"} else float(_UNITS[match.group("num").lower()])
            value = 100.0 * numerator / _DENOMINATORS[match.group("den").lower()]
            if value > 100:
                continue
        found.append(_Candidate(match.start(), match.end(), "fraction", value, unit="%"))
    return found


def _is_numeric_fraction(text: str, match: re.Match[str]) -> bool:
    """Whether a fraction word is a share ("a third of voters") rather than a rank ("a third party")."""
    before = text[max(0, match.start() - 20) : match.start()]
    after = text[match.end() : match.end() + 12]
    if _ORDINAL_BEFORE_RE.search(before):  # "second half"
        return False
    if match.group("half"):
        if _HALF_OF_UNIT_RE.match(text[match.end() : match.end() + 40]):
            return False  # "half a billion", "half an hour": one amount, read by _numbers
        return bool(_FRACTION_CONTEXT_AFTER_RE.match(after) or _FRACTION_CONTEXT_BEFORE_RE.search(before))
    if match.group("den").lower() == "half" and _AND_BEFORE_RE.search(before):
        return False  # "two and a half", "a year and a half": part of a number, read by _numbers
    plural = match.group("den").lower().endswith("s") and match.group("den").lower() != "halves"
    if plural and match.group("num").lower() not in {"a", "an", "one"}:
        return True  # "two-thirds", "three quarters"
    return bool(_FRACTION_CONTEXT_AFTER_RE.match(after)) and not after.lstrip().startswith(("a ", "an "))


def _numbers(text: str, words: set[str]) -> list[_Candidate]:
    """Money, percentages and counts. The big regex is tried only where a match can start (a digit,
    a currency sign or code, a number word, "a"/"half" before a scale): the same matches as
    `finditer`, without trying it at every character."""
    found = []
    end = 0
    starts = _NUMBER_START_RE if words & _NUMBER_START_WORDS else _NUMBER_START_NO_WORDS_RE
    for anchor in starts.finditer(text):
        position = anchor.start()
        if position < end:
            continue
        token = anchor.group("word")
        if token and token.lower() not in _NUMBER_START_WORDS:
            continue
        match = _NUMBER_RE.match(text, position)
        if match is None:
            continue
        end = match.end()
        candidate = _number_candidate(text, match)
        if candidate is not None:
            found.append(candidate)
    return found


def _number_candidate(text: str, match: re.Match[str]) -> _Candidate | None:
    base = _base_value(match)
    if base is None:
        return None
    scale_word, multiplier = _scale_of(match.group("scale"))
    currency = _currency_of(match.group("currency"), match.group("currency_word"))
    value = base * multiplier
    start, end = match.start(), match.end()
    if match.group("percent"):
        return _Candidate(start, end, "percent", value, unit="%", scale=scale_word)
    if currency:
        return _Candidate(start, end, "money", value, unit=currency, scale=scale_word)
    if _is_bare_one(text, match):
        return None
    return _plain_number(text, match, value, scale_word)


def _base_value(match: re.Match[str]) -> float | None:
    if match.group("half"):
        return 0.5
    if match.group("article"):
        return 1.0
    whole = _parse_digits(match.group("digits")) if match.group("digits") else parse_number_words(match.group("words"))
    if whole is None or not match.group("and_half"):
        return whole
    return whole + _VULGAR_FRACTIONS.get(match.group("and_half").strip(), 0.5)


def _scale_of(raw: str | None) -> tuple[str | None, float]:
    if not raw:
        return None, 1.0
    words = [w for w in re.split(r"[\s\-\u2013]+", raw.strip().lower()) if w]
    if len(words) == 1 and words[0] in _SUFFIX_SCALES:
        name = _SUFFIX_SCALES[words[0]]
        return name, _SCALES[name]
    multiplier = 1.0
    for word in words:
        multiplier *= 12.0 if word == "dozen" else _SCALES[word]
    return " ".join(words), multiplier


def _currency_of(sign: str | None, word: str | None) -> str | None:
    if sign:
        return _CURRENCY_SIGNS.get(sign.strip().lower())
    if not word:
        return None
    lowered = re.sub(r"\s+", " ", word.strip().lower())
    for nation, code in _DOLLAR_NATIONS.items():
        if lowered.startswith(nation + " ") and "dollar" in lowered:
            return code
    for name, code in _CURRENCY_WORDS.items():
        if name in lowered:
            return code
    return None


def _is_bare_one(text: str, match: re.Match[str]) -> bool:
    """Whether the match is a lone "one", which is a figure only in a numeric context."""
    words = match.group("words")
    if not words or words.lower() != "one" or match.group("scale") or match.group("percent") or match.group("and_half"):
        return False
    after = text[match.end() : match.end() + 12]
    before = text[max(0, match.start() - 8) : match.start()]
    if _ONE_CONTEXT_AFTER_RE.match(after) or _NUMBER_BEFORE_RE.search(before):
        return False
    range_end = _RANGE_ONE_AFTER_RE.match(text, match.end())
    if range_end and (range_end.group("link").lower() == "to" or _is_after_between(text, match.start())):
        return False
    # "41 tourists and one guide": a count listed beside another count.
    return not _LISTED_ONE_RE.search(text[max(0, match.start() - 40) : match.start()])


def _plain_number(text: str, match: re.Match[str], value: float, scale: str | None) -> _Candidate:
    start, end = match.start(), match.end()
    after = text[end : end + 24]
    age = _AGE_AFTER_RE.match(after)
    if age:
        return _Candidate(start, end + age.end(), "age", value, unit="year", scale=scale)
    if _AGED_BEFORE_RE.search(text[max(0, start - 8) : start]):
        return _Candidate(start, end, "age", value, unit="year", scale=scale)
    unit = _TIME_UNIT_AFTER_RE.match(after)
    if unit:
        return _duration(text, match, value, scale, unit)
    measure = _measure(after)
    if measure:
        unit_name, length = measure
        return _Candidate(start, end + length, "measure", value, unit=unit_name, scale=scale)
    digits = match.group("digits")
    if digits and not scale and re.fullmatch(r"1[5-9]\d\d|20\d\d", digits):
        return _Candidate(start, end, "year", value, unit=None)
    return _Candidate(start, end, "count", value, unit=None, scale=scale)


def _duration(
    text: str, match: re.Match[str], value: float, scale: str | None, unit_after: re.Match[str]
) -> _Candidate:
    """A number of time units, with a trailing "and a half" ("two years and a half", "a year and a half")."""
    end = match.end() + unit_after.end()
    unit = unit_after.group("unit").lower()
    unit = "century" if unit == "centuries" else unit
    and_half = _AND_A_HALF_AFTER_RE.match(text, end)
    if and_half:
        value, end = value + 0.5, and_half.end()
    if (match.group("half") or match.group("article")) and unit in _YEARS_IN:
        # "a decade" is read as 10 years (_decade_words), so "half a century" and "a decade and a
        # half" are read in years too: 50 and 15 years match the article's "50 years", "15 years".
        value, unit = value * _YEARS_IN[unit], "year"
    return _Candidate(match.start(), end, "duration", value, unit=unit, scale=scale)


def _measure(after: str) -> tuple[str, int] | None:
    """The unit of measure right after a number ("miles", "mph", "kg", "C"), normalised, and its length."""
    temperature = _TEMPERATURE_AFTER_RE.match(after)
    if temperature:
        return "degree", temperature.end()
    measure = _MEASURE_AFTER_RE.match(after)
    if measure is None:
        return None
    raw_unit = re.sub(r"\s*/\s*", "/", re.sub(r"[\s.]+", " ", measure.group("unit").lower())).strip()
    return _MEASURE_UNITS.get(raw_unit, raw_unit), measure.end()


def _digit_ordinals(text: str) -> list[_Candidate]:
    return [_Candidate(m.start(), m.end(), "ordinal", float(m.group("n"))) for m in _ORDINAL_DIGIT_RE.finditer(text)]


def _word_ordinals(text: str) -> list[_Candidate]:
    return [
        _Candidate(m.start(), m.end(), "ordinal", float(_ORDINALS[m.group(0).lower()]))
        for m in _ORDINAL_WORD_RE.finditer(text)
    ]


def _vague_amounts(text: str) -> list[_Candidate]:
    found = []
    for match in _VAGUE_RE.finditer(text):
        plural = match.group("plural")
        if plural is None:
            found.append(_Candidate(match.start(), match.end(), "vague", None, vague=True))
            continue
        word = re.sub(r"\s+", " ", plural.lower())
        value = {"dozens": 24.0, "scores": 40.0, "tens of thousands": 1e4}.get(word)
        if value is None:
            value = 2 * _SCALES[word.rstrip("s")]
        found.append(_Candidate(match.start(), match.end(), "vague", value, vague=True))
    return found


def _decade_words(text: str) -> list[_Candidate]:
    found = []
    for match in _DECADE_WORD_RE.finditer(text):
        years = 10.0 if match.group("unit").lower() == "decade" else 100.0
        found.append(_Candidate(match.start(), match.end(), "duration", years, unit="year"))
    return found


_ROMAN: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
_CODE_NUMBER_RE: Final = re.compile(r"\d+")


def _names(text: str) -> list[_Candidate]:
    """Numbers that are part of a name ("Euro 2016", "M4"): kind "name", unit = the name, normalised."""
    found = []
    for match in _NAME_RE.finditer(text):
        if match.group("top"):
            # "a top-six finish", "in the top 10": a rank bracket, matched only by the same bracket,
            # like "number one" (a count of six things would match any "six" in the article).
            # "the top three officials" counts officials, so a noun after the number leaves a count.
            if not _is_rank_bracket(text, match):
                continue
            raw = match.group("n4").lower()
            value = float(raw) if raw[:1].isdigit() else float(parse_number_words(raw) or 0)
            name = f"top {value:g}"
        elif match.group("rank"):
            # "world number one", "No. 5": a rank, matched only by the same rank.
            raw = match.group("n3").lower()
            value = float(raw) if raw[:1].isdigit() else float(parse_number_words(raw) or 0)
            name = f"number {value:g}"
        elif match.group("war") or match.group("alias"):
            # Other spellings of the same names: "Second World War", "WWII", "F1".
            alias = (match.group("war") or match.group("alias")).lower()
            name = _NAME_ALIASES[alias]
            value = float(name.rsplit(" ", 1)[1])
        elif match.group("code"):
            code = match.group("code").lower()
            if "-" in code and code.split("-")[0] in _NOT_CODE_PREFIXES:
                continue
            number = _CODE_NUMBER_RE.search(code)
            value = float(number.group(0)) if number else 20.0
            name = code.replace("-", "")
        else:
            word = (match.group("prefix") or match.group("suffix")).lower()
            raw = (match.group("n1") or match.group("n2")).lower()
            if raw == "tri":
                value = 3.0
            elif raw[:1].isdigit():
                value = float(raw)
            elif raw in _ROMAN:
                value = float(_ROMAN[raw])
            else:
                value = float(_UNITS.get(raw, 0))
            name = " ".join(word.split()) + f" {value:g}"
        found.append(_Candidate(match.start(), match.end(), "name", value, unit=name))
    return found


def _is_rank_bracket(text: str, match: re.Match[str]) -> bool:
    """Whether "top N" is a rank ("a top-six finish", "in the top 10.") rather than N things ("top three officials")."""
    if "-" in match.group("top_sep") or "\u2013" in match.group("top_sep"):
        return True  # "top-six", "top-10": a compound adjective, always the rank
    return bool(_PHRASE_END_RE.match(text, match.end()) or _RANK_NOUN_RE.match(text, match.end()))


_NAME_ALIASES: Final = {
    "first": "world war 1",
    "second": "world war 2",
    "wwi": "world war 1",
    "ww1": "world war 1",
    "wwii": "world war 2",
    "ww2": "world war 2",
    "f1": "formula 1",
}
_SHORT_YEAR_RE: Final = re.compile(r"(?<![\w'’])['’](?P<yy>\d\d)(?![\w'’])")


def _short_years(text: str) -> list[_Candidate]:
    """ "'85" is the year 1985 ("'08" is 2008)."""
    found = []
    for match in _SHORT_YEAR_RE.finditer(text):
        yy = int(match.group("yy"))
        if 25 < yy < 40:
            continue  # "'30" to "'39": too often a title or an age, not a year
        found.append(_Candidate(match.start(), match.end(), "year", float(2000 + yy if yy < 30 else 1900 + yy)))
    return found
