"""Progress on stderr: a live tqdm bar on a terminal, a plain line every few seconds otherwise.

tqdm (a small, dependency-free, long-maintained progress library) draws the bar; when stderr is
a file or a pipe (CI logs, `2> log`), a bar's carriage returns would be noise, so a plain line is
printed every `interval` seconds instead. `--quiet` prints neither; the closing summary is the
caller's to print.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, Any, TextIO

from tqdm import tqdm

from summarizer.text import clean_text

if TYPE_CHECKING:
    from summarizer.batch.runner import Counters


def status_text(counters: Counters) -> str:
    """done / failed / cached, rate, tokens and estimated cost, in one short line."""
    cost = "" if counters.cost is None else f" ~${counters.cost:.4f}"
    return (
        f"{counters.ok} ok, {counters.failed} failed, {counters.cached} cached, {counters.skipped} skipped"
        f" | {counters.rate:.1f}/s | {counters.tokens:,} tokens{cost}"
    )


class Progress:
    """Shows a batch's counters while it runs."""

    def __init__(self, *, stream: TextIO | None = None, quiet: bool = False, interval: float = 10.0) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._quiet = quiet
        self._interval = interval
        self._last_line = time.monotonic()
        self._bar: tqdm[Any] | None = None
        if not quiet and self._stream.isatty():
            self._bar = tqdm(total=None, unit="article", file=self._stream, dynamic_ncols=True, smoothing=0.1)

    def update(self, counters: Counters, *, force: bool = False) -> None:
        """Show the counters now (bar), or when a line is due (plain)."""
        if self._quiet:
            return
        if self._bar is not None:
            self._bar.total = counters.total if counters.total_known else None
            self._bar.n = counters.finished
            self._bar.set_postfix_str(status_text(counters), refresh=False)
            self._bar.refresh()
            return
        now = time.monotonic()
        if force or now - self._last_line >= self._interval:
            self._last_line = now
            eta = f", ETA {counters.eta:.0f}s" if counters.eta is not None else ""
            total = f"/{counters.total}" if counters.total_known else ""
            print(f"summarizer: batch {counters.finished}{total}: {status_text(counters)}{eta}", file=self._stream)

    def note(self, message: str) -> None:
        """A one-off line (a skipped duplicate id, say) that does not break the bar."""
        if self._quiet:
            return
        line = clean_text(message)
        if self._bar is not None:
            self._bar.write(line, file=self._stream)
        else:
            print(line, file=self._stream)

    def close(self) -> None:
        """Remove the bar."""
        if self._bar is not None:
            self._bar.close()
