"""The typed result of the figure parser: one `Figure` per figure found in a text."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Figure"]


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in a text, with its normalised meaning.

    Conventions (the grounding check relies on them):

    - `text` covers the whole phrase: a qualifier in front ("more than"), the currency, the
      number, the scale ("bn", "million") and a trailing unit word ("per cent", "dollars", "years").
    - Percentages and fractions share one scale: `value` is in percent ("a third" -> 33.33, unit "%").
    - Money and counts are scaled to plain numbers ("$480m" -> 480_000_000.0); `scale` keeps the word.
    - Dates: `value` is year * 10_000 + month * 100 + day, with 0 for a missing part ("3 March" -> 303).
    - Times of day: `value` in hours after midnight ("10.30pm" -> 22.5); only with "am", "pm" or a part
      of the day ("three o'clock in the morning"), or as hours and minutes after a word that leads a
      time ("at 16:25", "by noon", "at midnight") or joined to another such hour ("from 06:45 to 21:15",
      "open 08:00-18:30"); "six o'clock" alone and "the 16:25 train" are no figures.
    - A letter set apart from its number, with no currency, is a unit: "46 m" is 46 metres, "8,300 t"
      8,300 tonnes ("£46 m" and "46m" stay millions).
    - Decades: `value` is the first year ("the 1990s" -> 1990). Durations and ages: `value` in `unit`s.
    - Vague amounts ("dozens", "hundreds of") carry the smallest value they can mean and `vague=True`;
      "several" has no value at all.
    - "and a half" belongs to its number ("two-and-a-half-year" -> 2.5 years, "2½", "a year and a
      half"), and "half a/an" to its unit ("half an hour" -> 0.5 hours, "half a dozen" -> 6); "half a
      decade" and "half a century" are read in years, like "a decade".
    - The bare end of a range takes the unit of the other end ("10 to 15 years", "from six hours to
      12"), though its `text` holds only the number.
    - "top six", "a top-10 finish" are ranks: kind "name", unit "top 6" (like "number one"); "the top
      three officials" stays a count of officials.
    - Text may be lower-cased or tokenised ("two - year", "$ 5 million", "5 %"); both are read.
    """

    text: str
    """The figure as written, qualifier included: `text == source[start:end]`."""
    start: int
    """Offset of the first character in the text given to `find_figures`."""
    end: int
    """Offset just past the last character."""
    kind: str
    """What sort of figure: "money", "percent", "fraction", "count", "year", "date", "decade",
    "duration", "age", "measure", "ordinal", "time" (a time of day: "3am", "10.30pm") or "name" (a
    number that is part of a name or a rank)."""
    value: float | None
    """The normalised value (see the conventions above); None only for "several"."""
    unit: str | None
    """A currency code ("USD"), "%", a time unit ("year"), a measure ("km"), "date", "decade", or for
    a name the normalised name ("euro 2016", "number 1", "top 6"); None for counts, years, ordinals."""
    scale: str | None
    """The scale word as read ("million", "billion", "dozen"), whatever the spelling ("m", "bn")."""
    qualifier: str | None
    """A bound or hedge in front: "more_than", "at_least", "less_than", "up_to", "about", "nearly"
    or "record"; None when there is none."""
    vague: bool
    """Whether the figure is a vague amount ("dozens", "hundreds of", "several")."""
    role: str | None = None
    """What the number stands for, where its kind alone does not say: "age" (kind "age": "aged 77",
    "died at 77", "Tomas Berg, 77,"), "magnitude" (kind "measure", unit "magnitude": "a 6.3 quake",
    "magnitude-7.2"), "rank" (kind "name": "No. 3", "number one", "top six"), "anniversary" (kind
    "ordinal": "its 25th anniversary", a count of years since an event, unlike "finished 25th");
    None otherwise."""
