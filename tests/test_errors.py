"""Findings of issue 11 about errors: each test fails without its fix."""

from __future__ import annotations

import asyncio

import pytest
from support import valid_answer

from summarizer import ModelRequestError, Summarizer
from summarizer.config import Settings
from summarizer.testing import FakeOpenAIServer, Reply


def _wrong_answer() -> dict[str, object]:
    answer = valid_answer()
    answer["summary"] = str(answer["summary"]).replace("£480m", "£520m")
    return answer


@pytest.mark.parametrize("run", ["sync", "async"])
def test_a_grounding_re_ask_that_meets_only_transient_errors_keeps_the_valid_first_summary(
    run: str, server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(Reply.json(_wrong_answer()), Reply.status(503), Reply.status(503))
    quick = settings.with_changes(max_attempts=2, use_cache=False)
    with Summarizer(quick) as summarizer:
        result = summarizer.summarize(article) if run == "sync" else asyncio.run(summarizer.asummarize(article))
    assert result.provenance.grounding_reasks == 1
    assert "£520m" in result.summary.summary  # the first summary, its problem flagged rather than lost
    assert not result.grounding.ok and any("£520m" in problem for problem in result.flagged)
    assert len(server.requests) == 3


def test_a_grounding_re_ask_with_an_invalid_answer_keeps_the_valid_first_summary(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(Reply.json(_wrong_answer()), Reply.content("this is not JSON"))
    with Summarizer(settings.with_changes(use_cache=False)) as summarizer:
        result = summarizer.summarize(article)
    assert "£520m" in result.summary.summary and result.provenance.grounding_reasks == 1


def test_an_invalid_schema_400_is_an_error_not_a_structured_output_downgrade(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    invalid = "Invalid schema for response_format 'article_summary': In context=(), 'required' is required"
    server.script(Reply.status(400, message=invalid, param="response_format"))
    endpoint = settings.with_changes(model="schema-400-model", use_cache=False)
    with Summarizer(endpoint) as summarizer, pytest.raises(ModelRequestError, match="Invalid schema"):
        summarizer.summarize(article)
    assert len(server.requests) == 1  # no fallback request in another mode
    server.default = Reply.json(valid_answer())
    with Summarizer(endpoint) as summarizer:
        summarizer.summarize(article)
    # Nothing was remembered: the next request still asks for strict structured output.
    assert server.requests[-1].json["response_format"]["type"] == "json_schema"
