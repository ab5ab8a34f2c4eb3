"""Recorded models: a model's answers per case, replayed by the fake server, keyed by prompt and schema.

A recording (`<dir>/<case>.json`) holds every answer one conversation took (the first, then the
answer to each re-ask) as the raw message content the endpoint sent -- so a truncated JSON answer is
recorded as sent -- with the token usage it reported, and a *key*: the sha256 of the conversation's
opening messages (system prompt and the user prompt with the article) and the JSON schema requested.
Change the prompt template, the schema or the article and the key changes: the replay answers that
case with an HTTP 400 naming the stale recording, and the eval reports the case as `stale`, never
replaying an answer to a question that is no longer asked.

The shipped mocks live in `summarizer/evals/recordings/<name>/`; `--record DIR` writes a new one.
"""

from __future__ import annotations

import hashlib
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from summarizer.errors import InputError, redact
from summarizer.testing import RecordedRequest, Reply

__all__ = [
    "Answer",
    "Forwarder",
    "Recorder",
    "Recording",
    "Replay",
    "builtin_recordings",
    "load_recordings",
    "request_key",
]

SHIPPED_MOCKS = ("mock", "mock-sloppy", "mock-obedient")


@dataclass(frozen=True, slots=True)
class Answer:
    """One reply: the message content as sent, and the token usage the endpoint reported."""

    content: str
    prompt_tokens: int
    completion_tokens: int
    finish_reason: str = "stop"


@dataclass(frozen=True, slots=True)
class Recording:
    """One case's conversation with one model."""

    case: str
    model: str
    key: str
    answers: tuple[Answer, ...]
    # For a deliberately sloppy mock: the errors it carries (kind, figure, expected, found).
    injected: tuple[dict[str, str], ...] = ()

    def to_json(self) -> str:
        data: dict[str, Any] = {
            "case": self.case,
            "model": self.model,
            "key": self.key,
            "answers": [
                {
                    "content": a.content,
                    "usage": [a.prompt_tokens, a.completion_tokens],
                    "finish_reason": a.finish_reason,
                }
                for a in self.answers
            ],
        }
        if self.injected:
            data["injected"] = list(self.injected)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def request_key(body: Any) -> str:
    """The key of a conversation: its opening messages and the schema it asks for, hashed."""
    body = body if isinstance(body, dict) else {}
    opening = [
        {"role": m.get("role"), "content": m.get("content")}
        for m in body.get("messages", [])[:2]
        if isinstance(m, dict)
    ]
    response_format = body.get("response_format") or {}
    schema = (response_format.get("json_schema") or {}).get("schema") or response_format.get("schema")
    payload = json.dumps({"messages": opening, "schema": schema}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _turn(body: Any) -> int:
    """Which answer of the conversation a request asks for: a re-ask carries the earlier answer."""
    messages = body.get("messages", []) if isinstance(body, dict) else []
    return sum(1 for m in messages if isinstance(m, dict) and m.get("role") == "assistant")


def builtin_recordings(name: str) -> Path:
    return Path(str(resources.files("summarizer.evals"))) / "recordings" / name


def load_recordings(directory: Path) -> dict[str, Recording]:
    """Every `<case>.json` in `directory`, by case id."""
    if not directory.is_dir():
        raise InputError(f"recordings directory {directory} not found; record one with --record DIR")
    recordings: dict[str, Recording] = {}
    for path in sorted(directory.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            answers = tuple(
                Answer(
                    content=item["content"],
                    prompt_tokens=int(item["usage"][0]),
                    completion_tokens=int(item["usage"][1]),
                    finish_reason=item.get("finish_reason", "stop"),
                )
                for item in data["answers"]
            )
            recording = Recording(
                case=data["case"],
                model=data.get("model", directory.name),
                key=data["key"],
                answers=answers,
                injected=tuple(data.get("injected", ())),
            )
        except (OSError, ValueError, KeyError, TypeError, IndexError) as error:
            raise InputError(f"recording {path} is malformed ({type(error).__name__}: {error}); re-record it") from None
        recordings[recording.case] = recording
    return recordings


@dataclass
class Replay:
    """A `FakeOpenAIServer` responder that answers the case under way from its recording.

    The runner names the case before summarising it (`begin`); a request whose key is not the
    recording's gets a 400 (never retried) naming the staleness, and the case is marked stale.
    """

    recordings: Mapping[str, Recording]
    case: str | None = None
    stale: dict[str, str] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def begin(self, case: str) -> None:
        with self._lock:
            self.case = case

    def __call__(self, request: RecordedRequest) -> Reply:
        with self._lock:
            case = self.case
        recording = self.recordings.get(case or "")
        if recording is None:
            return Reply.status(400, message=f"recorded model: no recording for case {case!r}")
        key = request_key(request.json)
        if key != recording.key:
            why = (
                f"stale recording: the prompt or schema changed since {recording.model}/{recording.case} was recorded "
                f"(recorded key {recording.key[:12]}, asked {key[:12]}); re-record it (see docs/evals.md)"
            )
            with self._lock:
                self.stale[recording.case] = why
            return Reply.status(400, message=why)
        turn = _turn(request.json)
        if turn >= len(recording.answers):
            return Reply.status(
                400,
                message=f"recorded model: {recording.case} has {len(recording.answers)} recorded answer(s); "
                f"the pipeline asked for answer {turn + 1}",
            )
        answer = recording.answers[turn]
        return Reply.content(
            answer.content, usage=(answer.prompt_tokens, answer.completion_tokens), finish_reason=answer.finish_reason
        )


Upstream = Callable[[RecordedRequest, str], Answer]


@dataclass
class Recorder:
    """A responder that asks an upstream model and keeps each case's answers, for `--record`."""

    upstream: Upstream
    model: str
    case: str | None = None
    recordings: dict[str, Recording] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def begin(self, case: str) -> None:
        with self._lock:
            self.case = case

    def __call__(self, request: RecordedRequest) -> Reply:
        with self._lock:
            case = self.case or ""
        try:
            answer = self.upstream(request, case)
        except UpstreamError as error:
            return Reply.status(error.status, message=error.message)
        with self._lock:
            previous = self.recordings.get(case)
            if _turn(request.json) == 0 or previous is None:
                previous = Recording(case=case, model=self.model, key=request_key(request.json), answers=())
            self.recordings[case] = Recording(
                case=case, model=self.model, key=previous.key, answers=(*previous.answers, answer)
            )
        return Reply.content(
            answer.content, usage=(answer.prompt_tokens, answer.completion_tokens), finish_reason=answer.finish_reason
        )

    def save(self, directory: Path) -> list[Path]:
        directory.mkdir(parents=True, exist_ok=True)
        paths = []
        for case, recording in sorted(self.recordings.items()):
            path = directory / f"{case}.json"
            path.write_text(recording.to_json(), encoding="utf-8")
            paths.append(path)
        return paths


class UpstreamError(Exception):
    """The upstream model answered with an HTTP error; passed on with its status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Forwarder:
    """Sends a request on to a real OpenAI-compatible endpoint (for `--record` with a live model)."""

    base_url: str
    api_key: str | None
    model: str
    timeout: float

    def __call__(self, request: RecordedRequest, case: str) -> Answer:
        body = dict(request.json) if isinstance(request.json, dict) else {}
        body["model"] = self.model
        # Asked for whole: the answer is recorded, and the fake server streams it on to our client itself.
        body.pop("stream", None)
        body.pop("stream_options", None)
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        outgoing = urllib.request.Request(
            self.base_url.rstrip("/") + "/chat/completions", data=json.dumps(body).encode(), headers=headers
        )
        try:
            with urllib.request.urlopen(outgoing, timeout=self.timeout) as response:
                data = json.loads(response.read())
        except urllib.error.HTTPError as error:
            # The endpoint's own message, never our key: the request headers are not echoed.
            # Its message is passed on (a llama.cpp server names response_format in it, which the client's
            # structured-output fallback needs), redacted and cut short.
            detail = redact(error.read(2000).decode("utf-8", "replace"), self.api_key)
            raise UpstreamError(error.code, f"upstream answered HTTP {error.code}: {error.reason}: {detail}") from None
        except (urllib.error.URLError, TimeoutError, ValueError) as error:
            raise UpstreamError(502, f"upstream unreachable: {type(error).__name__}") from None
        choice = data["choices"][0]
        usage = data.get("usage") or {}
        return Answer(
            content=choice["message"].get("content") or "",
            prompt_tokens=int(usage.get("prompt_tokens", 0)),
            completion_tokens=int(usage.get("completion_tokens", 0)),
            finish_reason=choice.get("finish_reason") or "stop",
        )
