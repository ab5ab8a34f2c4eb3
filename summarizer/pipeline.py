"""One article through the flow: prompt, cache, model, validate (re-ask), ground (re-ask), store.

The conversation with the model is written once, as a generator that yields requests and
receives replies; `Summarizer.summarize` drives it with blocking calls and `asummarize` with
awaits, so the sync and async paths cannot drift apart. On the async path every step between
two model calls (cache lookup, parsing, the figure check, cache store) runs in a worker thread,
so a busy batch never blocks its event loop for the length of a check.

The same article asked for twice at once (by threads or tasks) is sent to the model once: the
first caller owns the conversation, the others wait for its result (`_InFlight`).

Many articles: `summarize_many` (threads, results in input order) and `asummarize_many` (tasks,
an async iterator of results as they complete), both with bounded concurrency, both yielding an
`Outcome` per article so that one bad article never costs the others.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import contextvars
import json
import logging
import re
import threading
import time
from collections.abc import AsyncIterable, AsyncIterator, Callable, Generator, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeAlias, TypeVar
from urllib.parse import urlsplit

from pydantic import ValidationError

from .cache import DiskCache, NoCache, ResultCache, cache_key, open_cache
from .chat import ChatRequest, ModelClient, ModelReply, messages_of
from .config import Settings
from .errors import ConfigError, ModelError, ModelOutputError, SummarizerError
from .extractive import extractive_summary
from .grounding import GroundingReport, verify
from .limits import Throttle, as_completed_bounded
from .longform import (
    NOTES_SCHEMA_NAME,
    ChunkNotes,
    chunk_budget,
    estimate_tokens,
    extracted_text,
    is_long,
    parse_notes,
    split_into_chunks,
)
from .prompts import PromptTemplate, fence, fence_id, load_prompt
from .reading import article_from_text
from .result import Provenance, SummaryResult, Usage
from .salvage import salvage
from .schemas import ArticleSummary, output_token_bound, schema_hash, strict_json_schema
from .streaming import ProgressCallback
from .text import clean_text

log = logging.getLogger("summarizer")

SCHEMA_NAME = "article_summary"
# The output budget when a schema leaves a list or string unbounded (a user's subclass may).
UNBOUNDED_OUTPUT_TOKENS = 4000
# Reasoning models count their hidden reasoning against max_completion_tokens.
REASONING_ALLOWANCE_TOKENS = 16000
# A local server on a CPU writes a few tokens a second: its derived budget is capped (a good summary
# takes about 1,000 tokens; measured with SmolLM2-135M at ~6 tokens/s, the full bound took 20 minutes).
LOCAL_MAX_OUTPUT_TOKENS = 2048
# After a cut-off answer, the one re-ask gets half the budget, but never less than this.
MIN_CUT_REASK_TOKENS = 512
# finish_reason values of an answer that was cut off rather than finished.
_CUT = {"length": "reached the output limit", "loop": "started repeating itself"}
# An article this short (and no cache to read) takes its first step on the event loop; see _starts_on_loop.
_ON_LOOP_CHARS = 20_000
# Worker threads of the async path's steps between model calls; see _off_loop.
_ASYNC_WORKERS = 1
_T = TypeVar("_T")
_FENCED_JSON = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)

Conversation = Generator[ChatRequest, ModelReply, ArticleSummary]
GroundedConversation = Generator[ChatRequest, ModelReply, tuple[ArticleSummary, GroundingReport]]


@dataclass
class _Trace:
    """What the conversation cost: HTTP attempts, re-asks, tokens."""

    attempts: int = 0
    reasks: int = 0
    grounding_reasks: int = 0
    usage: Usage = field(default_factory=Usage)
    output_mode: str | None = None

    def record(self, reply: ModelReply) -> None:
        self.attempts += reply.attempts
        self.usage = self.usage + reply.usage
        self.output_mode = reply.output_mode


@dataclass(frozen=True, slots=True)
class _Run:
    """One model conversation under way: its cache key, start time, cost so far and the conversation."""

    key: str
    started: float
    trace: _Trace
    conversation: GroundedConversation
    # Callers asking for the same article meanwhile wait on this instead of asking the model again.
    shared: concurrent.futures.Future[SummaryResult]


@dataclass(frozen=True, slots=True)
class _Join:
    """The same article is being summarised by another caller right now: wait for its result."""

    shared: concurrent.futures.Future[SummaryResult]
    started: float


class _AbandonedError(Exception):
    """The caller that owned a shared conversation was cancelled; a waiter must ask again itself."""


# An article for summarize_many: its text, or (text, title).
ArticleInput: TypeAlias = str | tuple[str, str | None]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article of summarize_many: its position in the input, and its result or the error it met."""

    index: int
    result: SummaryResult | None = None
    error: SummarizerError | None = None

    @property
    def ok(self) -> bool:
        """Whether the article was summarised."""
        return self.result is not None


class Summarizer:
    """Summarises articles with one configuration, model client and cache.

    The client and cache are injected when given (tests pass a client pointed at the fake
    server); otherwise they are built from the settings.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        client: ModelClient | None = None,
        cache: ResultCache | None = None,
        output_model: type[ArticleSummary] = ArticleSummary,
        throttle: Throttle | None = None,
        progress: ProgressCallback | None = None,
        **overrides: Any,
    ) -> None:
        if settings is None:
            settings = Settings.from_env(**overrides)
        elif overrides:
            settings = settings.with_changes(**{k: v for k, v in overrides.items() if v is not None})
        self.settings = settings
        self.engine = "openai" if client is not None else settings.resolved_engine()
        # A Summarizer closes what it built and only that: an injected client or cache is the caller's.
        self._owns_client = client is None
        self._owns_cache = cache is None
        if self.engine == "openai" and client is None:
            if not settings.model_configured:
                raise ConfigError(
                    "the openai engine needs a model endpoint: set OPENAI_API_KEY (or OPENAI_BASE_URL for a "
                    "local server such as Ollama or vLLM), or use the extractive engine"
                )
            from .client import OpenAIClient  # noqa: PLC0415 - the SDK loads only when a model is used

            client = OpenAIClient(settings, throttle=throttle, on_progress=progress)
        self._client = client
        # The extractive engine computes its answer faster than a cache could return it: it opens none.
        self._cache: ResultCache = cache or (open_cache(settings) if self.engine == "openai" else NoCache())
        self._template: PromptTemplate = load_prompt("summarize", settings.prompts_dir)
        self._extract_template: PromptTemplate | None = None  # loaded for the first long article
        # A subclass of ArticleSummary may tighten or extend the schema; its hash keys the cache.
        self._output_model = output_model
        self._schema = strict_json_schema(output_model)
        self._notes_schema = strict_json_schema(ChunkNotes)
        self._schema_sha256 = schema_hash(self._schema)
        self._in_flight: dict[str, concurrent.futures.Future[SummaryResult]] = {}
        self._in_flight_lock = threading.Lock()
        self.max_output_tokens = output_budget(settings, self._schema)
        # The async path's worker thread for the steps between model calls (built on first use).
        self._worker: concurrent.futures.ThreadPoolExecutor | None = None
        self._worker_lock = threading.Lock()

    # -- public ----------------------------------------------------------------------------------

    def summarize(self, text: str, *, title: str | None = None) -> SummaryResult:
        """Summarise one article (blocking)."""
        while True:
            step = self._start(text, title)
            if isinstance(step, SummaryResult):
                return step
            if isinstance(step, _Join):
                try:
                    # Another caller paid for this result at the same moment; like a cache hit, it cost us nothing.
                    return _cost_free(step.shared.result(), step.started)
                except _AbandonedError:
                    continue
            run, request = step
            assert self._client is not None
            try:
                while True:
                    try:
                        reply: ModelReply | ModelError = self._client.complete(request)
                    except ModelError as error:
                        reply = error  # the conversation decides: an optional step carries on without it
                    outcome = self._advance(run, reply)
                    if isinstance(outcome, SummaryResult):
                        return outcome
                    request = outcome
            except BaseException as error:
                self._abandon(run, error)
                raise

    async def asummarize(self, text: str, *, title: str | None = None) -> SummaryResult:
        """Summarise one article without blocking the event loop (the figure check and cache run in a thread)."""
        return await self._asummarize(text, title, None)

    @property
    def reads_cache(self) -> bool:
        """Whether a result may come from the cache (one is open, and refresh is off)."""
        return self._client is not None and not self.settings.refresh and not isinstance(self._cache, NoCache)

    @property
    def model_client(self) -> ModelClient | None:
        """The model client this Summarizer uses (None for the extractive engine)."""
        return self._client

    def first_request(self, text: str, *, title: str | None = None) -> ChatRequest | SummaryResult:
        """The first request the model gets for this article, or its result when none is needed (cache, extractive).

        For answering elsewhere (the Batch API); `acontinue` takes the answer and finishes the article.
        """
        article = article_from_text(text, max_bytes=self.settings.max_input_bytes)
        title = clean_text(title) if title else title
        if self._client is None:
            return self._extractive(article, title, time.perf_counter())
        cached = self._cached(self._key(article, title), time.perf_counter())
        if cached is not None:
            return cached
        conversation = self._conversation(article, title, _Trace())
        request = next(conversation)
        conversation.close()
        return request

    def cached_json(self, text: str, *, title: str | None = None) -> dict[str, Any] | None:
        """This article's stored result as JSON (a cost-free cache hit, as `summarize` would say), not validated again.

        For a batch that writes results straight out, so that a finished article costs a lookup rather
        than a validation and a dump. The entry is served only in the current layout (the fields of the
        result, its provenance and usage; the summary's schema and the check's version are in the key);
        otherwise, and on a miss, None: `summarize` then decides as usual.
        """
        if not self.reads_cache:
            return None
        started = time.perf_counter()
        try:
            article = article_from_text(text, max_bytes=self.settings.max_input_bytes)
        except SummarizerError:
            return None  # summarize says what is wrong with it
        stored = self._cache.get(self._key(article, clean_text(title) if title else title))
        if stored is None or not _in_current_layout(stored):
            return None
        provenance = {**stored["provenance"], **_COST_FREE, "usage": dict(_NO_USAGE)}
        provenance["latency_ms"] = _elapsed_ms(started)
        return {"summary": stored["summary"], "provenance": provenance, "grounding": stored["grounding"]}

    async def acontinue(self, text: str, reply: ModelReply, *, title: str | None = None) -> SummaryResult:
        """Finish an article whose first request (`first_request`) was answered elsewhere: validate, check,
        re-ask online if need be, store."""
        return await self._asummarize(text, title, reply)

    async def _asummarize(self, text: str, title: str | None, first_reply: ModelReply | None) -> SummaryResult:
        while True:
            if self._starts_on_loop(text):
                step = self._start(text, title)
            else:
                # Mostly cache I/O: asyncio's pool, so a new article never queues behind the figure checks.
                step = await asyncio.to_thread(self._start, text, title)
            if isinstance(step, SummaryResult):
                return step
            if isinstance(step, _Join):
                try:
                    # shield: a waiter being cancelled must not cancel the owner's conversation.
                    return _cost_free(await asyncio.shield(asyncio.wrap_future(step.shared)), step.started)
                except _AbandonedError:
                    continue
            run, request = step
            assert self._client is not None
            try:
                while True:
                    reply: ModelReply | ModelError
                    if first_reply is not None:
                        reply, first_reply = first_reply, None
                    else:
                        try:
                            reply = await self._client.acomplete(request)
                        except ModelError as error:
                            reply = error  # the conversation decides: an optional step carries on without it
                    outcome = await self._off_loop(self._advance, run, reply)
                    if isinstance(outcome, SummaryResult):
                        return outcome
                    request = outcome
            except BaseException as error:
                self._abandon(run, error)
                raise

    def _starts_on_loop(self, text: str) -> bool:
        """Whether an article's first step is cheaper than a thread hop: no cache to read, no check to run, short.

        Measured: ~0.3 ms for a 1,600-character article (clean, key, render the prompt). A hop costs
        as much, and worse, it queued new articles behind every figure check waiting for the worker.
        """
        return self._client is not None and isinstance(self._cache, NoCache) and len(text) <= _ON_LOOP_CHARS

    async def _off_loop(self, step: Callable[..., _T], *args: Any) -> _T:
        """Run one step between model calls on this Summarizer's worker thread (the caller's context kept).

        One thread, not asyncio's default pool: the steps are CPU-bound Python (parse, validate, the figure
        check), so more threads run them no faster; they only take the GIL from the event loop more often,
        and in the shared pool a new article's first step queued behind them (measured with the first step
        on the loop too: 500 articles at concurrency 100 and 1 s latency, 42 -> 58 articles/s).
        A check process instead of the thread was tried and not kept: 60 and 71 against 63 and 57
        articles/s at 1 s latency, 93 against 95 at none, for its start-up and pickling.
        """
        context = contextvars.copy_context()
        return await asyncio.get_running_loop().run_in_executor(self._worker_pool(), context.run, step, *args)

    def _worker_pool(self) -> concurrent.futures.ThreadPoolExecutor:
        with self._worker_lock:
            if self._worker is None:
                self._worker = concurrent.futures.ThreadPoolExecutor(
                    _ASYNC_WORKERS, thread_name_prefix="summarizer-worker"
                )
            return self._worker

    def _close_worker(self) -> None:
        with self._worker_lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.shutdown(wait=True)

    def summarize_many(self, articles: Iterable[ArticleInput], *, concurrency: int | None = None) -> Iterator[Outcome]:
        """Summarise many articles on `concurrency` threads; an Outcome per article, in input order.

        The input is read lazily (at most `concurrency` articles ahead), so it may be a generator
        over more articles than fit in memory. `concurrency` defaults to Settings.concurrency, else
        8, or 1 for a local server (it answers one request at a time).
        """
        concurrency = self.settings.effective_concurrency(concurrency, default=8)
        if concurrency < 1:
            raise ConfigError(f"concurrency must be at least 1; got {concurrency}")
        with concurrent.futures.ThreadPoolExecutor(concurrency, thread_name_prefix="summarize_many") as pool:
            window: collections.deque[concurrent.futures.Future[Outcome]] = collections.deque()
            for index, item in enumerate(articles):
                window.append(pool.submit(self._outcome, index, item))
                if len(window) >= concurrency:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()

    async def asummarize_many(
        self, articles: Iterable[ArticleInput] | AsyncIterable[ArticleInput], *, concurrency: int | None = None
    ) -> AsyncIterator[Outcome]:
        """Summarise many articles as tasks, at most `concurrency` at once; yields each Outcome as it completes.

        The input is read lazily; closing the iterator early cancels the articles still in flight.
        `concurrency` defaults to Settings.concurrency, else 16, or 1 for a local server.
        """
        concurrency = self.settings.effective_concurrency(concurrency, default=16)
        if concurrency < 1:
            raise ConfigError(f"concurrency must be at least 1; got {concurrency}")
        async for outcome in as_completed_bounded(articles, self._aoutcome, concurrency=concurrency):
            yield outcome

    def close(self) -> None:
        """Release the connections and cache this Summarizer built (not injected ones), on every event loop."""
        close = getattr(self._client, "close", None)
        if self._owns_client and callable(close):
            close()
        self._close_worker()
        if self._owns_cache and isinstance(self._cache, DiskCache):
            self._cache.close()

    async def aclose(self) -> None:
        """Release the connections and cache this Summarizer built, async ones on every event loop included."""
        aclose = getattr(self._client, "aclose", None)
        if self._owns_client and callable(aclose):
            await aclose()
        await asyncio.to_thread(self._close_worker)
        if self._owns_cache and isinstance(self._cache, DiskCache):
            self._cache.close()

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    async def __aenter__(self) -> Summarizer:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # -- one article, step by step -----------------------------------------------------------------

    def _start(self, text: str, title: str | None) -> SummaryResult | _Join | tuple[_Run, ChatRequest]:
        """A finished result (extractive, cache hit), a result to wait for, or a conversation and its first request."""
        article = article_from_text(text, max_bytes=self.settings.max_input_bytes)
        title = clean_text(title) if title else title
        started = time.perf_counter()
        if self._client is None:
            return self._extractive(article, title, started)
        key = self._key(article, title)
        cached = self._cached(key, started)
        if cached is not None:
            return cached
        with self._in_flight_lock:
            shared = self._in_flight.get(key)
            if shared is not None:
                return _Join(shared, started)
            shared = self._in_flight[key] = concurrent.futures.Future()
        trace = _Trace()
        run = _Run(key, started, trace, self._conversation(article, title, trace), shared)
        try:
            return run, next(run.conversation)
        except BaseException as error:
            self._abandon(run, error)
            raise

    def _advance(self, run: _Run, reply: ModelReply | ModelError) -> ChatRequest | SummaryResult:
        """Give the conversation the model's reply (or its failure): the next request, or the finished result."""
        try:
            if isinstance(reply, ModelError):
                return run.conversation.throw(reply)  # raised again here unless the conversation handles it
            return run.conversation.send(reply)
        except StopIteration as done:
            result = self._finish(run, *done.value)
        with self._in_flight_lock:
            del self._in_flight[run.key]
        run.shared.set_result(result)
        return result

    def _abandon(self, run: _Run, error: BaseException) -> None:
        """The conversation failed: callers waiting for it get the same error, or ask again if we were cancelled."""
        with self._in_flight_lock:
            if self._in_flight.get(run.key) is run.shared:
                del self._in_flight[run.key]
        if run.shared.done():
            return
        if isinstance(error, Exception) and not isinstance(error, asyncio.CancelledError):
            run.shared.set_exception(error)
        else:
            run.shared.set_exception(_AbandonedError())
        # Nobody may be waiting; mark the exception retrieved so it is not reported as lost.
        run.shared.exception()

    def _outcome(self, index: int, item: ArticleInput) -> Outcome:
        text, title = (item, None) if isinstance(item, str) else item
        try:
            return Outcome(index, result=self.summarize(text, title=title))
        except SummarizerError as error:
            return Outcome(index, error=error)

    async def _aoutcome(self, index: int, item: ArticleInput) -> Outcome:
        text, title = (item, None) if isinstance(item, str) else item
        try:
            return Outcome(index, result=await self.asummarize(text, title=title))
        except SummarizerError as error:
            return Outcome(index, error=error)

    # -- the conversation --------------------------------------------------------------------------

    def _conversation(self, article: str, title: str | None, trace: _Trace) -> GroundedConversation:
        template = self._template
        # The article, the title and the checker's findings (which quote the article) go to the model
        # only inside fences it cannot close; nothing from the article is ever outside one.
        ids = fence_id(article, title)
        source = article
        if is_long(article, self.settings.context_tokens, self.max_output_tokens):
            # Too long for the context: the summary is written from the sentences holding each part's
            # figures and claims, verbatim -- never from summaries of parts. Grounding uses the whole article.
            source = yield from self._extractions(article, title, trace)
        base = messages_of(
            ("system", template.render("system", fence=ids)),
            (
                "user",
                template.render(
                    "user", title=fence("title", title or "(none)", ids), article=fence("article", source, ids)
                ),
            ),
        )
        summary = yield from self._ask_until_valid(base, base, trace, self.settings.max_reasks)
        report = verify(article, summary)
        problems = report.problems()
        if not problems or not self.settings.grounding_reask:
            return summary, report
        # One targeted re-ask naming each figure the article does not support.
        trace.grounding_reasks = 1
        messages = base + messages_of(
            ("assistant", summary.model_dump_json()),
            ("user", template.render("grounding_reask", problems=fence("findings", _bullets(problems), ids))),
        )
        try:
            corrected = yield from self._ask_until_valid(messages, base, trace, 0)
        except ModelError as error:
            # The re-ask is optional: an invalid answer, a refusal or an endpoint that stopped answering
            # must not throw away a valid first summary (its problems are flagged in the report).
            log.warning("the grounding re-ask failed (%s); keeping the first summary", error)
            return summary, report
        # Keep the correction only if it is really better; whatever remains gets flagged.
        corrected_report = verify(article, corrected)
        if len(corrected_report.problems()) <= len(problems):
            return corrected, corrected_report
        return summary, report

    def _extractions(self, article: str, title: str | None, trace: _Trace) -> Generator[ChatRequest, ModelReply, str]:
        """Each chunk's figures and claims (one request per chunk), as the article sentences they come from."""
        template = self._extract_prompt()
        chunks = split_into_chunks(article, chunk_budget(self.settings.context_tokens, self.max_output_tokens))
        log.info(
            "the article (~%d tokens) does not fit a %d-token context: extracting figures and claims from %d parts",
            estimate_tokens(article),
            self.settings.context_tokens,
            len(chunks),
        )
        notes: list[ChunkNotes] = []
        for number, chunk in enumerate(chunks, start=1):
            ids = fence_id(chunk, title)
            base = messages_of(
                ("system", template.render("system", fence=ids)),
                (
                    "user",
                    template.render(
                        "user", title=fence("title", title or "(none)", ids), article=fence("article", chunk, ids)
                    ),
                ),
            )
            messages = base
            for attempt in range(self.settings.max_reasks + 1):
                reply = yield ChatRequest(
                    messages=messages,
                    schema_name=NOTES_SCHEMA_NAME,
                    schema=self._notes_schema,
                    max_output_tokens=self.max_output_tokens,
                )
                trace.record(reply)
                parsed = parse_notes(reply.content)
                if isinstance(parsed, ChunkNotes):
                    notes.append(parsed)
                    break
                if attempt < self.settings.max_reasks:
                    trace.reasks += 1
                    messages = base + messages_of(
                        ("assistant", reply.content or ""),
                        ("user", template.render("reask", errors=_bullets(parsed))),
                    )
            else:
                log.warning("part %d of %d gave no usable figures or claims; the others count", number, len(chunks))
        source = extracted_text(article, notes)
        if not source.strip():
            raise ModelOutputError(
                f"no figures or claims could be extracted from any of the {len(chunks)} parts of the long article",
                outputs=[],
                problems=["no usable extraction"],
            )
        return source

    def _extract_prompt(self) -> PromptTemplate:
        if self._extract_template is None:
            directory = self.settings.prompts_dir
            if directory is not None and not (directory / "extract.toml").is_file():
                directory = None  # custom templates without an extraction prompt: the shipped one
            self._extract_template = load_prompt("extract", directory)
        return self._extract_template

    def _ask_until_valid(
        self,
        messages: tuple[Mapping[str, str], ...],
        base: tuple[Mapping[str, str], ...],
        trace: _Trace,
        max_reasks: int,
    ) -> Conversation:
        outputs: list[str | None] = []
        problems: list[str] = []
        budget = self.max_output_tokens
        cut_reasked = False
        attempt = 0
        while True:
            request = ChatRequest(
                messages=messages, schema_name=SCHEMA_NAME, schema=self._schema, max_output_tokens=budget
            )
            reply = yield request
            trace.record(reply)
            outputs.append(reply.content)
            cut = _CUT.get(reply.finish_reason or "")
            if cut is not None:
                outcome = _after_cut(
                    reply,
                    cut=cut,
                    budget=budget,
                    reasked=cut_reasked,
                    model=self._output_model,
                    outputs=outputs,
                    problems=problems,
                )
                if isinstance(outcome, ArticleSummary):
                    return outcome
                # Once, instead of failing: the same question with a tighter budget and a request to be brief.
                cut_reasked, budget = True, outcome
                trace.reasks += 1
                messages = messages + messages_of(("user", self._template.render("cut_reask", reason=cut)))
                continue
            parsed = _parse(reply, self._output_model, outputs, problems)
            if isinstance(parsed, ArticleSummary):
                return parsed
            problems.append("; ".join(parsed))
            if attempt >= max_reasks:
                break
            attempt += 1
            trace.reasks += 1
            # Only the last failed answer goes back, so the conversation never grows past one round.
            messages = base + messages_of(
                ("assistant", reply.content or ""),
                ("user", self._template.render("reask", errors=_bullets(parsed))),
            )
        raise ModelOutputError(
            f"the model's answer was still invalid after {max_reasks} re-ask(s): {problems[-1]}",
            outputs=outputs,
            problems=problems,
        )

    # -- around the conversation -------------------------------------------------------------------

    def _key(self, article: str, title: str | None) -> str:
        assert self._client is not None
        s = self.settings
        return cache_key(
            engine="openai",
            model=self._client.model,
            endpoint=self._client.endpoint,
            prompt=(self._template.name, self._template.version, self._template.sha256),
            schema_sha256=self._schema_sha256,
            parameters={
                "reasoning": s.is_reasoning_model,
                "temperature": None if s.is_reasoning_model else s.temperature,
                "max_output_tokens": self.max_output_tokens,
                "reasoning_effort": s.reasoning_effort,
                "max_reasks": s.max_reasks,
                "context_tokens": s.context_tokens,
                "grounding_reask": s.grounding_reask,
                # Azure and some proxies choose the model version by query (?api-version=...); the key is
                # a hash, so the query (even one holding a secret) is never stored.
                "endpoint_query": urlsplit(s.base_url or "").query,
            },
            article=article,
            title=title,
        )

    def _cached(self, key: str, started: float) -> SummaryResult | None:
        if self.settings.refresh:
            return None
        stored = self._cache.get(key)
        if stored is None:
            return None
        try:
            # Validated as the output model, so a subclass keeps its extra fields on a hit.
            summary = self._output_model.model_validate(stored["summary"])
            result = SummaryResult.model_validate(
                {"summary": summary, "provenance": stored["provenance"], "grounding": stored["grounding"]}
            )
        except (KeyError, TypeError, ValidationError):
            log.warning("cache entry %s does not match the current schema; ignored", key[:12])
            return None
        # A hit costs no requests and no tokens; the stored provenance says how it was first made.
        return _cost_free(result, started)

    def _finish(self, run: _Run, summary: ArticleSummary, report: GroundingReport) -> SummaryResult:
        assert self._client is not None
        trace, started, key = run.trace, run.started, run.key
        result = SummaryResult(
            summary=summary,
            grounding=report,
            provenance=Provenance(
                engine="openai",
                model=self._client.model,
                endpoint=self._client.endpoint,
                prompt=self._template.name,
                prompt_version=self._template.version,
                output_mode=trace.output_mode,
                attempts=trace.attempts,
                reasks=trace.reasks,
                grounding_reasks=trace.grounding_reasks,
                usage=trace.usage,
                cache_hit=False,
                latency_ms=_elapsed_ms(started),
            ),
        )
        # The summary is dumped as what it is: a subclass of ArticleSummary keeps its extra fields.
        self._cache.set(key, {**result.model_dump(mode="json"), "summary": summary.model_dump(mode="json")})
        return result

    def _extractive(self, article: str, title: str | None, started: float) -> SummaryResult:
        summary = extractive_summary(article, title=title)
        return SummaryResult(
            summary=summary,
            grounding=verify(article, summary),
            provenance=Provenance(
                engine="extractive",
                model=None,
                endpoint=None,
                prompt=None,
                prompt_version=None,
                output_mode=None,
                attempts=0,
                reasks=0,
                grounding_reasks=0,
                usage=Usage(),
                cache_hit=False,
                latency_ms=_elapsed_ms(started),
            ),
        )


def _after_cut(
    reply: ModelReply,
    *,
    cut: str,
    budget: int,
    reasked: bool,
    model: type[ArticleSummary],
    outputs: list[str | None],
    problems: list[str],
) -> ArticleSummary | int:
    """A cut-off answer's complete part when it validates, else the tighter budget to re-ask with (once)."""
    tokens = reply.usage.completion_tokens
    salvaged = salvage(reply.content, model)
    if salvaged is not None:
        log.warning("the answer %s after %d tokens; kept its complete part", cut, tokens)
        return salvaged
    problems.append(f"finish_reason={reply.finish_reason}")
    if reasked:
        advice = (
            "raise SUMMARIZER_MAX_OUTPUT_TOKENS (--max-output-tokens)"
            if reply.finish_reason == "length"
            else "set SUMMARIZER_TEMPERATURE above 0 (e.g. 0.3)"
        )
        raise ModelOutputError(
            f"the model's answer {cut} again (max_output_tokens={budget}); {advice}, or use a stronger model",
            outputs=outputs,
            problems=problems,
        )
    tighter = max(MIN_CUT_REASK_TOKENS, budget // 2)
    log.warning("the answer %s after %d tokens; re-asking once with max_output_tokens=%d", cut, tokens, tighter)
    return tighter


def _parse(
    reply: ModelReply, model: type[ArticleSummary], outputs: list[str | None], problems: list[str]
) -> ArticleSummary | list[str]:
    """The validated summary, or the list of problems to send back to the model."""
    if reply.refusal:
        # Re-asking a refusal rarely changes the model's mind and costs a full request each time.
        raise ModelOutputError(
            f"the model refused to summarise the article: {reply.refusal}",
            outputs=outputs,
            problems=[*problems, f"refusal: {reply.refusal}"],
        )
    content = (reply.content or "").strip()
    if not content:
        return ["the answer was empty; reply with the JSON object"]
    fenced = _FENCED_JSON.match(content)
    if fenced:
        content = fenced.group(1)
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        return [f"the answer is not valid JSON ({error.msg} at line {error.lineno} column {error.colno})"]
    try:
        return model.model_validate(data)
    except ValidationError as error:
        return [_describe(detail) for detail in error.errors(include_url=False)]


def output_budget(settings: Settings, schema: dict[str, Any]) -> int:
    """max_output_tokens as set, else derived from the schema's bounds: capped for a local server, plus room to
    reason for reasoning models."""
    if settings.max_output_tokens is not None:
        return settings.max_output_tokens
    budget = output_token_bound(schema) or UNBOUNDED_OUTPUT_TOKENS
    if settings.is_local:
        budget = min(budget, LOCAL_MAX_OUTPUT_TOKENS)
    return budget + REASONING_ALLOWANCE_TOKENS if settings.is_reasoning_model else budget


def _describe(detail: Mapping[str, Any]) -> str:
    where = ".".join(str(part) for part in detail["loc"]) or "(top level)"
    return f"{where}: {detail['msg']}"


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def _elapsed_ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 3)


# A cache hit's provenance: no requests, no tokens (and this call's latency).
_COST_FREE: dict[str, Any] = {"cache_hit": True, "attempts": 0, "reasks": 0, "grounding_reasks": 0}
_NO_USAGE = Usage().model_dump(mode="json")
_RESULT_FIELDS = frozenset(SummaryResult.model_fields)
_PROVENANCE_FIELDS = frozenset(Provenance.model_fields)
_USAGE_FIELDS = frozenset(Usage.model_fields)


def _cost_free(result: SummaryResult, started: float) -> SummaryResult:
    """The result as a cache hit: no requests, no tokens, this call's latency."""
    provenance = result.provenance.model_copy(
        update={**_COST_FREE, "usage": Usage(), "latency_ms": _elapsed_ms(started)}
    )
    return result.model_copy(update={"provenance": provenance})


def _in_current_layout(stored: Mapping[str, Any]) -> bool:
    """Whether a cache entry has exactly the fields today's result, provenance and usage have."""
    provenance = stored.get("provenance")
    return (
        stored.keys() - {"format"} == _RESULT_FIELDS
        and isinstance(stored["summary"], dict)
        and isinstance(stored["grounding"], dict)
        and isinstance(provenance, dict)
        and provenance.keys() == _PROVENANCE_FIELDS
        and isinstance(provenance["usage"], dict)
        and provenance["usage"].keys() == _USAGE_FIELDS
    )
