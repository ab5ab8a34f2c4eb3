"""`summarizer batch --via batch-api` against the fake server's /v1/files and /v1/batches (real HTTP, real SDK)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from support import SECRET_KEY, clean_env, valid_answer
from test_batch import model_env, read_lines, run_batch, write_jsonl

from summarizer.batch.batchapi import state_path
from summarizer.testing import FakeOpenAIServer, RecordedRequest, Reply


def posts(server: FakeOpenAIServer, suffix: str) -> int:
    return sum(request.method == "POST" for request in server.requests_for(suffix))


def test_the_batch_api_answers_first_requests_and_a_failed_line_is_asked_again_online(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    def responder(request: RecordedRequest) -> Reply:
        in_batch = not request.headers  # batch lines carry no HTTP headers of their own
        if in_batch and "Story number 1." in request.body.decode():
            return Reply.status(500)  # the batch reports this line failed
        return Reply.json(valid_answer())

    server.responder = responder
    ids = write_jsonl(tmp_path / "in.jsonl", 4)
    out = tmp_path / "out.jsonl"
    args = [str(tmp_path / "in.jsonl"), "--out", str(out), "--via", "batch-api", "--poll-interval", "0", "--no-cache"]
    completed = run_batch(server, *args)
    assert completed.exit_code == 0, completed.stderr
    lines = read_lines(out)
    assert sorted(line["id"] for line in lines) == ids
    assert all(line["status"] == "ok" for line in lines)
    assert posts(server, "/v1/files") == 1
    assert posts(server, "/v1/batches") == 1
    # Only the line the batch failed went online.
    online = server.requests_for("/chat/completions")
    assert len(online) == 1
    assert "Story number 1." in online[0].body.decode()
    uploaded = next(iter(server.files.values())).decode().splitlines()
    first = json.loads(uploaded[0])
    assert first["custom_id"] == "a0"
    assert "stream" not in first["body"]
    assert not state_path(out).exists()  # finished: the state is gone


def test_an_interrupted_poll_resumes_the_same_batch_instead_of_paying_twice(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    server.default = Reply.json(valid_answer())
    server.batch_polls = 10**9  # never done while the first run polls
    ids = write_jsonl(tmp_path / "in.jsonl", 3)
    out = tmp_path / "out.jsonl"
    args = [str(tmp_path / "in.jsonl"), "--out", str(out), "--via", "batch-api", "--poll-interval", "0.05"]
    command = [sys.executable, "-m", "summarizer", "batch", *args, "--no-cache", "--quiet"]
    process = subprocess.Popen(command, env=clean_env(**model_env(server)), stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and sum("/v1/batches/" in request.path for request in server.requests) < 2:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)  # mid-poll
    process.wait()
    state = json.loads(state_path(out).read_text(encoding="utf-8"))
    assert state["batch_id"] in server.batches
    assert server.batches[state["batch_id"]]["status"] != "completed"  # killed while it was still running

    server.batch_polls = 0  # done at the next poll
    completed = run_batch(server, *args[:3], "--via", "batch-api", "--poll-interval", "0", "--no-cache")
    assert completed.exit_code == 0, completed.stderr
    assert sorted(line["id"] for line in read_lines(out)) == ids
    assert posts(server, "/v1/files") == 1  # uploaded once
    assert posts(server, "/v1/batches") == 1  # created once
    assert server.requests_for("/chat/completions") == []
    assert SECRET_KEY not in out.read_text(encoding="utf-8")


def test_the_batch_api_reads_stdin_and_skips_a_repeated_id_like_the_online_path(
    server: FakeOpenAIServer, tmp_path: Path
) -> None:
    server.default = Reply.json(valid_answer())
    ids = write_jsonl(tmp_path / "in.jsonl", 2)
    lines = (tmp_path / "in.jsonl").read_text(encoding="utf-8").splitlines()
    out = tmp_path / "out.jsonl"
    args = ["-", "--out", str(out), "--via", "batch-api", "--poll-interval", "0", "--no-cache"]
    completed = run_batch(server, *args, stdin="\n".join([*lines, lines[0]]) + "\n")
    assert completed.exit_code == 0, completed.stderr
    assert sorted(line["id"] for line in read_lines(out)) == ids
    assert "duplicate id 'a0'" in completed.stderr
    uploaded = next(iter(server.files.values())).decode().splitlines()
    assert len(uploaded) == 2
