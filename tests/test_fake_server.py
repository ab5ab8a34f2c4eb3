"""FakeOpenAIServer driven by the real openai SDK over real HTTP: no mocks, no monkeypatching.

The expected SDK behaviours asserted here (bare JSONDecodeError on malformed JSON, a plain str for an
HTML 200, ...) were measured against openai 3.54; if an SDK upgrade changes them, these tests are
the place that says so.
"""

from __future__ import annotations

import asyncio
import json
import socket
import struct
import time
from collections.abc import Iterator
from typing import Any

import openai
import pytest
from openai import OpenAI

from summarizer.testing import FakeOpenAIServer, RecordedRequest, Reply, chat_completion

MESSAGES: list[Any] = [
    {"role": "system", "content": "Summarise."},
    {"role": "user", "content": "An article."},
]


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


@pytest.fixture
def client(server: FakeOpenAIServer) -> Iterator[OpenAI]:
    # max_retries=0: every scripted reply must surface exactly once, untouched by SDK retries.
    with OpenAI(base_url=server.base_url, api_key="test", max_retries=0) as sdk:
        yield sdk


def create(client: OpenAI, **kwargs: Any) -> Any:
    return client.chat.completions.create(model="gpt-test", messages=MESSAGES, **kwargs)


# -- successful replies ---------------------------------------------------------------------------


def test_json_reply_round_trips_and_request_is_recorded(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.json({"headline": "Rates rise", "figures": [1, 2]}, usage=(321, 45)))

    completion = create(client, response_format={"type": "json_object"})

    assert json.loads(completion.choices[0].message.content) == {"headline": "Rates rise", "figures": [1, 2]}
    assert completion.choices[0].finish_reason == "stop"
    assert completion.model == "gpt-test"  # echoes the request's model
    assert completion.usage is not None
    assert (completion.usage.prompt_tokens, completion.usage.completion_tokens) == (321, 45)
    assert completion.usage.total_tokens == 366

    [request] = server.requests
    assert request.method == "POST"
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == "Bearer test"
    assert request.json == {
        "model": "gpt-test",
        "messages": MESSAGES,
        "response_format": {"type": "json_object"},
    }
    assert json.loads(request.body) == request.json
    assert server.requests_for("/chat/completions") == [request]
    assert server.requests_for("/models") == []


def test_content_reply_carries_arbitrary_text(server: FakeOpenAIServer, client: OpenAI) -> None:
    fenced = '```json\n{"a": 1}\n```'
    server.script(Reply.content(fenced), Reply.content("Just prose.", model="other-model"))

    assert create(client).choices[0].message.content == fenced
    second = create(client)
    assert second.choices[0].message.content == "Just prose."
    assert second.model == "other-model"


def test_refusal_round_trips(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.refusal())

    choice = create(client).choices[0]

    assert choice.message.content is None
    assert choice.message.refusal == "I can't help with that."
    assert choice.finish_reason == "stop"


def test_length_reply_is_truncated_output(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.length('{"headline": "Rates'))

    choice = create(client).choices[0]

    assert choice.finish_reason == "length"
    assert choice.message.content == '{"headline": "Rates'


def test_streamed_replies_keep_the_connection_for_the_next_request(server: FakeOpenAIServer) -> None:
    server.script(Reply.content("one"), Reply.content("two"), Reply.content("three").streamed(interval=0.001))

    async def three() -> list[str]:
        # The async SDK drains a finished HTTP/1.1 stream, so its connection goes back to the pool.
        async with openai.AsyncOpenAI(base_url=server.base_url, api_key="test", max_retries=0) as sdk:
            texts = []
            for _ in range(3):
                stream = await sdk.chat.completions.create(model="gpt-test", messages=MESSAGES, stream=True)
                async with stream:
                    texts.append("".join([chunk.choices[0].delta.content or "" async for chunk in stream]))
            return texts

    assert asyncio.run(three()) == ["one", "two", "three"]
    # Chunked, as OpenAI streams: one connection for all three, paced or not.
    assert server.stats()["connections"] == 1


def test_a_client_that_hangs_up_mid_stream_costs_only_its_own_connection(
    server: FakeOpenAIServer, client: OpenAI
) -> None:
    server.script(Reply.content("x" * 4000).streamed(chunk_chars=8, interval=0.002), Reply.content("after"))
    with create(client, stream=True) as stream:
        next(iter(stream))  # read one chunk, then hang up

    assert server.wait_for_streams(1)[0] < 4000 // 8
    follow_up = create(client)
    assert follow_up.choices[0].message.content == "after"
    assert server.stats()["connections"] == 2


# -- HTTP errors ----------------------------------------------------------------------------------


def test_429_with_retry_after_is_a_rate_limit_error(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.status(429, headers={"retry-after": "1", "retry-after-ms": "50"}))

    with pytest.raises(openai.RateLimitError) as caught:
        create(client)

    assert caught.value.status_code == 429
    assert caught.value.response.headers["retry-after"] == "1"
    assert caught.value.response.headers["retry-after-ms"] == "50"
    assert caught.value.code == "rate_limit_exceeded"


def test_insufficient_quota_code_is_visible(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.status(429, error_code="insufficient_quota", error_type="insufficient_quota"))

    with pytest.raises(openai.RateLimitError) as caught:
        create(client)

    assert caught.value.code == "insufficient_quota"
    assert caught.value.type == "insufficient_quota"
    assert isinstance(caught.value.body, dict)
    assert caught.value.body["code"] == "insufficient_quota"
    assert "quota" in caught.value.message


def test_context_length_exceeded_is_a_bad_request(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.status(400, error_code="context_length_exceeded"))

    with pytest.raises(openai.BadRequestError) as caught:
        create(client)

    assert caught.value.code == "context_length_exceeded"
    assert caught.value.param == "messages"
    assert "context length" in caught.value.message


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors_are_internal_server_errors(server: FakeOpenAIServer, client: OpenAI, status: int) -> None:
    server.script(Reply.status(status))

    with pytest.raises(openai.InternalServerError) as caught:
        create(client)

    assert caught.value.status_code == status


def test_llamacpp_response_format_500_names_response_format(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.llamacpp_response_format_500())

    with pytest.raises(openai.InternalServerError) as caught:
        create(client, response_format={"type": "json_schema", "json_schema": {"name": "x", "schema": {}}})

    assert caught.value.status_code == 500
    assert "response_format" in caught.value.message
    assert caught.value.type == "internal_server_error"


# -- faults ---------------------------------------------------------------------------------------


def test_reset_is_a_connection_error_and_the_client_recovers(server: FakeOpenAIServer, client: OpenAI) -> None:
    create_ok = Reply.json({"ok": True})
    server.script(create_ok, Reply.reset(), create_ok)
    create(client)  # opens a keep-alive connection that the reset then kills

    with pytest.raises(openai.APIConnectionError) as caught:
        create(client)
    assert not isinstance(caught.value, openai.APITimeoutError)

    assert create(client).choices[0].message.content == '{"ok": true}'
    assert len(server.requests) == 3


def test_truncated_body_is_a_connection_error_and_the_client_recovers(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.truncated(), Reply.json({"ok": True}))

    with pytest.raises(openai.APIConnectionError) as caught:
        create(client)
    assert not isinstance(caught.value, openai.APITimeoutError)

    assert create(client).choices[0].message.content == '{"ok": true}'


def test_stall_beyond_the_client_timeout_is_a_timeout(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.stall(5), Reply.json({"ok": True}))

    started = time.monotonic()
    with pytest.raises(openai.APITimeoutError):
        create(client, timeout=0.2)
    assert time.monotonic() - started < 2

    assert create(client).choices[0].message.content == '{"ok": true}'


def test_stall_then_answers_when_the_client_waits(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.stall(0.1, then=Reply.json({"late": True})))

    started = time.monotonic()
    completion = create(client, timeout=5)

    assert time.monotonic() - started >= 0.1
    assert completion.choices[0].message.content == '{"late": true}'


def test_malformed_json_200_raises_a_bare_json_decode_error(server: FakeOpenAIServer, client: OpenAI) -> None:
    # Measured: the SDK does not wrap this in an openai exception.
    server.script(Reply.malformed_json())

    with pytest.raises(json.JSONDecodeError):
        create(client)


def test_html_200_comes_back_as_a_str(server: FakeOpenAIServer, client: OpenAI) -> None:
    # Measured: with a non-JSON content type the SDK hands back the body text instead of raising.
    server.script(Reply.html())

    result = create(client)

    assert isinstance(result, str)
    assert result.startswith("<html>")


# -- queue, default, responder --------------------------------------------------------------------


def test_empty_script_without_default_answers_500(server: FakeOpenAIServer, client: OpenAI) -> None:
    with pytest.raises(openai.InternalServerError) as caught:
        create(client)

    assert caught.value.status_code == 500
    assert "script ran out" in caught.value.message


def test_script_is_fifo_then_default(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.json(1), Reply.json(2))
    server.default = Reply.json("default")

    contents = [create(client).choices[0].message.content for _ in range(4)]

    assert contents == ["1", "2", '"default"', '"default"']
    assert server.pending == 0


def test_responder_is_consulted_before_default(server: FakeOpenAIServer, client: OpenAI) -> None:
    seen: list[RecordedRequest] = []

    def echo(request: RecordedRequest) -> Reply:
        seen.append(request)
        assert isinstance(request.json, dict)
        return Reply.json({"echo": request.json["messages"][-1]["content"]})

    server.script(Reply.json("scripted"))
    server.responder = echo
    server.default = Reply.json("default")

    assert create(client).choices[0].message.content == '"scripted"'
    assert json.loads(create(client).choices[0].message.content) == {"echo": "An article."}
    assert len(seen) == 1
    assert seen[0] is server.requests[-1]


def test_clear_forgets_requests_and_pending_replies(server: FakeOpenAIServer, client: OpenAI) -> None:
    server.script(Reply.json(1), Reply.json(2))
    create(client)

    server.clear()

    assert server.requests == []
    assert server.pending == 0


# -- routing and lifecycle ------------------------------------------------------------------------


def test_models_list_and_unknown_paths(server: FakeOpenAIServer, client: OpenAI) -> None:
    models = client.models.list()
    assert "gpt-4o-mini" in [m.id for m in models.data]

    with pytest.raises(openai.NotFoundError):
        client.embeddings.create(model="text-embedding-3-small", input="x")

    assert [r.path for r in server.requests] == ["/v1/models", "/v1/embeddings"]


def test_base_url_and_clean_stop() -> None:
    server = FakeOpenAIServer(default=Reply.json({}))
    with server:
        assert server.base_url.startswith("http://127.0.0.1:")
        assert server.base_url.endswith("/v1")
        # Leave a keep-alive connection idle and a handler stalled: stop() must still be prompt.
        with OpenAI(base_url=server.base_url, api_key="test", max_retries=0) as sdk:
            create(sdk)
            server.script(Reply.stall(30))
            with pytest.raises(openai.APITimeoutError):
                create(sdk, timeout=0.1)
            started = time.monotonic()
        server.stop()
        assert time.monotonic() - started < 2
    with pytest.raises(RuntimeError):
        _ = server.base_url


def test_chat_completion_builder() -> None:
    body = chat_completion("hi", model="m", finish_reason="length", usage=(3, 4))

    assert body["object"] == "chat.completion"
    assert body["model"] == "m"
    assert body["choices"][0]["message"] == {
        "role": "assistant",
        "content": "hi",
        "refusal": None,
        "annotations": [],
    }
    assert body["choices"][0]["finish_reason"] == "length"
    assert body["usage"] == {"prompt_tokens": 3, "completion_tokens": 4, "total_tokens": 7}


def test_a_client_that_resets_its_kept_connection_prints_no_traceback(
    server: FakeOpenAIServer, capfd: pytest.CaptureFixture[str]
) -> None:
    host, port = server.base_url.split("//")[1].split("/")[0].split(":")
    with socket.create_connection((host, int(port))) as conn:
        conn.sendall(b"GET /v1/models HTTP/1.1\r\nHost: x\r\n\r\n")
        assert conn.recv(65536).startswith(b"HTTP/1.1 200")
        # Close with a reset (linger 0) while the server waits for the next request on the kept connection.
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    server.stop()  # joins the handler thread, so whatever it printed is printed by now
    assert "Traceback" not in capfd.readouterr().err
