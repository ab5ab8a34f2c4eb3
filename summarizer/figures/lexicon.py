"""The words of figures: number words, scales, ordinals and fractions, months, currencies,
qualifiers, units of time and measure, and the prefixes of names with numbers in them.

Data only, plus the readers that turn number words and digit strings into values. The regexes
built from these words live in `patterns`; what the words mean in context is `extract`'s job.
"""

from __future__ import annotations

import re
from typing import Final

UNITS: Final = {
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
TENS: Final = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES: Final = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
SUFFIX_SCALES: Final = {
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
ORDINALS: Final = {
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
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
}

# Denominators of fraction words: "a third", "two-thirds", "three fifths".
DENOMINATORS: Final = {
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
MONTH_NAMES: Final = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS: Final = {name: number for number, name in enumerate(MONTH_NAMES, start=1)} | {
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
CURRENCY_SIGNS: Final = {
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
CURRENCY_WORDS: Final = {
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
DOLLAR_NATIONS: Final = {
    "us": "USD",
    "u.s.": "USD",
    "american": "USD",
    "australian": "AUD",
    "canadian": "CAD",
    "hong kong": "HKD",
    "new zealand": "NZD",
    "singapore": "SGD",
    "swiss": "CHF",  # "146 Swiss francs": a nation before its currency word
}
QUALIFIERS: Final = {
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
    # A negated bound is the other bound: "not more than 5" is at most 5, never "more than 5".
    "not more than": "up_to",
    "not over": "up_to",
    "not above": "up_to",
    "not exceeding": "up_to",
    "not less than": "at_least",
    "not fewer than": "at_least",
    "not under": "at_least",
    "not below": "at_least",
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
    "nearing": "nearly",
    "nears": "nearly",
    "approaching": "nearly",
    "approaches": "nearly",
    "close to": "nearly",
    "just shy of": "nearly",
    "a record": "record",
    "record": "record",
}
TIME_UNITS: Final = ("year", "month", "week", "day", "hour", "minute", "second", "decade", "century")
# Short forms of time units: "48 hrs", "25 mins", "5 yrs".
TIME_UNIT_ABBREVIATIONS: Final = {"hr": "hour", "min": "minute", "yr": "year", "sec": "second", "wk": "week"}
# Words that may stand between a number and its time unit: "11 consecutive years", "three more weeks".
DURATION_ADJECTIVES: Final = (
    "consecutive",
    "straight",
    "successive",
    "more",
    "long",
    "full",
    "whole",
    "additional",
    "further",
    "extra",
)
VULGAR_FRACTIONS: Final = {"½": 0.5, "¼": 0.25, "¾": 0.75}
# Verbs whose "up" is where something moved or what parts came to, not a bound: "inflation edged up
# to 3%" reached 3%.
# Past forms, and the present of headlines ("edges up to 3%"); never the bare verb: "fines could go up
# to £500" is a ceiling.
MOVED_UP: Final = frozenset(
    [
        "edged",
        "edges",
        "inched",
        "inches",
        "crept",
        "creeps",
        "ticked",
        "ticks",
        "moved",
        "moves",
        "went",
        "drifted",
        "drifts",
        "nudged",
        "nudges",
        "revised",
        "revises",
        "ratcheted",
        "ratchets",
        # "the three grants add up to £73.7m": a total, no ceiling
        "add",
        "adds",
        "added",
        "adding",
    ]
)
QUALIFIER_ENDS: Final = frozenset(phrase.rsplit(" ", 1)[-1] for phrase in QUALIFIERS)

# Physical measures: "12 miles", "70mph", "300g", "2.5 tonnes". Kind "measure", unit normalised;
# they match only the same unit, never a plain count ("12 miles away" is not "12 people").
MEASURE_UNITS: Final = {
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
    "centimetre": "cm",
    "centimetres": "cm",
    "centimeter": "cm",
    "centimeters": "cm",
    "mm": "mm",
    "millimetre": "mm",
    "millimetres": "mm",
    "millimeter": "mm",
    "millimeters": "mm",
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
    "sq m": "sq m",
    "sq ft": "sq ft",
    "square mile": "sq mi",
    "square miles": "sq mi",
    "square kilometre": "sq km",
    "square kilometres": "sq km",
    "square kilometer": "sq km",
    "square kilometers": "sq km",
    "square metre": "sq m",
    "square metres": "sq m",
    "square meter": "sq m",
    "square meters": "sq m",
    "square foot": "sq ft",
    "square feet": "sq ft",
    # Money in pence is a measure of its own: "55.2p" matches "55.2p", never a count or pounds.
    "pence": "pence",
    "penny": "pence",
}
YEARS_IN: Final = {"decade": 10.0, "century": 100.0}

# Numbers inside names: "Euro 2016", "Six Nations", "Formula 1", "World War Two", "League Two",
# "Boeing 737", "Radio 4", "M4", "G20", "Covid-19", "Twenty20". Read as kind "name", so that a name
# only matches the same name and never stands for (or is supported by) a plain count.
NAME_PREFIXES: Final = (
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
    # days, rounds and stages of an event: "day three of the final", "round two"
    "day",
    "round",
    "stage",
    "game",
    "leg",
    "phase",
    # grades of a scale: "a Category 4 hurricane", "category two ambulance calls"
    "category",
)
NOT_CODE_PREFIXES: Final = frozenset({"mid", "pre", "post", "early", "late", "under", "over", "top", "aged", "the"})
# Chemical formulas and particle classes: their digits count atoms or microns, no figure of the news
# ("CO2 emissions" where the article writes "carbon dioxide").
FORMULAS: Final = frozenset({"co2", "no2", "so2", "ch4", "n2o", "h2o", "nh3", "o2", "o3", "h2", "pm2", "pm10", "pm1"})
CURRENCY_CODES: Final = frozenset(
    {"us", "a", "au", "c", "ca", "nz", "hk", "s", "usd", "gbp", "eur", "jpy", "cny", "inr", "aud", "cad", "chf", "rs"}
)

# --- the words at which each kind of figure can start (lower-cased) ---------------------------
# The parser tries an extractor only at these words: every first word of its regex must be here.

NUMBER_START_WORDS: Final = frozenset({*UNITS, *TENS, "half", "an", *CURRENCY_CODES})
MONTH_WORDS: Final = frozenset(MONTHS)
ORDINAL_WORDS: Final = frozenset(ORDINALS)
VAGUE_WORDS: Final = frozenset({"dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens", "several"})
RATIO_START_WORDS: Final = frozenset({*UNITS, *TENS})  # "four in ten", "twenty-one out of 100"
# "two-thirds", "a third", "half", and glued: "twothirds"
FRACTION_START_WORDS: Final = frozenset(
    {*UNITS, "a", "an", "half", *(num + den for num in (*UNITS, "a", "an") for den in DENOMINATORS)}
)
DECADE_START_WORDS: Final = frozenset({"a", "one", "the"})  # "a decade", "the past century"
DECADE_LEADS: Final = ("past", "last", "next", "previous")  # the words between "the" and "decade"
# The first words of names with numbers ("Euro 2016", "S&P 500", "number one", "top six", "WWII",
# "Six Nations", "Second World War"), and "number" glued to its number ("numberone").
NAME_START_WORDS: Final = frozenset(
    {
        *(prefix.split()[0].split("&")[0] for prefix in NAME_PREFIXES),
        *UNITS,
        "tri",
        "number",
        "no",
        "top",
        "first",
        "second",
        "ww",
        "wwi",
        "wwii",
        "twenty",
        *("number" + word for word in (*UNITS, *TENS)),
    }
)

ROMAN: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
NAME_ALIASES: Final = {
    "first": "world war 1",
    "second": "world war 2",
    "wwi": "world war 1",
    "ww1": "world war 1",
    "wwii": "world war 2",
    "ww2": "world war 2",
    "f1": "formula 1",
}


WORD_BREAK_RE: Final = re.compile(r"[\s\-\u2013]+")  # between the words of a number: "twenty-five"

# --- reading numbers ---------------------------------------------------------------------------


def parse_number_words(words: str) -> float | None:
    """The value of a cardinal written in words ("twenty-five" -> 25, "two hundred and six" -> 206)."""
    total = 0.0
    current = 0.0
    seen = False
    lowered = words.lower()
    # One word ("six", "dozen") holds no break to split at: the regex call costs more than the rest.
    for token in (lowered,) if lowered.isalpha() else WORD_BREAK_RE.split(lowered):
        if not token or token == "and":
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0.0
        elif token in {"a", "an"}:
            current += 1
        elif token == "dozen":
            current = (current or 1) * 12
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_digits(digits: str) -> float:
    """The value of a run of digits: "8,216" -> 8216, tokenised "25, 000" -> 25000."""
    if "," not in digits:
        return float(digits)
    # Thousands separators: commas, and in tokenised text a space after them.
    return float("".join(digits.replace(",", "").split()))


def small_value(token: str) -> float | None:
    """A number written as digits or as one or two words."""
    token = token.strip()
    if token[:1].isdigit():
        return parse_digits(token)
    return parse_number_words(token)
