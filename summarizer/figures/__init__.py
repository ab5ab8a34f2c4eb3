"""Find and normalise the figures of a text: money, percentages, counts, dates, ranks and names.

`lexicon` holds the words, `patterns` the regexes built from them, `extract` finds candidates and
keeps one per stretch of text, `model` is the typed `Figure` it returns.
"""

from .extract import find_figures
from .lexicon import parse_number_words
from .model import Figure

__all__ = ["Figure", "find_figures", "parse_number_words"]
