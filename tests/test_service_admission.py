"""Admission and the model gate, in-process: at most N model calls at once, a freed slot to the longest
waiter, and a request past its deadline never calls the model. A scripted model client stands in for the
model (the gate and admission are the real ones)."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

from summarizer.client import ModelReply
from summarizer.service.admission import Admission
from summarizer.service.problems import ServiceError


class SlowModel:
    """A model client that takes `seconds` per call and records calls and the most at once.

    With `hold_until`, the first calls also wait (up to 5 s) until that many are in at once, so on a
    loaded machine a call does not end before the gate has let the others in: how many overlap is then
    up to the gate, not to the scheduler."""

    model = "scripted"
    endpoint = "http://scripted.invalid/v1"

    def __init__(self, seconds: float, hold_until: int = 0) -> None:
        self.seconds = seconds
        self.calls: list[str] = []
        self.most = 0
        self._now = 0
        self._lock = threading.Lock()
        self._hold_until = hold_until
        self._full = threading.Event()

    def complete(self, request: Any) -> ModelReply:
        with self._lock:
            self.calls.append(request)
            self._now += 1
            self.most = max(self.most, self._now)
            if self._now >= self._hold_until:
                self._full.set()
        self._full.wait(timeout=5)
        time.sleep(self.seconds)
        with self._lock:
            self._now -= 1
        return request  # type: ignore[no-any-return]

    async def acomplete(self, request: Any) -> ModelReply:
        return self.complete(request)


def test_at_most_n_model_calls_at_once_and_every_request_served() -> None:
    admission = Admission(slots=3, queue=20, deadline=10)
    model = SlowModel(0.05, hold_until=3)
    client = admission.gate.guard(model)

    async def main() -> list[Any]:
        return await asyncio.gather(*(admission.run(lambda n=n: client.complete(f"r{n}")) for n in range(12)))

    ran = asyncio.run(main())
    admission.close()
    assert sorted(r.value for r in ran) == sorted(f"r{n}" for n in range(12))
    assert model.most == 3 and len(model.calls) == 12
    assert all(r.model >= 0.05 for r in ran) and max(r.waited for r in ran) >= 0.1  # three rounds


def test_a_freed_slot_goes_to_the_longest_waiter() -> None:
    admission = Admission(slots=1, queue=5, deadline=10)
    model = SlowModel(0.05)
    client = admission.gate.guard(model)

    async def main() -> None:
        tasks = []
        for n in range(5):
            tasks.append(asyncio.ensure_future(admission.run(lambda n=n: client.complete(f"r{n}"))))
            while admission.gate.running + admission.gate.waiting < n + 1:  # r{n} is at the gate
                await asyncio.sleep(0.001)
        await asyncio.gather(*tasks)

    asyncio.run(main())
    admission.close()
    assert model.calls == ["r0", "r1", "r2", "r3", "r4"]


def test_past_its_deadline_a_waiting_request_is_429_and_never_calls_the_model() -> None:
    # (margins of a second or more: on a loaded machine a call may start late, so the deadline must
    # fall well inside the model's call and the wait after it well past its end)
    admission = Admission(slots=1, queue=1, deadline=1.0)
    model = SlowModel(2.0)
    client = admission.gate.guard(model)

    async def main() -> tuple[BaseException | Any, BaseException | Any]:
        first = asyncio.ensure_future(admission.run(lambda: client.complete("first")))
        while admission.gate.running < 1:
            await asyncio.sleep(0.001)
        second = asyncio.ensure_future(admission.run(lambda: client.complete("second")))
        results = await asyncio.gather(first, second, return_exceptions=True)
        return results[0], results[1]

    first, second = asyncio.run(main())
    assert isinstance(first, ServiceError) and first.status == 504
    assert isinstance(second, ServiceError) and second.status == 429 and "whole deadline" in second.detail
    time.sleep(1.5)  # the first call ends; its slot must not go to the abandoned second request
    assert model.calls == ["first"]
    assert admission.gate.running == admission.gate.waiting == 0
    # The slot is free again for the next request.
    model.seconds = 0.05
    after = asyncio.run(admission.run(lambda: client.complete("third")))
    admission.close()
    assert after.value == "third" and model.calls == ["first", "third"]


def test_past_the_queue_the_next_request_is_turned_away_at_once() -> None:
    admission = Admission(slots=1, queue=1, deadline=10)
    model = SlowModel(0.2)
    client = admission.gate.guard(model)

    async def main() -> list[Any]:
        return await asyncio.gather(
            *(admission.run(lambda n=n: client.complete(f"r{n}")) for n in range(3)), return_exceptions=True
        )

    results = asyncio.run(main())
    admission.close()
    refused = [r for r in results if isinstance(r, ServiceError)]
    assert len(refused) == 1 and refused[0].status == 429 and refused[0].retry_after is not None
    assert len(model.calls) == 2


def test_retry_after_counts_the_rounds_of_calls_waiting_at_the_recent_call_time() -> None:
    admission = Admission(slots=2, queue=10, deadline=10)
    model = SlowModel(0.3)
    client = admission.gate.guard(model)
    idle = admission.retry_after()

    async def main() -> float:
        tasks = [asyncio.ensure_future(admission.run(lambda n=n: client.complete(f"r{n}"))) for n in range(6)]
        while admission.gate.running + admission.gate.waiting < 6:
            await asyncio.sleep(0.001)
        busy = admission.retry_after()  # 2 calls out, 4 waiting: 3 rounds of the 1 s assumed before any call ended
        await asyncio.gather(*tasks)
        return busy

    busy = asyncio.run(main())
    admission.close()
    assert (idle, busy) == (1, 3)
    assert 0.3 <= admission.gate.call_time < 1.0  # learnt from the calls that ended
