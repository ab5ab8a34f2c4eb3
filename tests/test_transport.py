"""Transport behaviour through the real openai SDK and a real local HTTP server."""

from __future__ import annotations

import asyncio
import json

import pytest
from support import valid_answer

from summarizer import (
    AuthenticationError,
    ContextLengthError,
    ModelRequestError,
    ModelUnavailableError,
    QuotaError,
    Summarizer,
    SummaryResult,
)
from summarizer.config import Settings
from summarizer.testing import FakeOpenAIServer, Reply

TRANSIENT_FAULTS = {
    "500": lambda: Reply.status(500),
    "503": lambda: Reply.status(503),
    "429": lambda: Reply.status(429),
    "408": lambda: Reply.status(408),
    "409": lambda: Reply.status(409),
    "connection reset": Reply.reset,
    "truncated body": Reply.truncated,
    "malformed JSON body": Reply.malformed_json,
    "html 200": Reply.html,
    "stall past the timeout": lambda: Reply.stall(1.0),
}


@pytest.mark.parametrize("fault", TRANSIENT_FAULTS.values(), ids=TRANSIENT_FAULTS.keys())
def test_a_transient_fault_is_retried_once_and_recovered(
    fault: object, server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(fault(), Reply.json(valid_answer()))  # type: ignore[operator]
    with Summarizer(settings.with_changes(timeout=0.3)) as summarizer:
        result = summarizer.summarize(article)
    assert result.summary.summary == valid_answer()["summary"]
    assert result.provenance.attempts == 2
    assert len(server.requests_for("/chat/completions")) == 2


def test_three_different_faults_then_success_take_exactly_four_attempts(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(Reply.status(502), Reply.reset(), Reply.truncated(), Reply.json(valid_answer()))
    with Summarizer(settings) as summarizer:
        result = summarizer.summarize(article)
    assert result.provenance.attempts == 4
    assert len(server.requests) == 4


def test_persistent_failure_stops_at_max_attempts_with_a_clear_error(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.default = Reply.status(503)
    with (
        Summarizer(settings.with_changes(max_attempts=3)) as summarizer,
        pytest.raises(ModelUnavailableError, match=r"after 3 attempt\(s\).*try again later") as caught,
    ):
        summarizer.summarize(article)
    assert caught.value.attempts == 3
    assert len(server.requests) == 3  # one retry layer: the SDK itself never retried


def test_the_retry_budget_bounds_total_time(server: FakeOpenAIServer, settings: Settings, article: str) -> None:
    # Each 429 asks for 0.3 s; with a 0.5 s budget only two attempts fit, whatever max_attempts says.
    server.default = Reply.status(429, headers={"retry-after-ms": "300"})
    with (
        Summarizer(settings.with_changes(max_attempts=10, retry_budget=0.5)) as summarizer,
        pytest.raises(ModelUnavailableError),
    ):
        summarizer.summarize(article)
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("headers", "expected_wait"),
    [({"retry-after-ms": "400"}, 0.4), ({"retry-after": "1"}, 1.0)],
    ids=["retry-after-ms", "retry-after seconds"],
)
def test_retry_after_is_honoured(
    headers: dict[str, str], expected_wait: float, server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(Reply.status(429, headers=headers), Reply.json(valid_answer()))
    with Summarizer(settings) as summarizer:
        summarizer.summarize(article)
    first, second = server.requests
    # Backoff without the header would be at most 0.05 s here; the gap can only come from the header.
    assert second.received_at - first.received_at >= expected_wait


def test_a_retry_after_longer_than_we_accept_fails_at_once(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.default = Reply.status(429, headers={"retry-after": "3600"})
    with (
        Summarizer(settings) as summarizer,
        pytest.raises(ModelUnavailableError, match="asked us to wait 3600s"),
    ):
        summarizer.summarize(article)
    assert len(server.requests) == 1


NON_RETRYABLE = {
    "400 bad request": (
        lambda: Reply.status(400, message="Invalid value for 'messages'."),
        ModelRequestError,
        "rejected the request",
    ),
    "401 bad key": (lambda: Reply.status(401), AuthenticationError, "check OPENAI_API_KEY"),
    "403 forbidden": (lambda: Reply.status(403), AuthenticationError, "check OPENAI_API_KEY"),
    "404 no such model": (lambda: Reply.status(404), ModelRequestError, "check SUMMARIZER_MODEL"),
    "insufficient_quota": (
        lambda: Reply.status(429, error_code="insufficient_quota", error_type="insufficient_quota"),
        QuotaError,
        "add credit",
    ),
    "context length": (
        lambda: Reply.status(400, error_code="context_length_exceeded"),
        ContextLengthError,
        "too long for test-model",
    ),
}


@pytest.mark.parametrize(("fault", "error", "advice"), NON_RETRYABLE.values(), ids=NON_RETRYABLE.keys())
def test_a_non_retryable_error_fails_after_one_attempt_with_advice(
    fault: object,
    error: type[Exception],
    advice: str,
    server: FakeOpenAIServer,
    settings: Settings,
    article: str,
) -> None:
    server.script(fault(), Reply.json(valid_answer()))  # type: ignore[operator]
    with Summarizer(settings) as summarizer, pytest.raises(error, match=advice):
        summarizer.summarize(article)
    assert len(server.requests) == 1


def test_strict_structured_outputs_are_requested_first(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(Reply.json(valid_answer()))
    with Summarizer(settings) as summarizer:
        result = summarizer.summarize(article)
    body = server.requests[0].json
    assert body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["strict"] is True
    assert result.provenance.output_mode == "json_schema"


def test_llamacpp_rejection_falls_back_to_json_mode_without_retrying_and_is_remembered(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(Reply.llamacpp_response_format_500(), Reply.json(valid_answer()), Reply.json(valid_answer()))
    with Summarizer(settings.with_changes(use_cache=False)) as summarizer:
        first = summarizer.summarize(article)
        second = summarizer.summarize(article)
    formats = [request.json["response_format"]["type"] for request in server.requests]
    # One rejected json_schema request, then json_object (with the schema, which llama.cpp enforces),
    # and the second article goes straight to json_object: the fallback is remembered per endpoint.
    assert formats == ["json_schema", "json_object", "json_object"]
    assert "schema" in server.requests[1].json["response_format"]
    assert first.provenance.attempts == 2
    assert second.provenance.output_mode == "json_object"


def test_an_endpoint_without_json_mode_gets_plain_json_in_the_prompt(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    rejection = Reply.status(400, message="response_format is not supported by this model", param="response_format")
    server.script(rejection, rejection, Reply.content("```json\n" + json.dumps(valid_answer()) + "\n```"))
    with Summarizer(settings) as summarizer:
        result = summarizer.summarize(article)
    last = server.requests[-1].json
    assert "response_format" not in last
    assert "JSON schema" in last["messages"][0]["content"]
    assert result.provenance.output_mode == "prompt"
    assert result.provenance.attempts == 3


@pytest.mark.parametrize(
    ("model", "present", "absent"),
    [
        ("gpt-5-mini", {"max_completion_tokens"}, {"temperature", "max_tokens"}),
        ("o4-mini", {"max_completion_tokens"}, {"temperature", "max_tokens"}),
        ("llama3.1:8b", {"temperature", "max_tokens"}, {"max_completion_tokens"}),
    ],
)
def test_reasoning_models_get_reasoning_parameters(
    model: str,
    present: set[str],
    absent: set[str],
    server: FakeOpenAIServer,
    settings: Settings,
    article: str,
) -> None:
    server.script(Reply.json(valid_answer()))
    with Summarizer(settings.with_changes(model=model)) as summarizer:
        summarizer.summarize(article)
    body = server.requests[0].json
    assert body["model"] == model
    assert present <= body.keys()
    assert not absent & body.keys()


def test_asummarize_goes_through_the_same_flow(server: FakeOpenAIServer, settings: Settings, article: str) -> None:
    server.script(Reply.status(503), Reply.json(valid_answer()))

    async def run() -> SummaryResult:
        summarizer = Summarizer(settings)
        try:
            return await summarizer.asummarize(article)
        finally:
            await summarizer.aclose()

    result = asyncio.run(run())
    assert result.provenance.attempts == 2
    assert result.summary.key_figures[0].figure == "£480m"


def test_asummarize_works_across_separate_event_loops(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    # asyncio.run() twice: the second loop must not reuse the first loop's (closed) connections.
    server.default = Reply.json(valid_answer())
    summarizer = Summarizer(settings.with_changes(use_cache=False))

    async def once() -> SummaryResult:
        try:
            return await summarizer.asummarize(article)
        finally:
            await summarizer.aclose()

    results = [asyncio.run(once()), asyncio.run(once())]
    assert [result.provenance.attempts for result in results] == [1, 1]
    assert len(server.requests) == 2


def test_a_reset_on_the_aiohttp_transport_is_reported_as_a_connection_failure(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    # aiohttp reports a reset as a ConnectTimeout; it is not "no new token within 30s".
    pytest.importorskip("aiohttp")
    server.default = Reply.reset()
    quick = settings.with_changes(http_transport="aiohttp", timeout=30.0, max_attempts=1)

    async def summarize() -> None:
        with Summarizer(quick) as summarizer:
            await summarizer.asummarize(article)

    with pytest.raises(ModelUnavailableError, match="connection failed") as caught:
        asyncio.run(summarize())
    assert "no new token" not in str(caught.value)
