"""Backpressure: a bounded number of model calls in flight, a bounded queue, and a deadline per request.

`max_in_flight` bounds what it says: model calls out at once. Every model call of every summary
(re-asks included) passes the `ModelGate`, a FIFO semaphore of that many slots; a summary holds a
slot only while its model call is out, not while it builds its prompt, reads the cache, checks its
figures or stores its result. Holding a slot for the whole summary left it idle for that CPU work
(and for the GIL waits that stretch it under load): with 20 slots and a 1 s model, 1.4 s per summary
in a slot and 0.75 of the model's rate; only the model call in a slot keeps the slots busy.

Past `max_in_flight + queue` admitted requests, the next is turned away at once with 429 and a
Retry-After estimated from the recent model-call time -- an honest "come back in N seconds" instead
of a queue that grows until everything times out. An admitted request runs at once in its own
thread (off the event loop, which must stay free to answer health checks and 429s); one waiting for
a model slot takes it the moment another call ends. A request that outlives its deadline is answered
at once: still waiting for its first model slot, 429 (the queue was too long) and it never calls the
model; otherwise 504, its model call finishes and keeps its slot until then (so the bound on model
calls holds even for requests nobody waits for any more), and it makes no further call.
"""

from __future__ import annotations

import asyncio
import contextvars
import math
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Generic, TypeVar

from fastapi import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from summarizer.chat import ChatRequest, ModelClient, ModelReply

from .problems import ServiceError, problem, problem_response

T = TypeVar("T")


# Weight of the newest model-call time in the moving average behind Retry-After.
_SMOOTHING = 0.2


@dataclass(frozen=True, slots=True)
class Ran(Generic[T]):
    """What a work item returned, the seconds it waited for model slots, worked, and of that work, held a
    model slot (its model calls)."""

    value: T
    waited: float
    worked: float
    model: float = 0.0

    def server_timing(self) -> str:
        """A Server-Timing header value: wait (for model slots), work and its model calls, in milliseconds."""
        return (
            f"wait;dur={self.waited * 1000:.1f}, work;dur={self.worked * 1000:.1f}, model;dur={self.model * 1000:.1f}"
        )


@dataclass(slots=True)
class _Ticket:
    """One admitted request, as the gate sees it: its deadline, its waits, whether anyone still waits for it."""

    deadline: float  # time.monotonic()
    waiting: bool = False  # for a model slot, now
    calls: int = 0
    waited: float = 0.0
    called: float = 0.0  # seconds in model calls
    abandoned: ServiceError | None = None


# The ticket of the request whose work runs in this thread (set by Admission, read by the gate).
_TICKET: contextvars.ContextVar[_Ticket | None] = contextvars.ContextVar("summarizer_service_ticket", default=None)


class ModelGate:
    """At most `slots` model calls out at once across this process; waiters served first come, first served."""

    def __init__(self, slots: int) -> None:
        self._lock = threading.Lock()
        self._free = slots
        self._waiters: deque[threading.Event] = deque()
        self.running = 0  # model calls out now
        self.call_time = 1.0  # seconds; a moving average of model calls

    @property
    def waiting(self) -> int:
        """Calls waiting for a slot."""
        return len(self._waiters)

    def guard(self, client: ModelClient) -> ModelClient:
        """`client` with every call passing this gate."""
        return _GatedClient(client, self)

    def call(self, ticket: _Ticket | None, work: Callable[[], T]) -> T:
        """Run one model call in a slot, waiting for one until the ticket's deadline."""
        self._acquire(ticket)
        started = time.monotonic()
        try:
            return work()
        finally:
            elapsed = time.monotonic() - started
            with self._lock:
                self.call_time += _SMOOTHING * (elapsed - self.call_time)
                if ticket is not None:
                    ticket.called += elapsed
            self._release()

    def abandon(self, ticket: _Ticket, late: ServiceError) -> ServiceError:
        """Nobody waits for this request any more: no further model call for it. Its caller's answer:
        429 when it was still waiting for its first model slot, else `late`."""
        with self._lock:
            never_called = ticket.calls == 0 and ticket.waiting
            ticket.abandoned = _waited_too_long(ticket, self.call_time) if never_called else late
            return ticket.abandoned

    def _acquire(self, ticket: _Ticket | None) -> None:
        with self._lock:
            if ticket is not None and ticket.abandoned:
                raise ticket.abandoned
            if self._free > 0 and not self._waiters:
                self._free -= 1
                self._took(ticket, 0.0)
                return
            turn = threading.Event()
            self._waiters.append(turn)
            if ticket is not None:
                ticket.waiting = True
        asked = time.monotonic()
        turn.wait(None if ticket is None else max(0.0, ticket.deadline - asked))
        with self._lock:
            if turn.is_set():  # _handover gave this call a slot (perhaps just as its wait timed out)
                if ticket is None or ticket.abandoned is None:
                    self._took(ticket, time.monotonic() - asked)
                    return
                self._free += 1  # nobody waits for this request any more: the slot goes to the next
                self._handover()
            else:
                self._waiters.remove(turn)
        assert ticket is not None
        ticket.waiting = False
        raise ticket.abandoned or _waited_too_long(ticket, self.call_time)

    def _took(self, ticket: _Ticket | None, waited: float) -> None:
        # With the lock held, a slot taken for this call.
        self.running += 1
        if ticket is not None:
            ticket.waiting, ticket.calls, ticket.waited = False, ticket.calls + 1, ticket.waited + waited

    def _release(self) -> None:
        with self._lock:
            self.running -= 1
            self._free += 1
            self._handover()

    def _handover(self) -> None:
        # With the lock held: a free slot goes to the longest waiter at once, not to whoever asks next.
        if self._free > 0 and self._waiters:
            self._free -= 1
            self._waiters.popleft().set()


class _GatedClient:
    """A ModelClient whose calls pass a ModelGate; everything else is the wrapped client's."""

    def __init__(self, inner: ModelClient, gate: ModelGate) -> None:
        self.inner = inner
        self._gate = gate

    @property
    def model(self) -> str:
        return self.inner.model

    @property
    def endpoint(self) -> str:
        return self.inner.endpoint

    def complete(self, request: ChatRequest) -> ModelReply:
        return self._gate.call(_TICKET.get(), lambda: self.inner.complete(request))

    async def acomplete(self, request: ChatRequest) -> ModelReply:
        # The service summarises in threads; an async caller waits for its slot in one too.
        return await asyncio.to_thread(self.complete, request)

    def close(self) -> None:
        close = getattr(self.inner, "close", None)
        if callable(close):
            close()


def _waited_too_long(ticket: _Ticket, call_time: float) -> ServiceError:
    waited = f"waited {ticket.waited:.1f}s" if ticket.calls else "waited its whole deadline"
    return _at_capacity(f"the request {waited} for a model slot", max(1.0, math.ceil(call_time)))


def _at_capacity(why: str, wait: float) -> ServiceError:
    """The 429 of a server at capacity, saying why and when to come back."""
    return ServiceError(
        429, "Too Many Requests", f"the server is at capacity ({why}); retry after {wait:.0f}s", retry_after=wait
    )


class Admission:
    """Admits at most `slots + queue` requests at once, each run in a thread; model calls pass `gate`."""

    def __init__(self, *, slots: int, queue: int, deadline: float) -> None:
        self.slots = slots
        self.queue = queue
        self.deadline = deadline
        self.gate = ModelGate(slots)
        # A thread per admitted request: one waiting for a model slot must not keep another from its CPU work.
        self._executor = ThreadPoolExecutor(max_workers=slots + queue, thread_name_prefix="summarize")
        self._lock = threading.Lock()
        self._admitted = 0
        self.closed = False

    @property
    def running(self) -> int:
        """Model calls out now."""
        return self.gate.running

    @property
    def waiting(self) -> int:
        """Model calls waiting for a slot."""
        return self.gate.waiting

    @property
    def full(self) -> bool:
        """Whether the next request would be turned away."""
        return self.closed or self._admitted >= self.slots + self.queue

    def retry_after(self) -> float:
        """Seconds until a slot is likely free: the calls waiting drained at the recent pace."""
        rounds = self.waiting / self.slots + 1
        return max(1.0, math.ceil(rounds * self.gate.call_time))

    async def run(self, work: Callable[[], T]) -> Ran[T]:
        """Run `work` within the deadline, or raise ServiceError (429 busy, 503 closing, 504)."""
        with self._lock:
            if self.closed:
                raise ServiceError(
                    503, "Service Unavailable", "the server is shutting down; retry on another instance", slug="closing"
                )
            if self._admitted >= self.slots + self.queue:
                raise self.busy()
            self._admitted += 1
        ticket = _Ticket(deadline=time.monotonic() + self.deadline)
        future = self._executor.submit(contextvars.copy_context().run, self._timed, work, ticket)
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout=self.deadline)
        except TimeoutError:
            raise self._abandon(ticket) from None

    def close(self) -> None:
        """Admit nothing more; wait for work already admitted to finish."""
        with self._lock:
            self.closed = True
        self._executor.shutdown(wait=True)

    def busy(self) -> ServiceError:
        """The 429 to answer now."""
        why = f"all {self.slots} model slots are busy and {self.queue} requests are waiting"
        return _at_capacity(why, self.retry_after())

    def _abandon(self, ticket: _Ticket) -> ServiceError:
        """The answer for a request past its deadline; its thread makes no further model call."""
        late = ServiceError(
            504,
            "Deadline Exceeded",
            f"the summary took longer than the {self.deadline:g}s deadline; try again, or raise "
            f"SUMMARIZER_SERVE_DEADLINE",
            slug="deadline",
        )
        return self.gate.abandon(ticket, late)

    def _timed(self, work: Callable[[], T], ticket: _Ticket) -> Ran[T]:
        _TICKET.set(ticket)
        started = time.monotonic()
        value = work()
        elapsed = time.monotonic() - started
        return Ran(value, waited=ticket.waited, worked=elapsed - ticket.waited, model=ticket.called)

    def _release(self, _: Future[Ran[T]]) -> None:
        # Runs when the work finishes or fails: only then does the request stop counting.
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
