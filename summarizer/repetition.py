"""Loop detection: does the text generated so far end in the same piece repeated over and over?

Small models at temperature 0 fall into loops (the same key point, or the same few words, until
the output limit). `RepetitionDetector` watches a growing text and says when its tail is one unit
repeated, so the stream can be stopped within a stated bound instead of running to the limit:

    a loop whose unit is u characters (u <= MAX_UNIT_CHARS) is stopped once the unit has appeared
    max(MIN_REPEATS, ceil(MIN_REPEATED_CHARS / u)) times in a row, at most CHECK_EVERY characters later.

For a 100-character key point repeated, that is 3 copies plus at most 32 characters.
A real summary does not repeat 200 characters word for word three times, so no false alarm.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_REPEATS = 3
MIN_REPEATED_CHARS = 200
MAX_UNIT_CHARS = 1000
CHECK_EVERY = 32


@dataclass(frozen=True, slots=True)
class Repetition:
    """The tail of a text is `unit` (its last `len(unit)` characters) repeated `repeats` times."""

    unit: str
    repeats: int


def repeating_tail(
    text: str,
    *,
    min_repeats: int = MIN_REPEATS,
    min_chars: int = MIN_REPEATED_CHARS,
    max_unit: int = MAX_UNIT_CHARS,
) -> Repetition | None:
    """The shortest unit that the end of `text` repeats at least `min_repeats` times over `min_chars`, or None."""
    n = len(text)
    for size in range(1, min(max_unit, n // min_repeats) + 1):
        if text[-1] != text[-1 - size]:
            continue  # cheap reject: a repeat of this size would end in the same character
        repeats = max(min_repeats, math.ceil(min_chars / size))
        if repeats * size > n:
            continue
        unit = text[n - size :]
        if all(text[n - (k + 1) * size : n - k * size] == unit for k in range(1, repeats)):
            return Repetition(unit=unit, repeats=repeats)
    return None


class RepetitionDetector:
    """Fed the generated text piece by piece; `looping` turns true once its tail repeats (see module doc)."""

    def __init__(self) -> None:
        # Enough tail for the longest unit at its repeat count; older text cannot matter.
        self._keep = MAX_UNIT_CHARS * MIN_REPEATS + CHECK_EVERY
        self._tail = ""
        self._unchecked = 0
        self.repetition: Repetition | None = None

    @property
    def looping(self) -> bool:
        """Whether the text fed so far ends in a loop."""
        return self.repetition is not None

    def feed(self, piece: str) -> bool:
        """Add generated text; True once the text ends in a loop."""
        if self.repetition is not None or not piece:
            return self.repetition is not None
        self._tail = (self._tail + piece)[-self._keep :]
        self._unchecked += len(piece)
        if self._unchecked >= CHECK_EVERY:
            self._unchecked = 0
            self.repetition = repeating_tail(self._tail)
        return self.repetition is not None
