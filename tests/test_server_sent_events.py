"""The client's reader of server-sent events: what a chat completion stream's body becomes."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import threading
import time
from pathlib import Path

import pytest

from summarizer.client import ChatRequest, OpenAIClient, messages_of
from summarizer.config import Settings
from summarizer.streaming import ServerSentEvents, StreamAccumulator, StreamError


def events_of(body: str) -> tuple[list[dict[str, object]], bool]:
    reader = ServerSentEvents()
    found = [event for line in body.split("\n") if (event := reader.line(line)) is not None]
    last = reader.end()
    return [*found, *([last] if last else [])], reader.done


def test_each_event_is_its_data_up_to_a_blank_line_and_done_ends_the_stream() -> None:
    body = (
        'data: {"n": 1}\n\n: a comment keeps the connection alive\n\nevent: chunk\ndata: {"n": 2}\n\ndata: [DONE]\n\n'
    )
    assert events_of(body) == ([{"n": 1}, {"n": 2}], True)


def test_a_byte_order_mark_opening_the_stream_does_not_lose_the_first_event() -> None:
    assert events_of('\ufeffdata: {"n": 1}\n\ndata: {"n": 2}\n\n') == ([{"n": 1}, {"n": 2}], False)


def test_data_split_over_lines_is_joined_and_a_missing_last_blank_line_is_forgiven() -> None:
    assert events_of('data: {"text":\ndata: "two lines"}')[0] == [{"text": "two lines"}]


def test_an_error_event_raises_with_the_servers_message() -> None:
    with pytest.raises(StreamError, match="the model crashed"):
        events_of('data: {"n": 1}\n\ndata: {"error": {"message": "the model crashed"}}\n\n')


def test_malformed_data_raises_a_json_decode_error() -> None:
    with pytest.raises(json.JSONDecodeError):
        events_of("data: {not json\n\n")


def test_a_chunks_text_finish_reason_and_usage_are_taken() -> None:
    answer = StreamAccumulator()
    chunks = [
        {"choices": [{"delta": {"role": "assistant", "content": "Hel"}, "finish_reason": None}]},
        {"choices": [{"delta": {"content": "lo"}, "finish_reason": "stop"}]},
        {"choices": [], "usage": {"prompt_tokens": 12, "completion_tokens": 2}},
    ]
    took = [answer.feed(chunk) for chunk in chunks]
    assert took == [True, True, False]
    assert (answer.content, answer.finish_reason) == ("Hello", "stop")
    assert (answer.result_usage.prompt_tokens, answer.result_usage.completion_tokens) == (12, 2)


class _HeldOpen:
    """A bare HTTP server on loopback that sends one answer and [DONE], then keeps the connection
    open with keep-alive comments, as some proxies do."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self._socket.getsockname()[1]}/v1"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    @staticmethod
    def _answer(connection: socket.socket) -> None:
        with connection:
            received = b""
            while b"\r\n\r\n" not in received:
                received += connection.recv(65536)
            head, body = received.split(b"\r\n\r\n", 1)
            length = next(
                int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length")
            )
            while len(body) < length:
                body += connection.recv(65536)
            chunk = {"choices": [{"index": 0, "delta": {"content": "Hello"}, "finish_reason": "stop"}]}
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n")
            connection.sendall(b"data: " + json.dumps(chunk).encode() + b"\n\ndata: [DONE]\n\n")
            with contextlib.suppress(OSError):
                for _ in range(30):
                    time.sleep(0.1)
                    connection.sendall(b":\n")

    def close(self) -> None:
        self._socket.close()


@pytest.mark.parametrize("how", ["sync", "async"])
def test_an_answer_is_kept_when_the_server_holds_the_connection_open_after_done(how: str, tmp_path: Path) -> None:
    server = _HeldOpen()
    settings = Settings(
        engine="openai",
        model="m",
        base_url=server.base_url,
        api_key="sk-test",
        timeout=1.0,
        max_attempts=1,
        cache_dir=tmp_path,
    )
    request = ChatRequest(messages=messages_of(("user", "Say hello.")), schema_name="s", schema={"type": "object"})
    started = time.monotonic()
    with contextlib.closing(OpenAIClient(settings)) as client:
        reply = client.complete(request) if how == "sync" else asyncio.run(client.acomplete(request))
    server.close()
    assert reply.content == "Hello"
    assert time.monotonic() - started < 0.9  # not held until the 1 s timeout


@pytest.mark.parametrize(
    "chunk",
    [{"choices": [None]}, {"usage": 5}, {"choices": [{"delta": "x"}]}, {"choices": [{"delta": {"refusal": 5}}]}],
)
def test_a_chunk_of_the_wrong_shape_is_ignored_not_a_traceback(chunk: dict[str, object]) -> None:
    answer = StreamAccumulator()
    assert answer.feed(chunk) is False
    assert answer.content is None
