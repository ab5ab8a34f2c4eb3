"""Find and normalise the figures of a text: money, percentages, counts, dates, ranks and names."""

from .extract import Figure, find_figures, parse_number_words

__all__ = ["Figure", "find_figures", "parse_number_words"]
