"""The model boundary: a small `ModelClient` protocol and its OpenAI Chat Completions implementation.

This is the only module that imports `openai`. SDK errors are translated here, once, into ours
(or into `TransientError` for the retry policy). Any OpenAI-compatible endpoint works through
its base URL: OpenAI, Azure, vLLM, Ollama, llama.cpp server.

Every completion is streamed, so that
- the timeout means "no new token for N seconds" (`Settings.idle_timeout`), and a total deadline
  (`Settings.request_deadline`) bounds each request however slowly the server drips bytes;
- an answer that starts repeating itself is stopped at once (finish_reason "loop"), and the
  connection closed so a local server stops generating too;
- progress (tokens, tokens/s) can be shown while a slow local model writes.
"""

from __future__ import annotations

import asyncio
import contextvars
import email.utils
import json
import logging
import ssl
import threading
import time
import weakref
from collections.abc import AsyncGenerator, AsyncIterator, Iterator, Mapping, Sequence
from typing import Any, Final, cast
from urllib.parse import urlsplit, urlunsplit

import anyio
import httpx2
import openai
from openai.types.chat import ChatCompletion

from .chat import ChatRequest, ModelClient, ModelReply, messages_of
from .config import Settings
from .errors import (
    AuthenticationError,
    ConfigError,
    ContextLengthError,
    ModelRequestError,
    ModelUnavailableError,
    QuotaError,
)
from .limits import Throttle
from .output_modes import MODES_FILE, OUTPUT_MODES, LearntModes, OutputMode
from .redaction import protect_logs, redact, remember, secrets_in_url
from .result import Usage
from .retry import TransientError, acall_with_retries, call_with_retries
from .schemas import output_token_bound, strict_subset
from .streaming import ProgressCallback, ServerSentEvents, StreamAccumulator, StreamError

log = logging.getLogger("summarizer.client")

OPENAI_ENDPOINT = "https://api.openai.com/v1"
# The output budget when neither the request, the settings nor the schema bound it.
DEFAULT_MAX_OUTPUT_TOKENS = 4000


class _OutputModeRejectedError(Exception):
    """The endpoint does not support the response_format we sent; try the next mode."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


# How close to a deadline an SDK timeout must come to be that deadline's (seconds).
_CLOCK_SLACK: Final = 1.0


class _Watch:
    """The clock of one streamed request: no new token for `idle` seconds, or past the total deadline, ends it."""

    def __init__(self, idle: float, deadline: float) -> None:
        self.idle = idle
        self.total = deadline
        self.started = time.monotonic()
        self.deadline = self.started + deadline
        self.last_token = self.started

    def touch(self) -> None:
        """A token arrived."""
        self.last_token = time.monotonic()

    def seconds_left(self) -> float:
        """Until the next token is due or the deadline passes, whichever comes first."""
        return min(self.deadline, self.last_token + self.idle) - time.monotonic()

    def expired(self) -> bool:
        return self.seconds_left() <= 0

    def timeout_error(self) -> TransientError:
        """Why the request ran out of time, with the setting that gives it more."""
        if time.monotonic() >= self.deadline - 0.01:
            return TransientError(
                f"the request passed its total deadline of {self.total:g}s",
                advice="raise SUMMARIZER_DEADLINE (--deadline) if the model is slow",
            )
        return TransientError(
            f"no new token within {self.idle:g}s",
            advice="raise SUMMARIZER_TIMEOUT (--timeout) if the model is slow to start or to write",
        )


class _StreamExpiredError(Exception):
    """The request's watch ran out while tokens (or keep-alive bytes) were still trickling in."""


# The watch of the request being sent on this thread or task; the sync transport reads it.
_current_watch: contextvars.ContextVar[_Watch | None] = contextvars.ContextVar("summarizer_watch", default=None)


class _WatchedTransport(httpx2.BaseTransport):
    """An httpx2 transport that checks the request's watch on every block of bytes received.

    The SDK's timeout is per read, so a server dripping a byte now and then would never time out;
    checking at each read bounds the request by its deadline (plus at most one per-read timeout when
    the server falls silent).
    """

    def __init__(self, inner: httpx2.BaseTransport) -> None:
        self._inner = inner

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        response = self._inner.handle_request(request)
        watch = _current_watch.get()
        if watch is None:
            return response
        assert isinstance(response.stream, httpx2.SyncByteStream)
        return httpx2.Response(
            response.status_code,
            headers=response.headers,
            stream=_WatchedStream(response.stream, watch, request),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._inner.close()


class _WatchedStream(httpx2.SyncByteStream):
    def __init__(self, inner: httpx2.SyncByteStream, watch: _Watch, request: httpx2.Request) -> None:
        self._inner, self._watch, self._request = inner, watch, request

    def __iter__(self) -> Iterator[bytes]:
        for block in self._inner:
            if self._watch.expired():
                raise httpx2.ReadTimeout("the request's time ran out", request=self._request)
            yield block

    def close(self) -> None:
        self._inner.close()


def public_endpoint(base_url: str | None) -> str:
    """The endpoint URL with any user:password removed, fit for logs, provenance and cache keys."""
    if not base_url:
        return OPENAI_ENDPOINT
    parts = urlsplit(base_url.rstrip("/"))
    netloc = parts.hostname or ""
    if parts.port:
        netloc = f"{netloc}:{parts.port}"
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


class OpenAIClient:
    """ModelClient over the openai SDK's Chat Completions API."""

    def __init__(
        self, settings: Settings, *, throttle: Throttle | None = None, on_progress: ProgressCallback | None = None
    ) -> None:
        self._settings = settings
        # Client-side rate limits, consulted before every HTTP attempt (retries included).
        self._throttle = throttle
        self._on_progress = on_progress
        # Secrets are known before the first request can log anything; every log line of the SDK and
        # its HTTP stack (which prints user:password@ of a base URL at INFO) goes through the filter.
        remember(settings.api_key, *secrets_in_url(settings.base_url))
        protect_logs()
        # Local servers (Ollama, vLLM, llama.cpp) need no key, but the SDK insists on one.
        self._api_key = settings.api_key or "no-key-needed"
        self._endpoint = public_endpoint(settings.base_url)
        self._mode_key = f"{self._endpoint}|{settings.model}"
        self._modes = LearntModes(settings.cache_dir / MODES_FILE if settings.use_cache else None)
        self._sync = openai.OpenAI(
            api_key=self._api_key,
            base_url=settings.base_url,
            timeout=settings.idle_timeout,
            max_retries=0,
            http_client=openai.DefaultHttpxClient(transport=_WatchedTransport(httpx2.HTTPTransport())),
        )
        # An async client's connections belong to the event loop that opened them, so each loop gets
        # its own client (asyncio.run() twice must not reuse sockets of a closed loop), paired with
        # the started async generator that closes it (see _closer).
        self._async: weakref.WeakKeyDictionary[
            asyncio.AbstractEventLoop, tuple[openai.AsyncOpenAI, AsyncGenerator[None, None]]
        ] = weakref.WeakKeyDictionary()
        self._async_lock = threading.Lock()

    @property
    def model(self) -> str:
        return self._settings.model

    @property
    def endpoint(self) -> str:
        return self._endpoint

    def close(self) -> None:
        """Release the HTTP connections: the sync client's, and each event loop's that can still run."""
        self._sync.close()
        try:
            current = asyncio.get_running_loop()
        except RuntimeError:
            current = None
        for loop, closer in self._take_async_clients():
            if loop.is_closed():
                continue  # its loop ran shutdown_asyncgens (asyncio.run does), which closed it; or it never will
            if loop is current:
                # close() called from inside this loop's own code: the loop is busy running us.
                loop.create_task(closer.aclose())
            elif loop.is_running():
                asyncio.run_coroutine_threadsafe(closer.aclose(), loop).result(timeout=30)
            else:
                loop.run_until_complete(closer.aclose())

    async def aclose(self) -> None:
        """Release every HTTP connection this client opened, async ones included."""
        current = asyncio.get_running_loop()
        pending = self._take_async_clients()
        self._sync.close()
        for loop, closer in pending:
            if loop is current:
                await closer.aclose()
            elif loop.is_running():
                await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(closer.aclose(), loop))
            elif not loop.is_closed():
                # An idle loop (run_until_complete style): close its client by running the loop briefly
                # in a worker thread, since this thread is busy with the current loop.
                await asyncio.to_thread(loop.run_until_complete, closer.aclose())

    def _take_async_clients(self) -> list[tuple[asyncio.AbstractEventLoop, AsyncGenerator[None, None]]]:
        with self._async_lock:
            taken = [(loop, closer) for loop, (_, closer) in self._async.items()]
            self._async.clear()
        return taken

    def complete(self, request: ChatRequest) -> ModelReply:
        attempts = 0
        while True:
            mode = self._modes.get(self._mode_key)
            counter = _Counter()

            def call(mode: OutputMode = mode, counter: _Counter = counter) -> StreamAccumulator:
                counter.count += 1
                estimate = self._token_estimate(request)
                if self._throttle is not None:
                    self._throttle.acquire_blocking(estimate)
                return self._settled(self._stream(request, mode), estimate)

            try:
                answer = call_with_retries(call, self._settings)
            except _OutputModeRejectedError as rejection:
                attempts += counter.count
                self._fall_back_from(mode, rejection)
                continue
            return self._reply(answer, mode, attempts + counter.count)

    async def acomplete(self, request: ChatRequest) -> ModelReply:
        attempts = 0
        while True:
            mode = self._modes.get(self._mode_key)
            counter = _Counter()

            async def call(mode: OutputMode = mode, counter: _Counter = counter) -> StreamAccumulator:
                counter.count += 1
                estimate = self._token_estimate(request)
                client = await self._async_client()
                if self._throttle is not None:
                    await self._throttle.acquire(estimate)
                return self._settled(await self._astream(client, request, mode), estimate)

            try:
                answer = await acall_with_retries(call, self._settings)
            except _OutputModeRejectedError as rejection:
                attempts += counter.count
                self._fall_back_from(mode, rejection)
                continue
            return self._reply(answer, mode, attempts + counter.count)

    def check(self, timeout: float = 5.0) -> None:
        """Raise a ModelError unless the endpoint answers and takes our key (a readiness probe: GET /models).

        Any answer but a refusal of the key counts as reachable: some compatible servers have no /models.
        """
        try:
            self._sync.with_options(timeout=min(timeout, self._settings.idle_timeout)).models.list()
        except Exception as error:
            translated = self._translate_failure(error, "prompt")
            if isinstance(translated, AuthenticationError | QuotaError):
                raise translated from None
            if isinstance(translated, TransientError):
                reason = translated.reason
            elif isinstance(error, openai.APIStatusError):
                return  # it answered (a 404 for /models, say): reachable
            else:
                reason = type(error).__name__
            raise ModelUnavailableError(f"{self._endpoint} is not answering ({reason})", attempts=1) from None

    # -- one request ---------------------------------------------------------------------------

    def _stream(self, request: ChatRequest, mode: OutputMode) -> StreamAccumulator:
        """Send one request and read its stream until it ends, loops, or runs out of time."""
        watch = _Watch(self._settings.idle_timeout, self._settings.request_deadline)
        answer = StreamAccumulator(self._on_progress)
        token = _current_watch.set(watch)
        try:
            with self._sync.chat.completions.with_streaming_response.create(
                **self._arguments(request, mode), timeout=min(watch.idle, watch.total)
            ) as response:  # leaving it closes the connection: a local server stops generating
                events = ServerSentEvents()
                for line in response.iter_lines():
                    chunk = events.line(line)
                    if chunk is not None and answer.feed(chunk):
                        watch.touch()
                    if answer.looping or events.done:
                        break
                    if watch.expired():
                        raise _StreamExpiredError
                else:
                    _feed_last(events, answer)
        except Exception as error:
            raise self._translate(error, mode, watch) from None
        finally:
            _current_watch.reset(token)
            answer.done()
        return _checked(answer)

    async def _astream(self, client: openai.AsyncOpenAI, request: ChatRequest, mode: OutputMode) -> StreamAccumulator:
        """Async twin of `_stream`; the event loop's timer enforces the watch, drip or silence alike."""
        watch = _Watch(self._settings.idle_timeout, self._settings.request_deadline)
        answer = StreamAccumulator(self._on_progress)
        loop = asyncio.get_running_loop()
        try:
            async with asyncio.timeout(watch.seconds_left()) as timer:
                async with client.chat.completions.with_streaming_response.create(
                    **self._arguments(request, mode), timeout=min(watch.idle, watch.total)
                ) as response:
                    events = ServerSentEvents()
                    async for line in response.iter_lines():
                        chunk = events.line(line)
                        if chunk is not None and answer.feed(chunk):
                            watch.touch()
                            timer.reschedule(loop.time() + watch.seconds_left())
                        if events.done:
                            await _drain(response.http_response)
                        if answer.looping or events.done:
                            break
                    else:
                        _feed_last(events, answer)
        except Exception as error:
            raise self._translate(error, mode, watch) from None
        finally:
            answer.done()
        return _checked(answer)

    async def _async_client(self) -> openai.AsyncOpenAI:
        loop = asyncio.get_running_loop()
        with self._async_lock:
            entry = self._async.get(loop)
            if entry is not None:
                return entry[0]
            client = openai.AsyncOpenAI(
                api_key=self._api_key,
                base_url=self._settings.base_url,
                timeout=self._settings.idle_timeout,
                max_retries=0,
                http_client=_async_http_client(self._settings.http_transport),
            )
            closer = _closer(client)
            self._async[loop] = (client, closer)
        # Started here, so the loop tracks it: asyncio.run() closes it (and so the client) on exit.
        await closer.asend(None)
        return client

    def _token_estimate(self, request: ChatRequest) -> int:
        """Tokens one attempt may use, for the tokens-per-minute limit: ~4 characters a token, plus the output cap."""
        if self._throttle is None:
            return 0
        characters = sum(len(message.get("content", "")) for message in request.messages)
        return characters // 4 + len(json.dumps(request.schema)) // 4 + self._budget(request)

    def _settled(self, answer: StreamAccumulator, estimate: int) -> StreamAccumulator:
        # The reply says what the request really cost; what the estimate held back beyond that is freed.
        if self._throttle is not None:
            self._throttle.refund(estimate - answer.result_usage.total_tokens)
        return answer

    def _budget(self, request: ChatRequest) -> int:
        """The request's output budget: its own, else the settings', else the schema's bound."""
        return (
            request.max_output_tokens
            or self._settings.max_output_tokens
            or output_token_bound(dict(request.schema))
            or DEFAULT_MAX_OUTPUT_TOKENS
        )

    def _arguments(self, request: ChatRequest, mode: OutputMode) -> dict[str, Any]:
        settings = self._settings
        messages = [dict(message) for message in request.messages]
        arguments: dict[str, Any] = {
            "model": settings.model,
            "messages": messages,
            "stream": True,
            # The last chunk then carries the token usage (servers that ignore this get it counted).
            "stream_options": {"include_usage": True},
        }
        schema = dict(request.schema)
        budget = self._budget(request)
        if settings.is_reasoning_model:
            arguments["max_completion_tokens"] = budget
            if settings.reasoning_effort:
                arguments["reasoning_effort"] = settings.reasoning_effort
        else:
            arguments["temperature"] = settings.temperature
            arguments["max_tokens"] = budget
        if mode == "json_schema":
            arguments["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": request.schema_name, "strict": True, "schema": strict_subset(schema)},
            }
        else:
            # Without strict outputs the model only knows the shape from the prompt.
            messages[0] = {**messages[0], "content": f"{messages[0]['content']}\n\n{_schema_note(schema)}"}
            if mode == "json_object":
                # OpenAI ignores nothing here; llama.cpp's server constrains output to "schema".
                arguments["response_format"] = {"type": "json_object", "schema": schema}
        return arguments

    def batch_body(self, request: ChatRequest) -> dict[str, Any]:
        """The body of this request for the Batch API's input file (not streamed)."""
        body = self._arguments(request, self._modes.get(self._mode_key))
        body.pop("stream", None)
        body.pop("stream_options", None)
        return body

    def reply_from_batch(self, body: Mapping[str, Any]) -> ModelReply:
        """A ModelReply from a chat completion the Batch API returned (raises TransientError if it is not one)."""
        try:
            completion = ChatCompletion.model_validate(body)
            choice = completion.choices[0]
        except (ValueError, IndexError):
            raise TransientError("the batch output line is not a chat completion") from None
        usage = completion.usage
        return ModelReply(
            content=choice.message.content,
            finish_reason=choice.finish_reason,
            refusal=choice.message.refusal,
            usage=Usage(
                prompt_tokens=usage.prompt_tokens if usage else 0,
                completion_tokens=usage.completion_tokens if usage else 0,
            ),
            attempts=1,
            output_mode=self._modes.get(self._mode_key),
        )

    def _reply(self, answer: StreamAccumulator, mode: OutputMode, attempts: int) -> ModelReply:
        # A model (or a proxy) that echoes a secret: it goes no further, not into errors, outputs or the cache.
        return ModelReply(
            content=None if answer.content is None else self._clean(answer.content),
            finish_reason=answer.result_finish_reason,
            refusal=None if answer.refusal is None else self._clean(answer.refusal),
            usage=answer.result_usage,
            attempts=attempts,
            output_mode=mode,
        )

    # -- output mode fallback ------------------------------------------------------------------

    def _fall_back_from(self, mode: OutputMode, rejection: _OutputModeRejectedError) -> None:
        position = OUTPUT_MODES.index(mode)
        if position + 1 >= len(OUTPUT_MODES):
            raise ModelRequestError(f"{self._endpoint} rejected even a plain JSON request; check the model")
        fallback = OUTPUT_MODES[position + 1]
        self._modes.learn(self._mode_key, fallback)
        remembered = f", remembered in {self._modes.path}" if self._modes.path else ""
        # Said out loud, on one line: a rejection we misread would otherwise silently cost us strict outputs.
        log.warning(
            "%s (model %s) does not take response_format %s (HTTP %d: %s); using %s from now on%s",
            self._endpoint,
            self._settings.model,
            mode,
            rejection.status,
            _one_line(str(rejection)),
            fallback,
            remembered,
        )

    # -- error translation ---------------------------------------------------------------------

    def _translate(self, error: Exception, mode: OutputMode, watch: _Watch) -> Exception:
        """Map an SDK failure to TransientError, _OutputModeRejectedError or one of our ModelRequestErrors."""
        if isinstance(error, (_StreamExpiredError, TimeoutError)):
            return watch.timeout_error()  # our own clocks
        if isinstance(error, (openai.APITimeoutError, httpx2.TimeoutException)):
            if watch.seconds_left() <= _CLOCK_SLACK:
                return watch.timeout_error()
            # Long before any clock ran out: a transport that reports a reset as a timeout (aiohttp
            # gives ConnectTimeout('[Errno 104] Connection reset by peer')).
            return self._connection_failed(error.__cause__ or error)
        return self._translate_failure(error, mode)

    def _connection_failed(self, cause: BaseException) -> TransientError:
        return TransientError(f"connection failed: {self._clean(str(cause)) or type(cause).__name__}")

    def _translate_failure(self, error: Exception, mode: OutputMode) -> Exception:
        if isinstance(error, openai.APIConnectionError | httpx2.TransportError | ssl.SSLError | anyio.EndOfStream):
            # The body is read by us (see streaming): its transport errors arrive as the HTTP library's.
            return self._connection_failed(error)
        if isinstance(error, json.JSONDecodeError):
            return TransientError("the endpoint sent a malformed JSON body")
        if isinstance(error, openai.APIStatusError):
            return self._translate_status(error, mode)
        if isinstance(error, openai.APIResponseValidationError):
            return TransientError("the endpoint sent a response that is not a chat completion")
        if isinstance(error, StreamError | openai.APIError):
            # An error event in the middle of the stream (the server failed while generating).
            message = error.message if isinstance(error, openai.APIError) else str(error)
            return TransientError(f"the endpoint reported an error mid-stream: {_one_line(self._clean(message))}")
        return error

    def _translate_status(  # noqa: PLR0911 - one return per error class reads clearer than a lookup table
        self, error: openai.APIStatusError, mode: OutputMode
    ) -> Exception:
        status, code = error.status_code, str(error.code or "")
        message = self._clean(_server_message(error))
        where = f"{self._endpoint} (model {self._settings.model})"
        if mode != "prompt" and _rejects_response_format(status, message):
            return _OutputModeRejectedError(status, message)
        if code == "insufficient_quota" or "insufficient_quota" in message:
            return QuotaError(
                f"{where} says the account has no quota left (HTTP {status}): add credit or use another key",
                status_code=status,
            )
        if status in (401, 403):
            return AuthenticationError(
                f"{where} refused the credentials (HTTP {status}: {message}); check OPENAI_API_KEY and that "
                f"the key may use this model",
                status_code=status,
            )
        if code == "context_length_exceeded" or "context length" in message.lower():
            return ContextLengthError(
                f"the article is too long for {self._settings.model} (HTTP {status}: {message}); shorten it or "
                f"use a model with a longer context",
                status_code=status,
            )
        if status in (408, 409, 429) or status >= 500:
            retry_after = _retry_after(error.response.headers)
            if status == 429 and self._throttle is not None:
                self._throttle.rate_limited(retry_after)  # everyone waits, not only this request
            return TransientError(f"HTTP {status}: {message}", retry_after=retry_after)
        if status == 404:
            return ModelRequestError(
                f"{where} answered 404 ({message}); check SUMMARIZER_MODEL and OPENAI_BASE_URL (it usually "
                f"ends in /v1)",
                status_code=status,
            )
        return ModelRequestError(f"{where} rejected the request (HTTP {status}: {message})", status_code=status)

    def _clean(self, text: str) -> str:
        return redact(text, self._settings.api_key, *secrets_in_url(self._settings.base_url))


class _Counter:
    """Counts the HTTP attempts of one retried call, including the one that finally failed."""

    def __init__(self) -> None:
        self.count = 0


# How long the rest of a body after [DONE] is read, so that its connection can be reused.
_DRAIN_SECONDS = 0.1


async def _drain(response: httpx2.Response) -> None:
    """Read what is left of a finished answer's body, briefly and ignoring errors: an HTTP/1.1
    connection goes back to the pool only when its body was read to the end, and a server that
    holds it open after [DONE] must not cost the answer (as the SDK's own stream does)."""
    try:
        with anyio.move_on_after(_DRAIN_SECONDS):
            # the transport's stream itself: the response's iterators refuse a body already begun
            async for _ in cast(AsyncIterator[bytes], response.stream):
                pass
    except (httpx2.HTTPError, httpx2.StreamError, ssl.SSLError, anyio.EndOfStream):
        pass


def _feed_last(events: ServerSentEvents, answer: StreamAccumulator) -> None:
    """The body ended: an event its server sent without the closing blank line."""
    chunk = events.end()
    if chunk is not None:
        answer.feed(chunk)


def _checked(answer: StreamAccumulator) -> StreamAccumulator:
    # A 200 whose body is no event stream (a proxy's HTML page, a plain JSON body) yields no chunks.
    if answer.chunks == 0:
        raise TransientError("the endpoint answered 200 with something other than a chat completion stream")
    return answer


def _one_line(text: str, limit: int = 160) -> str:
    """The first line of a server message, shortened: a server's traceback never reaches our warnings."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    first = lines[0] if lines else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"


def _schema_note(schema: Mapping[str, Any]) -> str:
    return "Answer with one JSON object that follows this JSON schema:\n" + json.dumps(schema, sort_keys=True)


def _server_message(error: openai.APIStatusError) -> str:
    body = error.body
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            return str(inner["message"])[:500]
        if isinstance(inner, str):
            return inner[:500]
    return str(error.message)[:500]


def _rejects_response_format(status: int, message: str) -> bool:
    # OpenAI-style servers answer 400/422 naming the parameter; llama-cpp-python's server answers
    # 500 with a validation error naming response_format. Neither is worth a transport retry.
    lowered = message.lower()
    names_it = "response_format" in lowered or "json_schema" in lowered
    # "Invalid schema for response_format ..." is about our schema, not the endpoint's abilities:
    # falling back (and remembering it for the process) would hide a bug behind weaker outputs.
    about_our_schema = "invalid schema" in lowered or "schema is invalid" in lowered
    return names_it and not about_our_schema and status in (400, 422, 500)


def _retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds the server asked us to wait: retry-after-ms, then retry-after (seconds)."""
    for header, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(header)
        if value is None:
            continue
        try:
            return max(float(value) / divisor, 0.0)
        except ValueError:
            pass
    # Retry-After may also be an HTTP date.
    when = email.utils.parsedate_tz(headers.get("retry-after") or "")
    return max(email.utils.mktime_tz(when) - time.time(), 0.0) if when else None


async def _closer(client: openai.AsyncOpenAI) -> AsyncGenerator[None, None]:
    """Closes `client` when closed: by us (aclose), or by the loop's shutdown_asyncgens when asyncio.run ends."""
    try:
        yield
    finally:
        await client.close()


def _async_http_client(transport: str) -> Any:
    """The async HTTP client for the `http_transport` setting; None lets the SDK use its httpx default."""
    if transport == "httpx":
        return None
    try:
        return openai.DefaultAioHttpClient()
    except RuntimeError:  # the optional extra is not installed
        if transport == "aiohttp":
            raise ConfigError(
                "http_transport=aiohttp needs aiohttp: pip install 'summarizer[aiohttp]', or set "
                "SUMMARIZER_HTTP_TRANSPORT=httpx"
            ) from None
        # auto: at high concurrency the SDK's default async httpx backend collapses; aiohttp holds up.
        return None


__all__: Sequence[str] = ["OUTPUT_MODES", "ChatRequest", "ModelClient", "ModelReply", "OpenAIClient", "messages_of"]
