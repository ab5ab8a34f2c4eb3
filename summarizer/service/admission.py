"""Backpressure: a bounded number of summaries at work, a bounded queue, and a deadline per request.

A summary holds one worker thread from its first model call to its last (re-asks included), so
`max_in_flight` bounds the model calls in flight. Past `max_in_flight + queue` admitted requests,
the next is turned away at once with 429 and a Retry-After estimated from the recent service time
-- an honest "come back in N seconds" instead of a queue that grows until everything times out.

The work runs in threads, off the event loop: the figure check is CPU-bound, and the loop must stay
free to answer health checks and 429s while every slot is busy. A request that outlives its
deadline is answered at once; if its work had not started it is dropped (429: the queue was too
long), if it had started it finishes in its thread and keeps its slot until then (504), so the
bound on model calls holds even for requests nobody is waiting for any more.
"""

from __future__ import annotations

import asyncio
import contextvars
import math
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .problems import ServiceError, problem, problem_response

T = TypeVar("T")

# Weight of the newest service time in the moving average behind Retry-After.
_SMOOTHING = 0.2


@dataclass(frozen=True, slots=True)
class Ran(Generic[T]):
    """What a work item returned, the seconds it waited for a slot and the seconds it ran."""

    value: T
    waited: float
    worked: float

    def server_timing(self) -> str:
        """A Server-Timing header value: wait (queue) and work, in milliseconds."""
        return f"wait;dur={self.waited * 1000:.1f}, work;dur={self.worked * 1000:.1f}"


class Admission:
    """Runs blocking work in at most `slots` threads, with at most `queue` more waiting."""

    def __init__(self, *, slots: int, queue: int, deadline: float) -> None:
        self.slots = slots
        self.queue = queue
        self.deadline = deadline
        self._executor = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="summarize")
        self._lock = threading.Lock()
        self._admitted = 0  # running + waiting
        self._running = 0
        self._service_time = 1.0  # seconds; a moving average of finished work
        self.closed = False

    @property
    def running(self) -> int:
        """Work items in a thread now."""
        return self._running

    @property
    def waiting(self) -> int:
        """Admitted work items not started yet."""
        return self._admitted - self._running

    @property
    def full(self) -> bool:
        """Whether the next request would be turned away."""
        return self.closed or self._admitted >= self.slots + self.queue

    def retry_after(self) -> float:
        """Seconds until a slot is likely free: the queue ahead drained at the recent pace."""
        rounds = self.waiting / self.slots + 1
        return max(1.0, math.ceil(rounds * self._service_time))

    async def run(self, work: Callable[[], T]) -> Ran[T]:
        """Run `work` in a slot within the deadline, or raise ServiceError (429 busy, 503 closing, 504)."""
        with self._lock:
            if self.closed:
                raise ServiceError(
                    503, "Service Unavailable", "the server is shutting down; retry on another instance", slug="closing"
                )
            if self._admitted >= self.slots + self.queue:
                raise self.busy()
            self._admitted += 1
        context = contextvars.copy_context()
        future = self._executor.submit(context.run, self._timed, work, time.monotonic())
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout=self.deadline)
        except TimeoutError:
            if future.cancelled():
                raise self._busy(f"the request waited {self.deadline:g}s for a free slot") from None
            raise ServiceError(
                504,
                "Deadline Exceeded",
                f"the summary took longer than the {self.deadline:g}s deadline; try again, or raise "
                f"SUMMARIZER_SERVE_DEADLINE",
                slug="deadline",
            ) from None

    def close(self) -> None:
        """Admit nothing more; wait for work already admitted to finish."""
        with self._lock:
            self.closed = True
        self._executor.shutdown(wait=True)

    def busy(self) -> ServiceError:
        """The 429 to answer now."""
        return self._busy(f"all {self.slots} summary slots are busy and {self.queue} requests are waiting")

    def _busy(self, why: str) -> ServiceError:
        wait = self.retry_after()
        return ServiceError(
            429, "Too Many Requests", f"the server is at capacity ({why}); retry after {wait:.0f}s", retry_after=wait
        )

    def _timed(self, work: Callable[[], T], admitted: float) -> Ran[T]:
        with self._lock:
            self._running += 1
        started = time.monotonic()
        try:
            value = work()
        finally:
            elapsed = time.monotonic() - started
            with self._lock:
                self._running -= 1
                self._service_time += _SMOOTHING * (elapsed - self._service_time)
        return Ran(value, waited=started - admitted, worked=elapsed)

    def _release(self, _: Future[Ran[T]]) -> None:
        # Runs when the work finishes, fails, or is cancelled before it started: only then is the slot free.
        with self._lock:
            self._admitted -= 1


class BodyLimit:
    """ASGI middleware: 413 (problem details) for a body over the endpoint's limit.

    A declared Content-Length over the limit is refused before a byte is read; a body sent without
    one (chunked) is counted as it arrives and refused the moment it passes the limit.
    """

    def __init__(self, app: ASGIApp, limits: Callable[[str], int]) -> None:
        self.app = app
        self._limit_for = limits

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        limit = self._limit_for(path)
        advice = "send a smaller body" + (" or split the batch" if path.startswith("/v1/batches") else "")
        declared = next((value for name, value in scope["headers"] if name == b"content-length"), None)
        if declared is not None and declared.isdigit() and int(declared) > limit:
            detail = f"the body is {int(declared)} bytes; this endpoint takes at most {limit}: {advice}"
            await problem_response(problem(413, "Content Too Large", detail, "content-too-large"))(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # fastapi's HTTPException passes through its body parsing to the problem handler.
                    raise HTTPException(413, f"the body is over {limit} bytes, the most this endpoint takes: {advice}")
            return message

        await self.app(scope, counted, send)


class ShedLoad:
    """ASGI middleware: when admission is full, answer 429 before reading (or parsing) the body.

    Turning a request away must cost far less than serving one, or an overload spends the CPU the
    admitted requests need; the handler's own admission check still decides races.
    """

    def __init__(self, app: ASGIApp, admission: Admission, paths: frozenset[str]) -> None:
        self.app = app
        self._admission = admission
        self._paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        admission = self._admission
        if scope["type"] == "http" and scope["path"] in self._paths and admission.full and not admission.closed:
            busy = admission.busy()
            answer = problem(busy.status, busy.title, busy.detail, busy.slug)
            await problem_response(answer, retry_after=busy.retry_after)(scope, receive, send)
            return
        await self.app(scope, receive, send)
