"""Small and local models: bounded output, streaming, loops cut and re-asked, time limits, learnt modes.

Everything runs through the real openai SDK streaming from the fake server over real HTTP.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from support import EXAMPLE_ARTICLE, SECRET_KEY, clean_env, valid_answer

from summarizer import ModelOutputError, ModelUnavailableError, Summarizer
from summarizer.client import ChatRequest, OpenAIClient, messages_of
from summarizer.config import Settings
from summarizer.output_modes import MODES_FILE
from summarizer.pipeline import output_budget
from summarizer.repetition import CHECK_EVERY, MIN_REPEATED_CHARS, MIN_REPEATS, RepetitionDetector, repeating_tail
from summarizer.salvage import salvage
from summarizer.schemas import ArticleSummary, output_token_bound, strict_json_schema, strict_subset
from summarizer.streaming import StreamProgress
from summarizer.testing import FakeOpenAIServer, RecordedRequest, Reply

SCHEMA = strict_json_schema(ArticleSummary)
LOOP_PREFIX = '{"summary": "The Port of Kestrel Bay will receive £480m.", "key_points": ['
LOOP_UNIT = '"The port will double its container capacity by 2030.", '


def loop_bound(unit: str) -> int:
    """The most characters of a loop read before it is cut (see summarizer.repetition)."""
    repeats = max(MIN_REPEATS, -(-MIN_REPEATED_CHARS // len(unit)))
    return repeats * len(unit) + CHECK_EVERY


def request(**changes: Any) -> ChatRequest:
    return ChatRequest(messages=messages_of(("user", "Summarise.")), schema_name="s", schema=SCHEMA, **changes)


def walk(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            found += walk(value)
    elif isinstance(node, list):
        for item in node:
            found += walk(item)
    return found


# -- bounded output by construction ----------------------------------------------------------------


def test_every_list_and_string_of_the_schema_has_an_upper_bound() -> None:
    nodes = walk(SCHEMA)
    strings = [node for node in nodes if node.get("type") == "string"]
    arrays = [node for node in nodes if node.get("type") == "array"]
    assert len(strings) >= 9 and len(arrays) == 4
    assert all("maxLength" in node for node in strings)
    assert all("maxItems" in node for node in arrays)


def test_the_output_budget_is_derived_from_the_bounds_and_a_setting_overrides_it() -> None:
    bound = output_token_bound(SCHEMA)
    assert bound is not None and 2000 < bound < 10000
    assert output_budget(Settings(model="local"), SCHEMA) == bound
    assert output_budget(Settings(model="local", max_output_tokens=900), SCHEMA) == 900
    # A local server (a CPU, a few tokens a second) gets a capped budget unless told.
    assert output_budget(Settings(model="local", base_url="http://127.0.0.1:8080/v1"), SCHEMA) == 2048
    assert (
        output_budget(Settings(model="local", base_url="http://127.0.0.1:8080/v1", max_output_tokens=5000), SCHEMA)
        == 5000
    )
    # A reasoning model spends hidden tokens from the same budget.
    assert output_budget(Settings(model="gpt-5-mini"), SCHEMA) > bound
    # A schema with an unbounded string has no derived bound.
    assert output_token_bound({"type": "object", "properties": {"x": {"type": "string"}}}) is None


def test_strict_mode_gets_the_schema_without_string_lengths_and_json_mode_gets_them(
    server: FakeOpenAIServer, settings: Settings
) -> None:
    server.script(Reply.llamacpp_response_format_500(), Reply.json(valid_answer()))
    with closing(OpenAIClient(settings)) as client:
        client.complete(request())
    strict = server.requests[0].json["response_format"]["json_schema"]["schema"]
    grammar = server.requests[1].json["response_format"]["schema"]
    assert strict == strict_subset(SCHEMA)
    assert "maxLength" not in json.dumps(strict) and '"maxItems"' in json.dumps(strict)
    assert grammar == SCHEMA and '"maxLength"' in json.dumps(grammar)


def test_the_budget_reaches_the_request_from_the_cli_option_and_the_environment(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    server.default = Reply.json(valid_answer())
    article = tmp_path / "a.txt"
    article.write_text(EXAMPLE_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")  # grounds valid_answer()
    env = clean_env(OPENAI_BASE_URL=server.base_url, SUMMARIZER_CACHE_DIR=str(tmp_path / "c"), SUMMARIZER_MODEL="m")
    run_cli("summarize", "--no-cache", "--max-output-tokens", "777", str(article), env=env)
    first_run = len(server.requests)
    run_cli("summarize", "--no-cache", str(article), env={**env, "SUMMARIZER_MAX_OUTPUT_TOKENS": "555"})
    budgets = [r.json["max_tokens"] for r in server.requests]
    assert set(budgets[:first_run]) == {777} and set(budgets[first_run:]) == {555}


# -- streaming -------------------------------------------------------------------------------------


def test_a_streamed_answer_comes_back_whole_with_the_servers_usage_and_progress(
    server: FakeOpenAIServer, settings: Settings
) -> None:
    server.script(Reply.json(valid_answer(), usage=(1200, 345)).streamed(chunk_chars=4))
    seen: list[StreamProgress] = []
    with closing(OpenAIClient(settings, on_progress=seen.append)) as client:
        reply = client.complete(request())
    sent = server.requests[0].json
    assert (sent["stream"], sent["stream_options"]) == (True, {"include_usage": True})
    assert json.loads(reply.content or "") == valid_answer()
    assert (reply.finish_reason, reply.usage.prompt_tokens, reply.usage.completion_tokens) == ("stop", 1200, 345)
    assert seen and seen[-1].done and seen[-1].tokens > 100


# -- loops -----------------------------------------------------------------------------------------


def test_a_looping_answer_is_cut_within_the_stated_bound(server: FakeOpenAIServer, settings: Settings) -> None:
    server.script(Reply.looping(LOOP_PREFIX, LOOP_UNIT, repeats=2000).streamed(chunk_chars=8, interval=0.0005))
    with closing(OpenAIClient(settings)) as client:
        reply = client.complete(request())
    assert reply.finish_reason == "loop"
    content = reply.content or ""
    # 2000 repeats were on offer (~114,000 characters); the client read the prefix and at most the bound.
    assert len(content) <= len(LOOP_PREFIX) + loop_bound(LOOP_UNIT)
    assert content.count(LOOP_UNIT) >= MIN_REPEATS
    # The client hung up: the server did not get to stream the rest.
    total_chunks = len(LOOP_PREFIX + LOOP_UNIT * 2000) // 8
    assert server.wait_for_streams(1)[0] < total_chunks // 10


def test_a_loop_is_re_asked_once_with_a_tighter_budget_and_the_answer_is_kept(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(Reply.looping(LOOP_PREFIX, LOOP_UNIT), Reply.json(valid_answer()))
    with Summarizer(settings.with_changes(max_output_tokens=3000)) as summarizer:
        result = summarizer.summarize(article)
    assert result.summary.summary == valid_answer()["summary"]
    assert (result.provenance.attempts, result.provenance.reasks) == (2, 1)
    first, second = (r.json for r in server.requests)
    assert (first["max_tokens"], second["max_tokens"]) == (3000, 1500)
    assert "started repeating itself" in second["messages"][-1]["content"]
    # The looping answer is not sent back: the re-ask is the first conversation plus one note.
    assert second["messages"][:-1] == first["messages"]


def test_a_loop_twice_fails_with_advice_not_a_4000_token_wait(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(Reply.looping(LOOP_PREFIX, LOOP_UNIT), Reply.looping(LOOP_PREFIX, LOOP_UNIT))
    with Summarizer(settings) as summarizer, pytest.raises(ModelOutputError, match="SUMMARIZER_TEMPERATURE") as caught:
        summarizer.summarize(article)
    assert caught.value.problems == ["finish_reason=loop", "finish_reason=loop"]
    assert all(len(output or "") <= len(LOOP_PREFIX) + loop_bound(LOOP_UNIT) for output in caught.value.outputs)


def test_a_length_cut_answer_keeps_its_complete_part_without_a_re_ask(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    answer = valid_answer()
    whole = json.dumps(answer)
    cut = whole[: whole.index('"evidence"')]  # inside the last claim
    server.script(Reply.length(cut))
    with Summarizer(settings) as summarizer:
        result = summarizer.summarize(article)
    assert len(server.requests) == 1
    assert result.summary.key_figures == ArticleSummary.model_validate(answer).key_figures
    assert result.summary.claims == []  # the half-written claim is dropped, not invented


def test_salvage_removes_repeated_items_and_refuses_what_does_not_validate() -> None:
    answer = valid_answer()
    answer["key_points"] = answer["key_points"] + answer["key_points"]
    salvaged = salvage(json.dumps(answer)[:-5], ArticleSummary)
    assert salvaged is not None and salvaged.key_points == valid_answer()["key_points"]
    assert salvage(LOOP_PREFIX + LOOP_UNIT * 10, ArticleSummary) is None  # no key_figures, no claims


def test_the_loop_detector_raises_no_alarm_on_real_answers_and_finds_short_and_long_units() -> None:
    detector = RepetitionDetector()
    text = json.dumps(valid_answer(), indent=2)
    assert not any(detector.feed(text[i : i + 3]) for i in range(0, len(text), 3))
    assert repeating_tail("x" * 199) is None and repeating_tail("x" * 200) is not None
    found = repeating_tail("intro " + "ab cd " * 40)
    assert found is not None and len(found.unit) == 6
    assert repeating_tail("start" + "a different sentence each time, " * 2) is None


# -- time ------------------------------------------------------------------------------------------


def test_a_server_that_drips_bytes_but_no_token_is_given_up_after_the_timeout_naming_it(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(Reply.drip(interval=0.05, seconds=60))
    quick = settings.with_changes(timeout=0.5, max_attempts=1)
    with Summarizer(quick) as summarizer, pytest.raises(ModelUnavailableError) as caught:
        summarizer.summarize(article)
    assert "no new token within 0.5s" in str(caught.value)
    assert "SUMMARIZER_TIMEOUT" in str(caught.value)


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_tokens_that_keep_coming_are_cut_at_the_total_deadline(
    mode: str, server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    # 1,500 chunks at 20 ms each would take 30 s; the deadline is 1 s.
    server.script(Reply.json(valid_answer()).streamed(chunk_chars=8, interval=0.02))
    slow = settings.with_changes(timeout=5.0, deadline=1.0, max_attempts=1)
    with Summarizer(slow) as summarizer:
        run = summarizer.summarize if mode == "sync" else lambda text: asyncio.run(summarizer.asummarize(text))
        with pytest.raises(ModelUnavailableError) as caught:
            run(article)
    assert "total deadline of 1s" in str(caught.value) and "SUMMARIZER_DEADLINE" in str(caught.value)
    assert server.wait_for_streams(1)[0] < len(json.dumps(valid_answer())) // 8


def test_a_silent_server_times_out_with_advice_to_raise_summarizer_timeout(
    server: FakeOpenAIServer, settings: Settings, article: str
) -> None:
    server.script(Reply.stall(5.0), Reply.stall(5.0))
    quick = settings.with_changes(timeout=0.3, max_attempts=2)
    with Summarizer(quick) as summarizer, pytest.raises(ModelUnavailableError) as caught:
        summarizer.summarize(article)
    message = str(caught.value)
    assert "SUMMARIZER_TIMEOUT" in message and "SUMMARIZER_MAX_ATTEMPTS" not in message


def test_a_loopback_endpoint_gets_local_defaults_unless_told() -> None:
    local = Settings(base_url="http://127.0.0.1:8080/v1")
    remote = Settings(base_url="https://api.example.com/v1")
    assert (local.idle_timeout, local.request_deadline, local.effective_concurrency(None, default=8)) == (300, 1800, 1)
    assert (remote.idle_timeout, remote.request_deadline, remote.effective_concurrency(None, default=8)) == (60, 300, 8)
    assert Settings(base_url="http://localhost:11434/v1").is_local
    assert Settings(base_url="http://[::1]:8000/v1").is_local
    told = Settings(base_url="http://127.0.0.1:8080/v1", timeout=20, deadline=90, concurrency=3)
    assert (told.idle_timeout, told.request_deadline, told.effective_concurrency(None, default=8)) == (20, 90, 3)
    assert told.effective_concurrency(5, default=8) == 5
    env = {"SUMMARIZER_DEADLINE": "42", "SUMMARIZER_CONCURRENCY": "2", "SUMMARIZER_MAX_OUTPUT_TOKENS": "900"}
    from_env = Settings.from_env(env)
    assert (from_env.deadline, from_env.concurrency, from_env.max_output_tokens) == (42, 2, 900)


# -- the learnt output mode ------------------------------------------------------------------------

TRACEBACK = "Traceback (most recent call last):\n  File server.py, line 1\nValueError: response_format json_schema"


def llama_like(request: RecordedRequest) -> Reply:
    """A llama.cpp-like server: 500 with a traceback on json_schema, a valid answer otherwise."""
    body = request.json if isinstance(request.json, dict) else {}
    if body.get("response_format", {}).get("type") == "json_schema":
        return Reply.status(500, message=TRACEBACK)
    return Reply.json(valid_answer())


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).with_name("summarizer")
    done = subprocess.run([str(script), *args], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    return done


def test_the_learnt_output_mode_survives_a_second_cli_process(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(EXAMPLE_ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")  # grounds valid_answer()
    cache = tmp_path / "cache"
    with FakeOpenAIServer(responder=llama_like) as server:
        env = clean_env(
            OPENAI_BASE_URL=server.base_url,
            OPENAI_API_KEY=SECRET_KEY,
            SUMMARIZER_MODEL="smol",
            SUMMARIZER_CACHE_DIR=str(cache),
        )
        first = run_cli("summarize", "--refresh", str(article), env=env)
        first_run = len(server.requests)
        second = run_cli("summarize", "--refresh", str(article), env=env)
        kinds = [r.json["response_format"]["type"] for r in server.requests]
        base_url = server.base_url
    # One failing request in two runs: the second process starts with the mode the first one learnt.
    assert kinds[:2] == ["json_schema", "json_object"] and kinds.count("json_schema") == 1
    assert len(kinds) > first_run and set(kinds[first_run:]) == {"json_object"}
    assert json.loads((cache / MODES_FILE).read_text()) == {f"{base_url}|smol": "json_object"}
    warnings = [line for line in first.stderr.splitlines() if line.startswith("summarizer: warning:")]
    assert len(warnings) == 1 and "json_schema" in warnings[0] and "json_object" in warnings[0]
    assert "Traceback (most recent call last):" in warnings[0] and "File server.py" not in first.stderr
    assert str(cache / MODES_FILE) in warnings[0]
    assert second.stderr == ""


def test_a_damaged_modes_file_is_learnt_again_not_a_crash(server: FakeOpenAIServer, settings: Settings) -> None:
    path = settings.cache_dir / MODES_FILE
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00 not json")
    server.script(Reply.llamacpp_response_format_500(), Reply.json(valid_answer()))
    with closing(OpenAIClient(settings)) as client:
        reply = client.complete(request())
    assert reply.output_mode == "json_object"
    assert json.loads(path.read_text()) == {f"{server.base_url}|test-model": "json_object"}
