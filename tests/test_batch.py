"""`summarizer batch` as users run it (a real process, real HTTP to the fake server): sources, faults, resume."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from support import EXAMPLE_ARTICLE, SECRET_KEY, clean_env, invalid_answer, valid_answer

from summarizer import Summarizer
from summarizer.batch.output import result_line
from summarizer.cache import DiskCache
from summarizer.cli import cli
from summarizer.config import Settings
from summarizer.testing import FakeOpenAIServer, RecordedRequest, Reply

MARK = "Story number"


def write_jsonl(path: Path, count: int, *, extra: dict[str, Any] | None = None) -> list[str]:
    """`count` articles (the example article, each with its own last line) as JSONL; their ids."""
    base = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    ids = []
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            record = {"id": f"a{n}", "text": f"{base}\n{MARK} {n}.", "title": f"Title {n}", **(extra or {})}
            out.write(json.dumps(record) + "\n")
            ids.append(f"a{n}")
    return ids


def model_env(server: FakeOpenAIServer) -> dict[str, str]:
    return {
        "OPENAI_BASE_URL": server.base_url,
        "OPENAI_API_KEY": SECRET_KEY,
        "SUMMARIZER_MODEL": "test-model",
        "SUMMARIZER_MAX_ATTEMPTS": "4",
        "SUMMARIZER_TIMEOUT": "5",
    }


def run_batch(server: FakeOpenAIServer, *args: str, stdin: str | None = None) -> Result:
    """`summarizer batch` through click's runner: the command as users run it, without a process start-up."""
    unset: dict[str, str | None] = {k: None for k in os.environ if k.startswith(("OPENAI_", "SUMMARIZER_"))}
    return CliRunner().invoke(cli, ["batch", *args], input=stdin, env={**unset, **model_env(server)})


def read_lines(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    assert raw.endswith(b"\n") or not raw
    return [json.loads(line) for line in raw.splitlines()]


def story_of(request: RecordedRequest) -> int | None:
    body = request.body.decode()
    marker = body.find(MARK)
    if marker < 0:
        return None
    return int(body[marker + len(MARK) :].split(".", 1)[0])


def test_every_article_is_in_the_output_exactly_once_despite_30_percent_faults(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    rng = random.Random(7)
    lock = threading.Lock()
    faults = [
        Reply.status(503),
        Reply.status(429, headers={"retry-after-ms": "20"}),
        Reply.reset(),
        Reply.malformed_json(),
        Reply.truncated(),
    ]

    def responder(request: RecordedRequest) -> Reply:
        with lock:
            faulty = rng.random() < 0.3
            fault = rng.choice(faults)
        return fault if faulty else Reply.json(valid_answer())

    server.responder = responder
    ids = write_jsonl(tmp_path / "in.jsonl", 60)
    out = tmp_path / "out.jsonl"
    completed = run_batch(server, str(tmp_path / "in.jsonl"), "--out", str(out), "--no-cache", "--concurrency", "8")
    lines = read_lines(out)
    assert Counter(line["id"] for line in lines) == Counter(ids)  # each exactly once
    ok = [line for line in lines if line["status"] == "ok"]
    failed = [line for line in lines if line["status"] == "error"]
    assert len(ok) >= 55  # a fault four times running is rare (0.3^4); those few are error lines
    assert all(line["error"]["type"] == "ModelUnavailableError" for line in failed)
    assert completed.exit_code == (1 if failed else 0), completed.stderr
    assert all(line["result"]["provenance"]["attempts"] >= 1 for line in ok)
    assert f"{len(ok)} ok, {len(failed)} failed" in completed.stderr
    assert SECRET_KEY not in completed.stderr + out.read_text()


def test_kill_9_then_the_same_command_completes_without_asking_for_finished_articles_again(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    server.default = Reply.stall(0.15, then=Reply.json(valid_answer()))
    ids = write_jsonl(tmp_path / "in.jsonl", 40)
    out = tmp_path / "out.jsonl"
    env = clean_env(**model_env(server))
    args = [sys.executable, "-m", "summarizer", "batch", str(tmp_path / "in.jsonl"), "--out", str(out)]
    args += ["--no-cache", "--concurrency", "4", "--quiet"]
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 8):
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    first = read_lines(out)
    assert 8 <= len(first) < 40  # killed mid-run
    finished_first = {int(line["id"][1:]) for line in first}
    server.clear()

    completed = run_batch(server, str(tmp_path / "in.jsonl"), "--out", str(out), "--no-cache", "--concurrency", "4")
    assert completed.exit_code == 0, completed.stderr
    lines = read_lines(out)
    assert Counter(line["id"] for line in lines) == Counter(ids)
    asked_again = {story_of(request) for request in server.requests_for("/chat/completions")}
    assert not asked_again & finished_first
    assert f"{len(first)} skipped" in completed.stderr


def test_a_torn_last_line_is_dropped_and_that_article_done_again(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.default = Reply.json(valid_answer())
    write_jsonl(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    assert run_batch(server, str(tmp_path / "in.jsonl"), "--out", str(out), "--no-cache").exit_code == 0
    whole = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(whole[:2]) + whole[2][: len(whole[2]) // 2])  # as if cut off mid-write
    torn_id = json.loads(whole[2])["id"]
    server.clear()
    completed = run_batch(server, str(tmp_path / "in.jsonl"), "--out", str(out), "--no-cache")
    assert completed.exit_code == 0, completed.stderr
    lines = read_lines(out)
    assert sorted(line["id"] for line in lines) == ["a0", "a1", "a2"]
    assert len(server.requests_for("/chat/completions")) == 1
    assert lines[-1]["id"] == torn_id


def test_bad_articles_become_error_lines_and_the_batch_completes(server: FakeOpenAIServer, tmp_path: Path) -> None:
    def responder(request: RecordedRequest) -> Reply:
        # The model keeps answering nonsense for one article only.
        return Reply.json(invalid_answer()) if "Cursed" in request.body.decode() else Reply.json(valid_answer())

    server.responder = responder
    article = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(article, encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01PK\x03\x04" * 50)
    (folder / "latin1.md").write_bytes("Caf\xe9 prices rose 5%.".encode("latin-1"))
    (folder / "utf16.txt").write_bytes(article.encode("utf-16"))  # with its byte-order mark
    (folder / "long.txt").write_text(article * 40, encoding="utf-8")
    (folder / "page.html").write_text(
        f"<html><head><title>Harbour news</title><script>var x=1;</script></head><body><p>{article}</p></body></html>",
        encoding="utf-8",
    )
    lines_file = tmp_path / "more.jsonl"
    lines_file.write_text(
        json.dumps({"id": "cursed", "text": article + "\nCursed."})
        + "\n"
        + "not json\n"
        + json.dumps({"id": "x"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    completed = run_batch(server, str(folder), str(lines_file), "--out", str(out), "--max-chars", "20000")
    assert completed.exit_code == 1
    lines = {line["id"].rsplit("/", 1)[-1].split("#")[0]: line for line in read_lines(out)}
    assert lines["good.txt"]["status"] == "ok"
    assert lines["page.html"]["status"] == "ok"
    assert lines["page.html"]["result"]["summary"]["summary"]
    errors = {key: line["error"] for key, line in lines.items() if line["status"] == "error"}
    assert set(errors) == {"empty.txt", "binary.txt", "long.txt", "cursed", "more.jsonl:2", "x"}
    assert "empty" in errors["empty.txt"]["message"]
    assert "binary" in errors["binary.txt"]["message"]
    assert "--max-chars" in errors["long.txt"]["message"]
    assert errors["cursed"]["type"] == "ModelOutputError"
    assert "Traceback" not in completed.stderr
    # The page's title came from its <title>, and its script never reached the model.
    bodies = [request.body.decode() for request in server.requests_for("/chat/completions")]
    assert any("Harbour news" in body for body in bodies)
    assert not any("var x=1" in body for body in bodies)
    # Read as `summarize` reads a file (summarizer.reading): Latin-1 is decoded, not refused.
    assert lines["latin1.md"]["status"] == lines["utf16.txt"]["status"] == "ok"
    assert any("Café prices rose 5%" in body for body in bodies)


def test_jsonl_fields_are_carried_through_and_stdin_works(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.default = Reply.json(valid_answer())
    write_jsonl(tmp_path / "in.jsonl", 2, extra={"section": "business"})
    completed = run_batch(server, "-", "--no-cache", stdin=(tmp_path / "in.jsonl").read_text())
    assert completed.exit_code == 0, completed.stderr
    lines = [json.loads(line) for line in completed.stdout.splitlines()]
    assert sorted(line["id"] for line in lines) == ["a0", "a1"]
    assert all(line["section"] == "business" for line in lines)
    assert all(line["provenance"]["model"] == "test-model" for line in lines)


def test_carried_fields_keep_their_exact_values_in_the_output_file(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.default = Reply.json(valid_answer())
    write_jsonl(tmp_path / "in.jsonl", 2, extra={"n": 2**70, "tag": "café ✓", "ratio": 1.5e-7})
    out = tmp_path / "out.jsonl"
    first = run_batch(server, str(tmp_path / "in.jsonl"), "--no-cache", "--out", str(out))
    assert first.exit_code == 0, first.stderr
    lines = read_lines(out)
    assert [(line["n"], line["tag"], line["ratio"]) for line in lines] == [(2**70, "café ✓", 1.5e-7)] * 2
    assert "café ✓" in out.read_text(encoding="utf-8")  # UTF-8 as it is, not escaped
    again = run_batch(server, str(tmp_path / "in.jsonl"), "--no-cache", "--out", str(out))
    assert again.exit_code == 0 and "2 skipped" in again.stderr
    assert len(read_lines(out)) == 2


def test_markdown_and_a_csv_of_key_figures(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.default = Reply.json(valid_answer())
    write_jsonl(tmp_path / "in.jsonl", 2)
    csv_path = tmp_path / "figures.csv"
    completed = run_batch(
        server, str(tmp_path / "in.jsonl"), "--format", "markdown", "--figures-csv", str(csv_path), "--no-cache"
    )
    assert completed.exit_code == 0, completed.stderr
    assert completed.stdout.count("## Key figures") == 2
    assert "# Title 0" in completed.stdout
    rows = csv_path.read_text(encoding="utf-8").splitlines()
    assert rows[0] == "id,title,figure,measures,status,sentence"
    assert sum(row.startswith("a0,Title 0,£480m,") for row in rows) == 1
    assert len(rows) == 1 + 2 * len(valid_answer()["key_figures"])


def test_dry_run_estimates_and_sends_nothing(server: FakeOpenAIServer, tmp_path: Path) -> None:
    write_jsonl(tmp_path / "in.jsonl", 10)
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps({"test-model": {"input": 1.0, "output": 2.0}}), encoding="utf-8")
    completed = run_batch(server, str(tmp_path / "in.jsonl"), "--dry-run", "--prices", str(prices))
    assert completed.exit_code == 0, completed.stderr
    assert "articles to summarise  10" in completed.stdout
    assert "$1 input, $2 output" in completed.stdout
    prompt = int(completed.stdout.split("prompt tokens")[1].split()[0].strip("~").replace(",", ""))
    completion = int(completed.stdout.split("completion tokens")[1].split()[0].strip("~").replace(",", ""))
    cost = float(completed.stdout.split("estimated cost")[1].split()[0].strip("~$"))
    assert cost == pytest.approx((prompt * 1.0 + completion * 2.0) / 1e6, abs=1e-4)
    assert server.requests == []
    unknown = run_batch(server, str(tmp_path / "in.jsonl"), "--dry-run")
    assert "unknown: the model is not in the price table" in unknown.stdout


def test_a_cached_rerun_to_a_new_output_sends_no_requests(server: FakeOpenAIServer, tmp_path: Path) -> None:
    server.default = Reply.json(valid_answer())
    write_jsonl(tmp_path / "in.jsonl", 5)
    cache = tmp_path / "cache"
    first = run_batch(server, str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "1.jsonl"), "--cache-dir", str(cache))
    assert first.exit_code == 0, first.stderr
    server.clear()
    again = run_batch(server, str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "2.jsonl"), "--cache-dir", str(cache))
    assert again.exit_code == 0, again.stderr
    assert server.requests == []
    assert "5 from cache" in again.stderr


def _without_latency(record: dict[str, Any]) -> dict[str, Any]:
    """The record as its JSON line says it, latency (which no two runs share) left out."""
    record = json.loads(json.dumps(record))
    for provenance in (record["provenance"], record["result"]["provenance"]):
        provenance.pop("latency_ms")
    return record


def test_a_cached_rerun_writes_the_lines_a_full_validation_of_the_cache_would(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    server.default = Reply.json(valid_answer())
    write_jsonl(tmp_path / "in.jsonl", 3, extra={"section": "business"})
    cache = tmp_path / "cache"
    first = run_batch(server, str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "1.jsonl"), "--cache-dir", str(cache))
    assert first.exit_code == 0, first.stderr
    server.clear()
    again = run_batch(server, str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "2.jsonl"), "--cache-dir", str(cache))
    assert again.exit_code == 0, again.stderr
    assert server.requests == [] and "3 from cache" in again.stderr
    rerun = {line["id"]: line for line in read_lines(tmp_path / "2.jsonl")}

    # The same articles through the library's cached path, which validates the stored result in full.
    settings = Settings(
        engine="openai", model="test-model", base_url=server.base_url, api_key=SECRET_KEY, cache_dir=cache
    )
    with Summarizer(settings) as summarizer:
        for line in read_lines(tmp_path / "in.jsonl"):
            result = summarizer.summarize(line["text"], title=line["title"])
            validated = result_line(line["id"], {"section": "business"}, result=result)
            assert json.dumps(_without_latency(rerun[line["id"]])) == json.dumps(_without_latency(validated))
    assert server.requests == []
    # Against the first run's lines, only how it was made differs: a hit costs no requests and no tokens.
    for line in read_lines(tmp_path / "1.jsonl"):
        cached = rerun[line["id"]]
        assert cached["provenance"]["cache_hit"] and not line["provenance"]["cache_hit"]
        assert (cached["provenance"]["attempts"], cached["provenance"]["usage"]["prompt_tokens"]) == (0, 0)
        assert {**cached["result"], "provenance": None} == {**_without_latency(line)["result"], "provenance": None}


def _first_run(server: FakeOpenAIServer, tmp_path: Path, articles: int) -> Path:
    """A finished batch of `articles` into 1.jsonl with a cache; the cache's directory."""
    server.default = Reply.json(valid_answer())
    write_jsonl(tmp_path / "in.jsonl", articles)
    cache = tmp_path / "cache"
    first = run_batch(server, str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "1.jsonl"), "--cache-dir", str(cache))
    assert first.exit_code == 0, first.stderr
    return cache


def test_a_rerun_with_new_articles_asks_only_for_the_new_ones_and_markdown_shows_the_cached(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    cache = _first_run(server, tmp_path, 2)
    write_jsonl(tmp_path / "in.jsonl", 4)
    server.clear()
    again = run_batch(server, str(tmp_path / "in.jsonl"), "--format", "markdown", "--cache-dir", str(cache))
    assert again.exit_code == 0, again.stderr
    assert sorted(story_of(request) for request in server.requests) == [2, 3]
    assert again.stdout.count("## Key figures") == 4
    assert "2 from cache" in again.stderr


def test_a_cache_entry_in_another_layout_is_asked_again_not_copied_out(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    cache = _first_run(server, tmp_path, 1)
    # As an older version might have stored it: a provenance without a field today's has.
    store = DiskCache(cache)
    [key] = list(store._cache.iterkeys())
    entry = store.get(key)
    assert entry is not None
    del entry["provenance"]["output_mode"]
    store.set(key, {name: value for name, value in entry.items() if name != "format"})
    store.close()
    server.clear()
    again = run_batch(server, str(tmp_path / "in.jsonl"), "--out", str(tmp_path / "2.jsonl"), "--cache-dir", str(cache))
    assert again.exit_code == 0, again.stderr
    assert len(server.requests) == 1
    [line] = read_lines(tmp_path / "2.jsonl")
    assert line["provenance"]["output_mode"] is not None and not line["provenance"]["cache_hit"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.txt"], "does not exist"),
        (["nothing-*.txt"], "matches no files"),
        (["-", "-"], "can be given once"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    server: FakeOpenAIServer, tmp_path: Path, args: list[str], message: str
) -> None:
    completed = run_batch(server, *[str(tmp_path / arg) if arg != "-" else arg for arg in args], stdin="")
    assert completed.exit_code == 2
    assert message in completed.stderr
    assert "Traceback" not in completed.stderr
