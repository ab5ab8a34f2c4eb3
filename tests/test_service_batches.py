"""/v1/batches on a real server process: background jobs, streamed results, and jobs that outlive the server
(SIGTERM checkpoints; kill -9 then a restart still gives every article exactly once)."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from service_support import TOKEN, article, as_json, assert_problem, metric_values, model, service_env

from summarizer.fake_model import FakeModelProcess
from summarizer.service.testing import ServiceProcess

__all__ = ["model"]  # a fixture, imported for pytest

JSONL = {"Content-Type": "application/x-ndjson"}


@pytest.fixture(scope="module")
def server(model: FakeModelProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    with ServiceProcess(env=service_env(model, tmp_path_factory.mktemp("batches"))) as running:
        yield running


def jsonl(*rows: dict[str, Any]) -> bytes:
    return "".join(json.dumps(row) + "\n" for row in rows).encode()


def wait_until_done(
    server: ServiceProcess, job_id: str, timeout: float = 60.0, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = as_json(server.call("GET", f"/v1/batches/{job_id}", headers=headers))
        if state["status"] == "done":
            return state
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} not done within {timeout:g}s: {state}")


def results(server: ServiceProcess, job_id: str) -> list[dict[str, Any]]:
    status, headers, body = server.call("GET", f"/v1/batches/{job_id}/results")
    assert status == 200 and headers["content-type"] == "application/x-ndjson"
    return [json.loads(line) for line in body.decode().splitlines()]


def test_a_batch_runs_in_the_background_and_streams_one_line_per_article(server: ServiceProcess) -> None:
    body = jsonl(
        {"id": "a1", "text": article(), "desk": "business"},
        {"id": "a2", "text": article(), "title": "Port wins funding"},
        {"id": "refused", "text": article("[fake:refusal]")},
        {"id": "empty", "text": " "},
        {"text": article(unique="no id given")},
    )
    status, headers, answer = server.call("POST", "/v1/batches", body=body, headers=JSONL)
    assert status == 202, answer
    job = json.loads(answer)
    assert headers["location"] == f"/v1/batches/{job['id']}" and job["status"] in {"queued", "running"}
    state = wait_until_done(server, job["id"])
    assert (state["total"], state["done"], state["ok"], state["failed"]) == (5, 5, 3, 2)
    lines = {line["id"]: line for line in results(server, job["id"])}
    assert len(lines) == 5 and {"a1", "a2", "refused", "empty"} < set(lines)
    assert lines["a1"]["status"] == "ok" and lines["a1"]["desk"] == "business"
    assert lines["a1"]["result"]["grounding"]["ok"] is True and lines["a1"]["provenance"]["model"] == "test-model"
    assert lines["refused"]["error"]["type"] == "ModelOutputError"
    assert lines["empty"]["error"] == {"type": "InputError", "message": "the article is empty"}


def test_a_batch_can_be_an_uploaded_file(server: ServiceProcess) -> None:
    boundary = uuid.uuid4().hex
    upload = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="articles.jsonl"\r\n'
            f"Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + jsonl({"id": "u1", "text": article()})
        + f"\r\n--{boundary}--\r\n".encode()
    )
    status, _, answer = server.call(
        "POST", "/v1/batches", body=upload, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    assert status == 202, answer
    job_id = json.loads(answer)["id"]
    assert wait_until_done(server, job_id)["ok"] == 1
    assert [line["id"] for line in results(server, job_id)] == ["u1"]


def test_a_bad_batch_is_refused_whole_naming_its_lines(server: ServiceProcess) -> None:
    body = b'{"id": "x", "text": "fine"}\nnot json\n{"id": "x", "text": "again"}\n{"text": 7}\n'
    answer = server.call("POST", "/v1/batches", body=body, headers=JSONL)
    assert_problem(answer, 422, title="InputError", detail="line 2: not valid JSON")
    detail = json.loads(answer[2])["detail"]
    assert "line 3: id 'x' is already on line 1" in detail and 'line 4: "text" must be the article' in detail
    assert_problem(server.call("POST", "/v1/batches", body=b"\n", headers=JSONL), 422, detail="the batch is empty")
    assert_problem(server.call("POST", "/v1/batches", json={"text": "x"}), 415, detail="application/x-ndjson")
    assert_problem(server.call("GET", "/v1/batches/b_0123456789abcdef"), 404, detail="POST /v1/batches starts one")
    assert_problem(server.call("GET", "/v1/batches/b_0123456789abcdef/results"), 404)


def _done_ids(jobs: Path, job_id: str) -> list[str]:
    path = jobs / job_id / "results.jsonl"
    if not path.exists():
        return []
    return [json.loads(line)["id"] for line in path.read_text().splitlines(keepends=True) if line.endswith("\n")]


def _wait_for_results(jobs: Path, job_id: str, count: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while len(_done_ids(jobs, job_id)) < count:
        assert time.monotonic() < deadline, f"fewer than {count} results within {timeout:g}s"
        time.sleep(0.05)


def test_a_job_survives_sigterm_and_kill_9_with_every_article_exactly_once(
    model: FakeModelProcess, tmp_path: Path
) -> None:
    env = service_env(model, tmp_path, SUMMARIZER_SERVE_BATCH_CONCURRENCY="3")
    jobs = tmp_path / "jobs"
    ids = [f"story-{n}" for n in range(24)]
    body = jsonl(*({"id": i, "text": article("[fake:stall=0.4]", unique=f"[fake:id={n}]")} for n, i in enumerate(ids)))

    # SIGTERM mid-job: no more articles are started, those in flight finish, the job is checkpointed.
    with ServiceProcess(env=env) as first:
        job_id = json.loads(first.call("POST", "/v1/batches", body=body, headers=JSONL)[2])["id"]
        _wait_for_results(jobs, job_id, 3)
        first.terminate()
        assert first.process is not None
        first.process.wait(timeout=30)
        log = first.log()
    checkpointed = _done_ids(jobs, job_id)
    state = json.loads((jobs / job_id / "state.json").read_text())
    assert state["status"] == "queued" and state["done"] == len(checkpointed) < len(ids)
    assert f"batch job {job_id} checkpointed at {len(checkpointed)} of 24" in log

    # Restarted, it resumes; kill -9 in the middle: nothing gets to checkpoint.
    with ServiceProcess(env=env) as second:
        _wait_for_results(jobs, job_id, len(checkpointed) + 3)
        second.kill()
    finished_before_kill = set(_done_ids(jobs, job_id))
    asked_before_restart = len(model.requests())

    # Restarted again, it finishes: every article exactly once, and none finished before was asked again.
    with ServiceProcess(env=env) as third:
        state = wait_until_done(third, job_id)
        lines = results(third, job_id)
    assert state["done"] == state["ok"] == 24
    assert sorted(line["id"] for line in lines) == sorted(ids)
    assert all(line["status"] == "ok" for line in lines)
    asked_after = model.requests()[asked_before_restart:]
    numbers_asked_after = {marker for request in asked_after for marker in request["markers"] if "id=" in marker}
    numbers_finished = {f"id={ids.index(done)}" for done in finished_before_kill}
    assert not numbers_asked_after & numbers_finished


def test_metrics_summarise_the_batch_jobs(server: ServiceProcess) -> None:
    before = metric_values(server)
    body = jsonl({"id": "m1", "text": article()}, {"id": "m2", "text": article("[fake:refusal]")})
    job_id = json.loads(server.call("POST", "/v1/batches", body=body, headers=JSONL)[2])["id"]
    wait_until_done(server, job_id)
    after = metric_values(server)

    def grew(name: str) -> float:
        return after[name] - before[name]

    assert grew('summarizer_batch_jobs{status="done"}') == 1
    assert after['summarizer_batch_jobs{status="queued"}'] == after['summarizer_batch_jobs{status="running"}'] == 0
    assert grew('summarizer_batch_articles{status="ok"}') == grew('summarizer_batch_articles{status="failed"}') == 1
    assert after['summarizer_batch_articles{status="pending"}'] == 0


def test_a_job_is_visible_only_with_the_token_that_created_it(model: FakeModelProcess, tmp_path: Path) -> None:
    tokens = tmp_path / "tokens"
    tokens.write_text(f"{TOKEN}\nsomeone-else\n")
    env = service_env(model, tmp_path)
    mine, theirs = {"Authorization": f"Bearer {TOKEN}"}, {"Authorization": "Bearer someone-else"}
    with ServiceProcess("--tokens-file", str(tokens), env=env) as secured:
        answer = secured.call("POST", "/v1/batches", body=jsonl({"id": "a", "text": article()}), headers=JSONL | mine)
        assert answer[0] == 202, answer
        job_id = json.loads(answer[2])["id"]
        assert secured.call("GET", f"/v1/batches/{job_id}", headers=mine)[0] == 200
        # Another token's caller is told what it would be told of an id that does not exist: 404, not 403.
        unknown = "b_0123456789abcdef"
        for suffix in ("", "/results"):
            other = secured.call("GET", f"/v1/batches/{job_id}{suffix}", headers=theirs)
            missing = secured.call("GET", f"/v1/batches/{unknown}{suffix}", headers=theirs)
            assert_problem(other, 404, title="Not Found")
            assert json.loads(other[2])["detail"] == json.loads(missing[2])["detail"].replace(unknown, job_id)
            assert_problem(secured.call("GET", f"/v1/batches/{job_id}{suffix}"), 401)
        assert wait_until_done(secured, job_id, headers=mine)["ok"] == 1
        status, _, body = secured.call("GET", f"/v1/batches/{job_id}/results", headers=mine)
        assert status == 200 and json.loads(body)["id"] == "a"
        assert secured.call("GET", f"/v1/batches/{job_id}/results", headers=theirs)[0] == 404
    # The job remembers its owner by a digest; the token itself is written nowhere.
    stored = b"".join(path.read_bytes() for path in (tmp_path / "jobs" / job_id).iterdir())
    assert TOKEN.encode() not in stored and (tmp_path / "jobs" / job_id / "owner").read_text().startswith("token:")
