"""Client-side limits: requests and tokens per minute with one shared pause on 429, and bounded concurrency.

`Throttle` is consulted by the model client before every HTTP attempt (retries included), so a
batch never sends faster than `rpm`/`tpm` allow, however its requests are scheduled. Each limit
is a GCRA (a token bucket kept as one "theoretical arrival time"): a request reserves its slot
under a lock and then sleeps until it, so waiting callers are served in order and no burst forms
after an idle spell beyond `burst` requests. A 429 moves every future slot past the server's
Retry-After at once: one pause shared by all callers, instead of each task finding out alone.

Thread-safe: the sync and async paths reserve slots through the same lock; only the sleep differs.

`as_completed_bounded` runs a coroutine per item, at most `concurrency` at once, reading the items
lazily, and yields each result as it completes.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterable, AsyncIterator, Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# After a 429 with no Retry-After, wait this long before anyone asks again.
DEFAULT_PAUSE = 1.0
_TOKEN_TOLERANCE = 6.0
# A request that went late (a busy event loop wakes its sleepers late) may be followed this much sooner
# than the interval, at most a fifth of it: otherwise every late wake-up pushed back all the requests
# after it, and a loaded machine sustained 87% of a 600 rpm limit (measured; 14 ms lost per request).
_CATCH_UP = 0.02


# How often a thread holding the GIL is asked to let another run (Python's default: 5 ms). A thread
# that wakes from the network (a model's answer arriving) otherwise waits up to 5 ms behind a thread
# checking figures, at every read. `summarizer serve` and `summarizer batch` set it (measured: serve
# under 400 clients with 20 model slots, 0.80-0.83 -> 0.92-0.95 of the model's rate; batch at
# concurrency 100 against a 1 s model, 65-70% -> 75-80% of the rate), for ~20% more CPU.
SWITCH_INTERVAL = 0.001


@dataclass
class ThrottleStats:
    """What the throttle did: requests let through, time they spent waiting, pauses taken."""

    requests: int = 0
    waited_seconds: float = 0.0
    pauses: int = 0
    rate_limited: int = 0


class Throttle:
    """Requests-per-minute and tokens-per-minute limits with a shared pause; None means unlimited."""

    def __init__(
        self, rpm: float | None = None, tpm: float | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if rpm is not None and rpm <= 0:
            raise ValueError("rpm must be positive")
        if tpm is not None and tpm <= 0:
            raise ValueError("tpm must be positive")
        self.rpm, self.tpm = rpm, tpm
        self._clock = clock  # seconds, monotonic (a test passes its own)
        self._request_interval = 60.0 / rpm if rpm else 0.0
        self._min_spacing = self._request_interval - min(self._request_interval / 5, _CATCH_UP)
        self._token_interval = 60.0 / tpm if tpm else 0.0
        # GCRA: the time the next request (token) would be due.
        self._request_tat = 0.0
        self._token_tat = 0.0
        # When the last request really went: a caller that wakes late (a busy event loop) must not
        # go in the same instant as the one before it (nor sooner than _min_spacing after it).
        self._last_sent = -float("inf")
        self._paused_until = 0.0
        self._lock = threading.Lock()
        self.stats = ThrottleStats()

    def _reserve(self, tokens: int) -> float:
        """Reserve a slot for one request of `tokens`; the seconds to wait before sending it."""
        with self._lock:
            now = self._clock()
            start = max(now, self._paused_until)
            wait = start - now
            if self._request_interval:
                due = max(self._request_tat, start)
                wait = max(wait, due - now)
                self._request_tat = due + self._request_interval
            if self._token_interval and tokens > 0:
                # Tokens may run ahead of the steady rate by a tenth of a minute's worth.
                self._token_tat = max(self._token_tat, start) + tokens * self._token_interval
                wait = max(wait, self._token_tat - _TOKEN_TOLERANCE - now)
            self.stats.requests += 1
            self.stats.waited_seconds += max(wait, 0.0)
            return max(wait, 0.0)

    def _admit(self) -> float:
        """0 when a request may go now (and it is counted as gone), else the seconds still to wait."""
        with self._lock:
            now = self._clock()
            # A pause that began while we slept (another caller got a 429) holds us too.
            wait = max(self._paused_until - now, self._last_sent + self._min_spacing - now)
            if wait > 0:
                return wait
            self._last_sent = now
            return 0.0

    async def acquire(self, tokens: int = 0) -> None:
        """Wait (asynchronously) until one request of about `tokens` tokens may be sent."""
        await asyncio.sleep(self._reserve(tokens))
        while (wait := self._admit()) > 0:
            await asyncio.sleep(wait)

    def acquire_blocking(self, tokens: int = 0) -> None:
        """Wait (blocking this thread) until one request of about `tokens` tokens may be sent."""
        time.sleep(self._reserve(tokens))
        while (wait := self._admit()) > 0:
            time.sleep(wait)

    def refund(self, tokens: int) -> None:
        """Give back tokens reserved but not used (the estimate was above the reply's usage)."""
        if not self._token_interval or tokens <= 0:
            return
        with self._lock:
            self._token_tat = max(self._token_tat - tokens * self._token_interval, self._clock())

    def rate_limited(self, retry_after: float | None) -> None:
        """The server answered 429: nobody sends again until its Retry-After has passed."""
        with self._lock:
            self.stats.rate_limited += 1
            until = self._clock() + (retry_after if retry_after is not None else DEFAULT_PAUSE)
            if until > self._paused_until:
                self._paused_until = until
                self.stats.pauses += 1


async def as_completed_bounded(
    items: Iterable[T] | AsyncIterable[T], work: Callable[[int, T], Awaitable[R]], *, concurrency: int
) -> AsyncIterator[R]:
    """`work(index, item)` for every item, at most `concurrency` at once; yields results as they complete.

    Items are read only as slots free up, so the input may be larger than memory. Closing the
    iterator early cancels the work still in flight.
    """
    if concurrency < 1:
        raise ValueError(f"concurrency must be at least 1; got {concurrency}")
    source = _numbered(items)
    running: set[asyncio.Task[R]] = set()
    # Each task puts itself here when done: O(1) a result, where asyncio.wait(running) hooks and unhooks
    # every running task at each call (at concurrency 400, 800 callback edits per finished article).
    finished: asyncio.Queue[asyncio.Task[R]] = asyncio.Queue()
    exhausted = False
    try:
        while True:
            while not exhausted and len(running) < concurrency:
                try:
                    index, item = await anext(source)
                except StopAsyncIteration:
                    exhausted = True
                    break
                task = asyncio.ensure_future(work(index, item))
                task.add_done_callback(finished.put_nowait)
                running.add(task)
            if not running:
                return
            task = await finished.get()
            running.discard(task)
            yield task.result()
    finally:
        for task in running:
            task.cancel()
        if running:
            await asyncio.gather(*running, return_exceptions=True)


async def _numbered(items: Iterable[T] | AsyncIterable[T]) -> AsyncIterator[tuple[int, T]]:
    index = 0
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield index, item
            index += 1
    else:
        for item in items:
            yield index, item
            index += 1
