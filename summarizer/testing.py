"""A fake OpenAI-compatible HTTP server for tests: scripted replies and network faults over real sockets.

The openai SDK (3.x, built on httpx2) cannot be intercepted by respx or ``httpx.MockTransport``, so
this module runs a real stdlib HTTP server on 127.0.0.1 in a daemon thread and lets a test decide,
request by request, what it answers -- a valid completion, an OpenAI error envelope, or a fault
(stall, connection reset, truncated body, malformed JSON, HTML)::

    from openai import OpenAI
    from summarizer.testing import FakeOpenAIServer, Reply

    with FakeOpenAIServer() as server:
        server.script(Reply.json({"headline": "..."}), Reply.status(429, headers={"retry-after": "1"}))
        client = OpenAI(base_url=server.base_url, api_key="test", max_retries=0)
        client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "hi"}])

A request with ``"stream": true`` gets its completion as server-sent events (``chat.completion.chunk``
deltas of a few characters, then the finish reason, a usage chunk when ``stream_options.include_usage``
asks for one, and ``data: [DONE]``), as OpenAI, vLLM, Ollama and llama.cpp send them. ``Reply.looping``
streams an answer that repeats itself, ``Reply.drip`` a stream that never gets anywhere, and
``reply.streamed(chunk_chars=..., interval=...)`` sets the chunk size and slows the stream down.

Each request takes the next scripted reply (FIFO); when the script is empty the server asks
``responder`` (if set), then falls back to ``default``, and with neither it answers 500 saying the
script ran out -- so an unexpected extra call fails loudly instead of hanging. Every request is
recorded in ``server.requests``.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import dataclasses
import importlib
import json as _json
import signal
import socket
import struct
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Literal

__all__ = ["FakeOpenAIServer", "RecordedRequest", "Reply", "chat_completion", "chat_completion_chunks"]

Usage = tuple[int, int]
_DEFAULT_USAGE: Usage = (100, 50)
_DEFAULT_MODEL = "gpt-4o-mini"

# Realistic default error envelopes per status, modelled on what api.openai.com sends.
_ERROR_DEFAULTS: dict[int, tuple[str, str | None, str]] = {
    400: ("invalid_request_error", None, "Invalid request."),
    401: (
        "invalid_request_error",
        "invalid_api_key",
        "Incorrect API key provided: test. You can find your API key at https://platform.openai.com/account/api-keys.",
    ),
    403: ("invalid_request_error", "unsupported_country_region_territory", "Country not supported."),
    404: (
        "invalid_request_error",
        "model_not_found",
        "The model does not exist or you do not have access to it.",
    ),
    409: ("invalid_request_error", None, "Conflict."),
    422: ("invalid_request_error", None, "Unprocessable entity."),
    429: (
        "requests",
        "rate_limit_exceeded",
        "Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 3, Used 3, Requested 1. "
        "Please try again in 20s.",
    ),
    500: ("server_error", None, "The server had an error while processing your request. Sorry about that!"),
    502: ("server_error", None, "Bad gateway."),
    503: ("server_error", None, "The engine is currently overloaded, please try again later."),
    504: ("server_error", None, "Gateway timeout."),
}
_QUOTA_MESSAGE = (
    "You exceeded your current quota, please check your plan and billing details. For more information "
    "on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors."
)


def chat_completion(
    content: str | None,
    *,
    model: str,
    finish_reason: str = "stop",
    refusal: str | None = None,
    usage: Usage = _DEFAULT_USAGE,
) -> dict[str, Any]:
    """Build the JSON body of a non-streaming ``chat.completion`` with one choice."""
    prompt_tokens, completion_tokens = usage
    return {
        "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content, "refusal": refusal, "annotations": []},
                "logprobs": None,
                "finish_reason": finish_reason,
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
        "system_fingerprint": "fp_fake",
    }


def chat_completion_chunks(
    content: str | None,
    *,
    model: str,
    finish_reason: str = "stop",
    refusal: str | None = None,
    usage: Usage | None = _DEFAULT_USAGE,
    chunk_chars: int = 8,
) -> list[dict[str, Any]]:
    """The ``chat.completion.chunk`` bodies of a streamed completion: role, deltas, finish, then usage if given."""
    ident, created = f"chatcmpl-{uuid.uuid4().hex[:24]}", int(time.time())

    def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return {"id": ident, "object": "chat.completion.chunk", "created": created, "model": model, "choices": [choice]}

    chunks = [chunk({"role": "assistant", "content": ""})]
    text, key = (refusal, "refusal") if refusal is not None else (content or "", "content")
    chunks += [chunk({key: text[i : i + chunk_chars]}) for i in range(0, len(text), chunk_chars)]
    chunks.append(chunk({}, finish_reason))
    if usage is not None:
        prompt_tokens, completion_tokens = usage
        chunks.append(
            {
                "id": ident,
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": completion_tokens,
                    "total_tokens": prompt_tokens + completion_tokens,
                },
            }
        )
    return chunks


def _error_body(message: str, error_type: str | None, code: str | None, param: str | None = None) -> bytes:
    return _json.dumps({"error": {"message": message, "type": error_type, "param": param, "code": code}}).encode()


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server received it."""

    method: str
    path: str  # the full path, e.g. "/v1/chat/completions" (query string included if any)
    headers: dict[str, str]  # names lower-cased
    body: bytes
    json: Any | None  # the parsed body, or None when it is empty or not JSON
    received_at: float  # time.monotonic()


_Kind = Literal["http", "stall", "reset", "truncated", "drip"]


@dataclass(frozen=True)
class _CompletionSpec:
    content: str | None
    finish_reason: str
    refusal: str | None
    usage: Usage


@dataclass(frozen=True)
class Reply:
    """What the server does with one request. Build it with the class-method constructors."""

    kind: _Kind = "http"
    status_code: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    # A completion is rendered per request so that its `model` can echo the request's model.
    completion: _CompletionSpec | None = None
    model: str | None = None
    seconds: float = 0.0  # for "stall" and "drip"
    then: Reply | None = None  # for "stall": answered after the delay; None closes the connection
    interval: float = 0.0  # streamed completions: seconds between chunks; "drip": between keep-alive lines
    # Streamed completions: characters per chunk. Real servers send a token (~4 characters) per chunk;
    # tests default to bigger chunks, which cost less time, and choose small ones where it matters.
    chunk_chars: int = 256

    # -- successful completions ---------------------------------------------------------------------

    @classmethod
    def json(cls, obj: Any, *, usage: Usage = _DEFAULT_USAGE, model: str | None = None) -> Reply:
        """200: a completion whose message content is ``json.dumps(obj)``."""
        return cls.content(_json.dumps(obj), usage=usage, model=model)

    @classmethod
    def content(
        cls,
        text: str | None,
        *,
        finish_reason: str = "stop",
        usage: Usage = _DEFAULT_USAGE,
        model: str | None = None,
        refusal: str | None = None,
    ) -> Reply:
        """200: a completion with arbitrary message content (prose, fenced JSON, ...)."""
        spec = _CompletionSpec(content=text, finish_reason=finish_reason, refusal=refusal, usage=usage)
        return cls(completion=spec, model=model)

    @classmethod
    def length(cls, text: str, *, usage: Usage = _DEFAULT_USAGE, model: str | None = None) -> Reply:
        """200: output cut off by max_tokens (finish_reason "length")."""
        return cls.content(text, finish_reason="length", usage=usage, model=model)

    @classmethod
    def looping(
        cls, prefix: str, unit: str, *, repeats: int = 1000, usage: Usage = _DEFAULT_USAGE, model: str | None = None
    ) -> Reply:
        """200: ``prefix`` then ``unit`` over and over, until the output limit (finish_reason "length").

        What a small model at temperature 0 does: the same key point again and again.
        """
        reply = cls.content(prefix + unit * repeats, finish_reason="length", usage=usage, model=model)
        return reply.streamed(chunk_chars=8)

    def streamed(self, *, chunk_chars: int = 8, interval: float = 0.0) -> Reply:
        """This reply, streamed `chunk_chars` characters at a time, `interval` seconds apart (a slow model)."""
        return dataclasses.replace(self, chunk_chars=chunk_chars, interval=interval)

    @classmethod
    def refusal(cls, text: str = "I can't help with that.", *, model: str | None = None) -> Reply:
        """200: the model refused (content null, ``message.refusal`` set)."""
        return cls.content(None, refusal=text, model=model)

    # -- error statuses -----------------------------------------------------------------------------

    @classmethod
    def status(
        cls,
        code: int,
        *,
        error_type: str | None = None,
        error_code: str | None = None,
        message: str | None = None,
        headers: dict[str, str] | None = None,
        param: str | None = None,
    ) -> Reply:
        """An HTTP error with the OpenAI envelope ``{"error": {message, type, param, code}}``.

        Unset fields take OpenAI's usual values for that status (429 -> rate_limit_exceeded, ...);
        ``error_code="insufficient_quota"`` also gets the real quota message.
        """
        default_type, default_code, default_message = _ERROR_DEFAULTS.get(
            code, ("server_error" if code >= 500 else "invalid_request_error", None, f"HTTP {code}")
        )
        if error_code == "insufficient_quota" and message is None:
            default_message = _QUOTA_MESSAGE
        if error_code == "context_length_exceeded":
            if message is None:
                default_message = (
                    "This model's maximum context length is 128000 tokens. However, your messages resulted "
                    "in 131072 tokens. Please reduce the length of the messages."
                )
            param = param or "messages"
        body = _error_body(
            message if message is not None else default_message,
            error_type if error_type is not None else default_type,
            error_code if error_code is not None else default_code,
            param,
        )
        return cls(status_code=code, body=body, headers=tuple((headers or {}).items()))

    @classmethod
    def llamacpp_response_format_500(cls) -> Reply:
        """500 as llama-cpp-python's server sends when it rejects ``response_format: json_schema``.

        Its route handler turns the request-validation error into a generic 500 whose message is the
        repr of pydantic's error list, so the only clue is ``response_format`` inside that string.
        """
        errors = [
            {
                "type": "literal_error",
                "loc": ("body", "response_format", "type"),
                "msg": "Input should be 'text' or 'json_object'",
                "input": "json_schema",
                "ctx": {"expected": "'text' or 'json_object'"},
            }
        ]
        return cls(status_code=500, body=_error_body(repr(errors), "internal_server_error", None))

    # -- faults -------------------------------------------------------------------------------------

    @classmethod
    def stall(cls, seconds: float, then: Reply | None = None) -> Reply:
        """Wait ``seconds`` before answering ``then`` (or before closing the connection if None)."""
        return cls(kind="stall", seconds=seconds, then=then)

    @classmethod
    def drip(cls, interval: float = 0.1, seconds: float = 30.0) -> Reply:
        """200 event stream that sends only an SSE comment line every ``interval`` s for ``seconds``.

        Bytes keep arriving, so a per-read timeout never fires, but no token ever comes.
        """
        return cls(kind="drip", interval=interval, seconds=seconds, content_type="text/event-stream")

    @classmethod
    def reset(cls) -> Reply:
        """Abort the connection (TCP RST) without sending any response."""
        return cls(kind="reset")

    @classmethod
    def truncated(cls) -> Reply:
        """200 whose Content-Length promises more bytes than are sent before the connection closes."""
        return cls(kind="truncated", body=b'{"id": "chatcmpl-x", "object": "chat.completion", "choices": [')

    @classmethod
    def malformed_json(cls) -> Reply:
        """200 labelled application/json whose body is not valid JSON."""
        return cls(body=b'{"id": "chatcmpl-x", "choices": [')

    @classmethod
    def html(cls) -> Reply:
        """200 with an HTML page, as a captive portal or misconfigured proxy would send."""
        page = b"<html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>"
        return cls(body=page, content_type="text/html; charset=utf-8")


Responder = Callable[[RecordedRequest], Reply]


class FakeOpenAIServer:
    """A local OpenAI-compatible server driven by a script of :class:`Reply` objects.

    Use it as a context manager (or call ``start()``/``stop()``). Thread-safe: handlers run on one
    thread per connection.
    """

    def __init__(
        self,
        *,
        default: Reply | None = None,
        responder: Responder | None = None,
        rate_limit_rpm: float | None = None,
        port: int = 0,
    ) -> None:
        self.default: Reply | None = default
        self.responder: Responder | None = responder
        self._port = port
        # Rate-limit mode: more than `rate_limit_rpm` chat requests a minute get 429 with Retry-After, as
        # OpenAI does. A token bucket holding one second's worth (OpenAI enforces per-minute limits
        # over shorter windows too), refilled continuously.
        self.rate_limit_rpm = rate_limit_rpm
        self.rate_limited = 0
        # Connections accepted so far: a client that reuses its connections opens few.
        self.connections_opened = 0
        self._bucket = max(1.0, (rate_limit_rpm or 0) / 60)
        self._bucket_at = time.monotonic()
        # The Batch API: uploaded files, and batches that complete after `batch_polls` polls each.
        self.files: dict[str, bytes] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self.batch_polls = 2
        self._lock = threading.Lock()
        self._queue: collections.deque[Reply] = collections.deque()
        self._requests: list[RecordedRequest] = []
        self._streamed: list[int] = []
        # Set on stop so stalled handlers wake up at once instead of holding the shutdown.
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ----------------------------------------------------------------------------------

    def start(self) -> FakeOpenAIServer:
        if self._httpd is not None:
            raise RuntimeError("FakeOpenAIServer is already running")
        self._stopping.clear()
        httpd = _HTTPServer(("127.0.0.1", self._port), _Handler)
        httpd.fake = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="FakeOpenAIServer", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        httpd, thread = self._httpd, self._thread
        if httpd is None or thread is None:
            return
        self._stopping.set()
        httpd.shutdown()  # stops accepting; returns once serve_forever has exited
        thread.join()
        # Keep-alive handler threads block reading the next request on idle connections; shutting
        # those sockets down wakes them, and server_close() then joins every handler thread.
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            with contextlib.suppress(OSError):  # already closed by its handler
                conn.shutdown(socket.SHUT_RDWR)
        httpd.server_close()
        self._httpd = None
        self._thread = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("FakeOpenAIServer is not running")
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    # -- scripting ----------------------------------------------------------------------------------

    def script(self, *replies: Reply) -> None:
        """Queue replies; each request consumes the next one."""
        with self._lock:
            self._queue.extend(replies)

    @property
    def pending(self) -> int:
        """How many scripted replies have not been consumed yet."""
        with self._lock:
            return len(self._queue)

    @property
    def requests(self) -> list[RecordedRequest]:
        """A snapshot of every request received, in arrival order."""
        with self._lock:
            return list(self._requests)

    @property
    def streamed_chunks(self) -> list[int]:
        """Per finished streamed reply, how many chunks were sent before the stream ended or the client hung up."""
        with self._lock:
            return list(self._streamed)

    def wait_for_streams(self, count: int, timeout: float = 10.0) -> list[int]:
        """``streamed_chunks`` once ``count`` streamed replies have finished (a hung-up one ends at its next write)."""
        deadline = time.monotonic() + timeout
        while len(self.streamed_chunks) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.streamed_chunks

    def requests_for(self, path_suffix: str) -> list[RecordedRequest]:
        """The recorded requests whose path (query string ignored) ends with ``path_suffix``."""
        return [r for r in self.requests if r.path.split("?", 1)[0].endswith(path_suffix)]

    def clear(self) -> None:
        """Forget recorded requests and drop any unconsumed scripted replies."""
        with self._lock:
            self._requests.clear()
            self._queue.clear()
            self._streamed.clear()

    # -- used by the handler ------------------------------------------------------------------------

    def _over_rate_limit(self) -> float | None:
        """None when a chat request may be served now, else the seconds until it could be."""
        if not self.rate_limit_rpm:
            return None
        per_second = self.rate_limit_rpm / 60
        capacity = max(1.0, per_second)
        with self._lock:
            now = time.monotonic()
            self._bucket = min(capacity, self._bucket + (now - self._bucket_at) * per_second)
            self._bucket_at = now
            if self._bucket >= 1.0:
                self._bucket -= 1.0
                return None
            self.rate_limited += 1
            return (1.0 - self._bucket) / per_second

    def stats(self) -> dict[str, int]:
        """Counts of what the server saw: chat requests, those it refused for the rate limit, connections."""
        return {
            "chat_requests": len(self.requests_for("/chat/completions")),
            "rate_limited": self.rate_limited,
            "connections": self.connections_opened,
        }

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _next_reply(self, request: RecordedRequest) -> Reply | None:
        with self._lock:
            if self._queue:
                return self._queue.popleft()
        responder = self.responder
        if responder is not None:
            return responder(request)
        return self.default

    def _record_stream(self, chunks: int) -> None:
        with self._lock:
            self._streamed.append(chunks)

    def _track(self, conn: socket.socket, *, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
                self.connections_opened += 1
            else:
                self._connections.discard(conn)


class _HTTPServer(ThreadingHTTPServer):
    fake: FakeOpenAIServer
    # Non-daemon handler threads are joined by server_close(), so no handler outlives stop().
    daemon_threads = False
    block_on_close = True
    allow_reuse_address = True
    # The default listen backlog of 5 drops SYNs under concurrent tests, costing a 1 s retransmit each.
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (a stream it stopped reading, a kept connection it reset) is no error."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.1 so the SDK's keep-alive connection pool is exercised as in production.
    protocol_version = "HTTP/1.1"
    server_version = "FakeOpenAI/1.0"
    sys_version = ""
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        # Headers and body go out in separate writes; without TCP_NODELAY, Nagle plus the client's
        # delayed ACK adds ~40 ms to every response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.fake._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.fake._track(self.connection, add=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default per-request logging to stderr."""

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        # Always drain the body: unread bytes left in the kernel buffer would turn a clean close
        # into a RST and blur the difference between the fault kinds.
        body = self.rfile.read(length) if length else b""
        parsed: Any | None
        try:
            parsed = _json.loads(body) if body else None
        except ValueError:
            parsed = None
        request = RecordedRequest(
            method=self.command,
            path=self.path,
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
            json=parsed,
            received_at=time.monotonic(),
        )
        fake = self.server.fake
        fake._record(request)
        route = self.path.split("?", 1)[0].rstrip("/")

        if self.command == "GET" and route == "/v1/models":
            self._send(200, _json.dumps(_model_list()).encode(), "application/json", ())
            return
        if self.command == "GET" and route == "/fake/stats":  # for a test driving the server as a process
            self._send(200, _json.dumps(fake.stats()).encode(), "application/json", ())
            return
        if route.startswith(("/v1/files", "/v1/batches")):
            status, answer = _BatchApi(fake).handle(self.command, route, request)
            if isinstance(answer, bytes):
                self._send(status, answer, "application/octet-stream", ())
            else:
                self._send(status, _json.dumps(answer).encode(), "application/json", ())
            return
        if not (self.command == "POST" and route == "/v1/chat/completions"):
            body = _error_body(f"Invalid URL ({self.command} {self.path})", "invalid_request_error", None)
            self._send(404, body, "application/json", ())
            return

        wait = fake._over_rate_limit()
        if wait is not None:
            headers = (("retry-after-ms", str(max(int(wait * 1000), 1))), ("retry-after", str(max(round(wait), 1))))
            self._send(429, Reply.status(429).body, "application/json", headers)
            return
        reply = fake._next_reply(request)
        if reply is None:
            message = (
                f"FakeOpenAIServer: the script ran out at request #{len(fake.requests)} "
                f"({self.command} {self.path}) and no responder or default is set"
            )
            self._send(500, _error_body(message, "server_error", "fake_script_exhausted"), "application/json", ())
            return
        self._perform(reply, request)

    def _perform(self, reply: Reply, request: RecordedRequest) -> None:
        if reply.kind == "stall":
            self.server.fake._stopping.wait(reply.seconds)
            if reply.then is None or self.server.fake._stopping.is_set():
                self.close_connection = True
                return
            self._perform(reply.then, request)
            return
        if reply.kind == "reset":
            self._abort()
            return
        if reply.kind == "drip":
            self._drip(reply)
            return
        if reply.kind == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply.body) + 512))
            self.end_headers()
            self.wfile.write(reply.body)
            self.close_connection = True
            return
        body = reply.body
        if reply.completion is not None and isinstance(request.json, dict) and request.json.get("stream"):
            self._stream(reply, reply.completion, request)
            return
        if reply.completion is not None:
            spec = reply.completion
            model = reply.model or _request_model(request)
            completion = chat_completion(
                spec.content,
                model=model,
                finish_reason=spec.finish_reason,
                refusal=spec.refusal,
                usage=spec.usage,
            )
            body = _json.dumps(completion).encode()
        self._send(reply.status_code, body, reply.content_type, reply.headers)

    def _send(self, status: int, body: bytes, content_type: str, headers: tuple[tuple[str, str], ...]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("x-request-id", f"req_{uuid.uuid4().hex}")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _start_event_stream(self, *, chunked: bool = False) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("x-request-id", f"req_{uuid.uuid4().hex}")
        if chunked:
            # As OpenAI streams: chunked transfer encoding, so the connection is kept for the next request.
            self.send_header("Transfer-Encoding", "chunked")
        else:
            # No Content-Length: the stream ends when the connection closes, as plain HTTP/1.1 allows.
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()

    def _write_chunked(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))

    def _stream(self, reply: Reply, spec: _CompletionSpec, request: RecordedRequest) -> None:
        options = request.json.get("stream_options") if isinstance(request.json, dict) else None
        wants_usage = isinstance(options, dict) and bool(options.get("include_usage"))
        chunks = chat_completion_chunks(
            spec.content,
            model=reply.model or _request_model(request),
            finish_reason=spec.finish_reason,
            refusal=spec.refusal,
            usage=spec.usage if wants_usage else None,
            chunk_chars=reply.chunk_chars,
        )
        self._start_event_stream(chunked=True)
        stopping = self.server.fake._stopping
        events = [b"data: " + _json.dumps(chunk).encode() + b"\n\n" for chunk in chunks]
        sent = 0
        try:
            if reply.interval:
                for event in events:
                    if stopping.wait(reply.interval):
                        break
                    self._write_chunked(event)
                    sent += 1
            else:
                # Nothing to wait for between events: one write, not one per event (each write wakes the
                # client and hands the GIL around, which slowed a busy benchmark more than the answers did).
                self._write_chunked(b"".join(events))
                sent = len(events)
            if sent == len(events):
                self._write_chunked(b"data: [DONE]\n\n")
                self.wfile.write(b"0\r\n\r\n")  # the end of the chunked body; the connection stays open
            else:
                self.close_connection = True
        except OSError:
            self.close_connection = True  # the client hung up: it stopped reading (a loop cut, a timeout)
        self.server.fake._record_stream(sent)

    def _drip(self, reply: Reply) -> None:
        self._start_event_stream()
        stopping = self.server.fake._stopping
        deadline = time.monotonic() + reply.seconds
        with contextlib.suppress(OSError):  # the client hung up
            while time.monotonic() < deadline and not stopping.wait(reply.interval):
                self.wfile.write(b":\n")
                self.wfile.flush()

    def _abort(self) -> None:
        # SO_LINGER with a zero timeout makes close() send RST instead of FIN: the client sees
        # "connection reset by peer" rather than a polite end of stream.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()


class _BatchApi:
    """/v1/files and /v1/batches: upload, create, poll (done after `batch_polls` polls), download.

    Each line of a batch's input is answered like a chat request (script, responder, default); a
    reply that is not a completion becomes an error line, as a real batch reports a failed request.
    """

    def __init__(self, fake: FakeOpenAIServer) -> None:
        self.fake = fake

    def handle(  # noqa: PLR0911 - one return per route reads as the route table it is
        self, method: str, route: str, request: RecordedRequest
    ) -> tuple[int, dict[str, Any] | bytes]:
        parts = route.strip("/").split("/")  # v1, files|batches, [id], [content|cancel]
        kind, ident = parts[1], parts[2] if len(parts) > 2 else None
        if kind == "files" and method == "POST" and ident is None:
            return 200, self._upload(request)
        if kind == "files" and ident in self.fake.files:
            if parts[-1] == "content":
                return 200, self.fake.files[ident]
            return 200, self._file_object(ident)
        if kind == "batches" and method == "POST" and ident is None and isinstance(request.json, dict):
            return 200, self._create(request.json)
        if kind == "batches" and method == "GET" and ident is None:
            with self.fake._lock:
                batches = list(self.fake.batches.values())
            return 200, {"object": "list", "data": batches, "has_more": False}
        if kind == "batches" and ident in self.fake.batches:
            return 200, self._poll(ident)
        return 404, {"error": {"message": f"No such {kind} object: {ident}", "type": "invalid_request_error"}}

    def _upload(self, request: RecordedRequest) -> dict[str, Any]:
        content = _multipart_file(request.headers.get("content-type", ""), request.body)
        ident = f"file-{uuid.uuid4().hex[:24]}"
        with self.fake._lock:
            self.fake.files[ident] = content
        return self._file_object(ident)

    def _file_object(self, ident: str) -> dict[str, Any]:
        size = len(self.fake.files[ident])
        return {
            "id": ident,
            "object": "file",
            "bytes": size,
            "created_at": int(time.time()),
            "filename": f"{ident}.jsonl",
            "purpose": "batch",
            "status": "processed",
        }

    def _create(self, body: dict[str, Any]) -> dict[str, Any]:
        ident = f"batch_{uuid.uuid4().hex[:24]}"
        batch = {
            "id": ident,
            "object": "batch",
            "endpoint": body.get("endpoint"),
            "errors": None,
            "input_file_id": body.get("input_file_id"),
            "completion_window": body.get("completion_window", "24h"),
            "status": "validating",
            "output_file_id": None,
            "error_file_id": None,
            "created_at": int(time.time()),
            "request_counts": {"total": 0, "completed": 0, "failed": 0},
            "metadata": body.get("metadata"),
            "polls": 0,
        }
        with self.fake._lock:
            self.fake.batches[ident] = batch
        return self._public(batch)

    def _poll(self, ident: str) -> dict[str, Any]:
        with self.fake._lock:
            batch = self.fake.batches[ident]
            batch["polls"] += 1
            due = batch["polls"] >= self.fake.batch_polls and batch["status"] != "completed"
            if not due and batch["status"] == "validating":
                batch["status"] = "in_progress"
        if due:
            self._complete(batch)
        return self._public(batch)

    def _complete(self, batch: dict[str, Any]) -> None:
        lines, completed, failed = [], 0, 0
        for raw in self.fake.files.get(batch["input_file_id"], b"").splitlines():
            item = _json.loads(raw)
            body = item.get("body", {})
            recorded = RecordedRequest(
                "POST", item.get("url", ""), {}, _json.dumps(body).encode(), body, time.monotonic()
            )
            reply = self.fake._next_reply(recorded)
            response: dict[str, Any]
            if reply is not None and reply.completion is not None:
                spec = reply.completion
                completion = chat_completion(
                    spec.content,
                    model=_request_model(recorded),
                    finish_reason=spec.finish_reason,
                    refusal=spec.refusal,
                    usage=spec.usage,
                )
                response = {"status_code": 200, "request_id": uuid.uuid4().hex, "body": completion}
                completed += 1
            else:
                status = reply.status_code if reply is not None and reply.status_code >= 400 else 500
                error = _json.loads(reply.body) if reply is not None and reply.body.startswith(b"{") else {}
                response = {"status_code": status, "request_id": uuid.uuid4().hex, "body": error}
                failed += 1
            lines.append(
                {
                    "id": f"batch_req_{uuid.uuid4().hex[:16]}",
                    "custom_id": item.get("custom_id"),
                    "response": response,
                    "error": None,
                }
            )
        output = f"file-{uuid.uuid4().hex[:24]}"
        with self.fake._lock:
            self.fake.files[output] = b"".join(_json.dumps(line).encode() + b"\n" for line in lines)
            batch.update(
                status="completed",
                output_file_id=output,
                request_counts={"total": completed + failed, "completed": completed, "failed": failed},
            )

    @staticmethod
    def _public(batch: dict[str, Any]) -> dict[str, Any]:
        return {key: value for key, value in batch.items() if key != "polls"}


def _multipart_file(content_type: str, body: bytes) -> bytes:
    """The content of the part named "file" of a multipart/form-data body."""
    boundary = content_type.partition("boundary=")[2].strip('"')
    for part in body.split(b"--" + boundary.encode()):
        head, _, content = part.partition(b"\r\n\r\n")
        if b'name="file"' in head:
            return content.removesuffix(b"\r\n")
    return b""


def _request_model(request: RecordedRequest) -> str:
    if isinstance(request.json, dict):
        model = request.json.get("model")
        if isinstance(model, str) and model:
            return model
    return _DEFAULT_MODEL


def _model_list() -> dict[str, Any]:
    created = 1_700_000_000
    names = ["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini"]
    return {
        "object": "list",
        "data": [{"id": name, "object": "model", "created": created, "owned_by": "system"} for name in names],
    }


def _load_responder(spec: str) -> Responder:
    """A responder named as 'module:function' (the module importable from the current directory)."""

    module_name, _, function = spec.partition(":")
    sys.path.insert(0, ".")
    responder: Responder = getattr(importlib.import_module(module_name), function)
    return responder


def main(argv: list[str] | None = None) -> None:
    """Run the fake server as its own process: ``python -m summarizer.testing [--port N] [--latency S] ...``.

    Prints its base URL on the first line of stdout, then serves until interrupted (SIGINT/SIGTERM).
    ``GET /fake/stats`` answers the counts of chat requests and rate-limited ones.
    """

    parser = argparse.ArgumentParser(prog="python -m summarizer.testing", description=main.__doc__)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds before each answer")
    parser.add_argument("--rpm", type=float, default=None, help="enforce this many chat requests per minute (429)")
    parser.add_argument(
        "--responder",
        help="module:function answering each request (default: a grounded summary of the article in the prompt, "
        "with faults on request by markers in the article; see summarizer.fake_model)",
    )
    args = parser.parse_args(argv)
    if args.responder:
        answer = _load_responder(args.responder)
    else:
        from .fake_model import ArticleResponder  # noqa: PLC0415 - it builds on this module

        answer = ArticleResponder()
    latency = args.latency

    def responder(request: RecordedRequest) -> Reply:
        reply = answer(request)
        return Reply.stall(latency, then=reply) if latency > 0 else reply

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with FakeOpenAIServer(responder=responder, rate_limit_rpm=args.rpm, port=args.port) as server:
        print(server.base_url, flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            stop.wait()


if __name__ == "__main__":
    main()
