"""The library under load: many articles, identical articles at once, closing what was opened, rate limits."""

from __future__ import annotations

import asyncio
import itertools
import subprocess
import sys
import textwrap
import threading

import pytest
from pydantic import model_validator
from support import REPO, valid_answer

from summarizer import Outcome, Summarizer, Throttle
from summarizer.config import Settings
from summarizer.schemas import ArticleSummary
from summarizer.testing import FakeOpenAIServer, Reply


def test_the_same_article_asked_by_many_threads_at_once_is_sent_once(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.default = Reply.stall(0.3, then=Reply.json(valid_answer()))
    results = []
    with Summarizer(settings.with_changes(use_cache=False)) as summarizer:
        threads = [threading.Thread(target=lambda: results.append(summarizer.summarize(article))) for _ in range(20)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(server.requests_for("/chat/completions")) == 1
    assert len(results) == 20
    assert sum(not result.provenance.cache_hit for result in results) == 1  # one paid, nineteen joined
    assert {result.summary.summary for result in results} == {valid_answer()["summary"]}


def test_the_same_article_asked_by_many_tasks_at_once_is_sent_once(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.default = Reply.stall(0.3, then=Reply.json(valid_answer()))

    async def run() -> list[int]:
        async with Summarizer(settings.with_changes(use_cache=False)) as summarizer:
            results = await asyncio.gather(*(summarizer.asummarize(article) for _ in range(20)))
        return [result.provenance.attempts for result in results]

    attempts = asyncio.run(run())
    assert sorted(attempts) == [0] * 19 + [1]
    assert len(server.requests_for("/chat/completions")) == 1


def test_a_failure_reaches_every_caller_waiting_for_the_same_article(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.default = Reply.stall(0.2, then=Reply.status(401))

    async def run() -> list[BaseException | object]:
        async with Summarizer(settings.with_changes(use_cache=False)) as summarizer:
            return await asyncio.gather(*(summarizer.asummarize(article) for _ in range(5)), return_exceptions=True)

    outcomes = asyncio.run(run())
    assert [type(outcome).__name__ for outcome in outcomes] == ["AuthenticationError"] * 5
    assert len(server.requests_for("/chat/completions")) == 1


def test_summarize_many_keeps_input_order_and_turns_bad_articles_into_errors(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.default = Reply.json(valid_answer())
    with Summarizer(settings.with_changes(use_cache=False)) as summarizer:
        outcomes = list(summarizer.summarize_many([article, "   ", (article + "\nMore.", "A title")], concurrency=3))
    assert [outcome.index for outcome in outcomes] == [0, 1, 2]
    assert [outcome.ok for outcome in outcomes] == [True, False, True]
    assert type(outcomes[1].error).__name__ == "InputError"
    bodies = [request.body.decode() for request in server.requests_for("/chat/completions")]
    assert len(bodies) == 2
    assert sum("A title" in body for body in bodies) == 1


def test_asummarize_many_yields_results_as_they_complete(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    slow, fast = article, article + "\nA second, shorter story."

    def responder(request: object) -> Reply:
        body = getattr(request, "body", b"").decode()
        delay = 0.05 if "shorter story" in body else 0.6
        return Reply.stall(delay, then=Reply.json(valid_answer()))

    server.responder = responder

    async def run() -> list[Outcome]:
        async with Summarizer(settings.with_changes(use_cache=False)) as summarizer:
            return [outcome async for outcome in summarizer.asummarize_many([slow, fast], concurrency=2)]

    outcomes = asyncio.run(run())
    assert [outcome.index for outcome in outcomes] == [1, 0]  # the fast one first
    assert all(outcome.ok for outcome in outcomes)


def test_a_summarizer_does_not_close_a_client_it_was_given(settings: Settings) -> None:
    closed: list[str] = []

    class Client:
        model, endpoint = "scripted", "scripted://"

        def close(self) -> None:
            closed.append("closed")

    with Summarizer(settings, client=Client()):  # type: ignore[arg-type]
        pass
    assert closed == []


README_ASYNC_EXAMPLE = """
import asyncio, sys, warnings
from summarizer import Summarizer

import pathlib
article = pathlib.Path(sys.argv[2]).read_text(encoding="utf-8")
# The README's example: a Summarizer around asyncio.run(), here twenty times over.
with Summarizer(engine="openai", base_url=sys.argv[1], api_key="test", use_cache=False) as summarizer:
    for _ in range(20):
        asyncio.run(summarizer.asummarize(article))

async def main():
    async with Summarizer(engine="openai", base_url=sys.argv[1], api_key="test", use_cache=False) as s:
        async for outcome in s.asummarize_many([article, article + " Again."], concurrency=2):
            assert outcome.ok, outcome.error
asyncio.run(main())

# An event loop that is still open when the Summarizer closes: close() closes its connections too.
loop = asyncio.new_event_loop()
summarizer = Summarizer(engine="openai", base_url=sys.argv[1], api_key="test", use_cache=False)
loop.run_until_complete(summarizer.asummarize(article))
summarizer.close()
loop.close()
import gc; gc.collect()
print("done")
"""


def test_the_readme_async_example_leaves_no_unclosed_resource_under_python_dev_mode(
    server: FakeOpenAIServer,
) -> None:
    server.default = Reply.json(valid_answer())
    completed = subprocess.run(
        [
            sys.executable,
            "-X",
            "dev",
            "-c",
            textwrap.dedent(README_ASYNC_EXAMPLE),
            server.base_url,
            str(REPO / "examples" / "harbour-expansion.txt"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "done"
    assert "Unclosed" not in completed.stderr
    assert "ResourceWarning" not in completed.stderr, completed.stderr
    assert len(server.requests_for("/chat/completions")) == 23


def test_the_throttle_spaces_requests_and_pauses_everyone_after_a_429(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.default = Reply.json(valid_answer())
    throttle = Throttle(rpm=120)  # one request per 0.5 s

    async def run() -> None:
        async with Summarizer(settings.with_changes(use_cache=False), throttle=throttle) as summarizer:
            # The first request of a client pays for setting up its HTTP session after the throttle let it go.
            await summarizer.asummarize(f"{article}\nWarm-up.")
            server.clear()
            server.script(Reply.status(429, headers={"retry-after": "1"}))
            await asyncio.gather(*(summarizer.asummarize(f"{article}\nStory {n}.") for n in range(4)))

    asyncio.run(run())
    arrivals = [request.received_at for request in server.requests_for("/chat/completions")]
    assert len(arrivals) == 5
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    # Never faster than the limit. The throttle spaces admissions by 0.5 s; on a loaded machine a request
    # may leave a little after its admission, narrowing its gap to the next, hence the slack.
    assert min(gaps) >= 0.3
    # After the 429 (the first request), nobody asked again before its Retry-After had passed.
    assert arrivals[1] - arrivals[0] >= 0.95
    assert throttle.stats.rate_limited == 1


_VALIDATED_ON: list[str] = []


class _ThreadNotingSummary(ArticleSummary):
    """The output model, noting which thread validated each answer (a user's subclass may run code here too)."""

    @model_validator(mode="after")
    def _note_thread(self) -> _ThreadNotingSummary:
        _VALIDATED_ON.append(threading.current_thread().name)
        return self


@pytest.mark.parametrize("use_cache", [False, True])
def test_answers_are_handled_on_the_summarizers_own_worker_which_ends_with_it(
    server: FakeOpenAIServer, settings: Settings, article: str, use_cache: bool
) -> None:
    server.default = Reply.json(valid_answer())
    _VALIDATED_ON.clear()
    articles = [f"{article}\nFiled by desk {letter}." for letter in "ABCDEFGH"]

    async def run() -> tuple[str, list[Outcome]]:
        async with Summarizer(settings.with_changes(use_cache=use_cache), output_model=_ThreadNotingSummary) as s:
            return threading.current_thread().name, [o async for o in s.asummarize_many(articles, concurrency=4)]

    loop_thread, outcomes = asyncio.run(run())
    assert all(outcome.ok for outcome in outcomes) and len(outcomes) == 8
    # Parsing, validation and the figure check ran on one worker thread, never on the event loop's.
    assert len(_VALIDATED_ON) == 8 and loop_thread not in _VALIDATED_ON
    assert {name.rsplit("_", 1)[0] for name in _VALIDATED_ON} == {"summarizer-worker"}
    assert not [thread for thread in threading.enumerate() if thread.name.startswith("summarizer-worker")]
    # Eight streamed answers, four at a time: the connections are reused, not opened per request.
    assert server.stats()["connections"] <= 4


def test_a_request_that_went_late_does_not_push_back_the_ones_after_it() -> None:
    now = [0.0]
    throttle = Throttle(rpm=600, clock=lambda: now[0])  # one request per 0.1 s
    # Four callers arrive together and reserve their slots: 0, 0.1, 0.2, 0.3 s.
    assert [throttle._reserve(0) for _ in range(4)] == pytest.approx([0.0, 0.1, 0.2, 0.3])

    def goes_at(woke: float) -> float:
        """A caller wakes (on time or late) and waits for admission; when its request goes."""
        now[0] = woke
        while (wait := throttle._admit()) > 0:
            now[0] += wait
        return now[0]

    assert goes_at(0.0) == 0.0
    assert goes_at(0.115) == pytest.approx(0.115)  # 15 ms late
    # The next keeps its own slot instead of going a whole interval after the late one ...
    assert goes_at(0.2) == pytest.approx(0.2)
    # ... but never sooner after a late one than 80% of the interval.
    assert goes_at(0.29) == pytest.approx(0.29)
    assert goes_at(0.3) == pytest.approx(0.37)
