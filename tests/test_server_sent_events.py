"""The client's reader of server-sent events: what a chat completion stream's body becomes."""

from __future__ import annotations

import json

import pytest

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
