"""`summarizer serve` as users run it: a real uvicorn process on 127.0.0.1, the real SDK inside it, and
the fake model as a process of its own (`python -m summarizer.fake_model`), steered per request by
markers in the article."""

from __future__ import annotations

import http.client
import json
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from service_support import (
    TOKEN,
    article,
    as_json,
    assert_problem,
    concurrently,
    metric_values,
    model,
    service_env,
)
from support import SECRET_KEY, clean_env

from summarizer.config import Settings
from summarizer.fake_model import FakeModelProcess
from summarizer.service.settings import Limits, ServiceSettings
from summarizer.service.testing import Answer, ServiceProcess

__all__ = ["model"]  # a fixture, imported for pytest


@pytest.fixture(scope="module")
def open_server(model: FakeModelProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    # The fake model is on this machine, so one call at a time by default: this server takes four.
    with ServiceProcess("--max-in-flight", "4", env=service_env(model, tmp_path_factory.mktemp("open"))) as server:
        yield server


@pytest.fixture(scope="module")
def secured(model: FakeModelProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    directory = tmp_path_factory.mktemp("secured")
    tokens = directory / "tokens"
    tokens.write_text(f"# given to the newsroom\n{TOKEN}\nanother-token\n")
    with ServiceProcess("--tokens-file", str(tokens), env=service_env(model, directory)) as server:
        yield server


# -- summaries ------------------------------------------------------------------------------------------


def test_a_summary_is_validated_grounded_and_says_how_it_was_made(open_server: ServiceProcess) -> None:
    status, headers, body = open_server.call("POST", "/v1/summaries", json={"text": article(), "title": "Harbour"})
    assert status == 200, body
    assert headers["content-type"] == "application/json"
    timing = dict(part.split(";dur=") for part in headers["server-timing"].split(", "))
    assert set(timing) == {"wait", "work", "model"} and 0 < float(timing["model"]) <= float(timing["work"])
    result = json.loads(body)
    assert "£480m" in result["summary"]["summary"] and result["summary"]["key_figures"]
    assert result["grounding"]["ok"] is True
    provenance = result["provenance"]
    assert provenance["engine"] == "openai" and provenance["model"] == "test-model"
    assert provenance["attempts"] == 1 and provenance["cache_hit"] is False


def test_markdown_format(open_server: ServiceProcess) -> None:
    status, headers, body = open_server.call(
        "POST", "/v1/summaries?format=markdown", json={"text": article(), "title": "Port wins funding"}
    )
    assert status == 200, body
    assert headers["content-type"].startswith("text/markdown")
    assert body.decode().startswith("# Port wins funding\n") and "## Key figures" in body.decode()


def test_a_cache_hit_does_not_call_the_model(open_server: ServiceProcess, model: FakeModelProcess) -> None:
    request = {"text": article(unique="cache-hit-test")}
    first = as_json(open_server.call("POST", "/v1/summaries", json=request))
    asked = len(model.requests())
    second = as_json(open_server.call("POST", "/v1/summaries", json=request))
    assert first["provenance"]["cache_hit"] is False
    assert second["provenance"]["cache_hit"] is True and second["provenance"]["attempts"] == 0
    assert second["summary"] == first["summary"]
    assert len(model.requests()) == asked
    refreshed = as_json(open_server.call("POST", "/v1/summaries", json={**request, "options": {"refresh": True}}))
    assert refreshed["provenance"]["cache_hit"] is False and len(model.requests()) == asked + 1


def test_verify_checks_a_plain_or_structured_summary(open_server: ServiceProcess) -> None:
    text = "Profit rose 12% to £2.4bn in 2024, the company said on Monday."
    flagged = as_json(open_server.call("POST", "/v1/verify", json={"article": text, "summary": "Profit rose 15%."}))
    assert flagged["ok"] is False and flagged["figures"][0]["status"] == "unsupported"
    made = as_json(open_server.call("POST", "/v1/summaries", json={"text": article()}))
    checked = as_json(open_server.call("POST", "/v1/verify", json={"article": article(), "summary": made["summary"]}))
    assert checked["ok"] is True and checked["figures"]


# -- operations -----------------------------------------------------------------------------------------


def test_health_readiness_and_docs(open_server: ServiceProcess) -> None:
    assert as_json(open_server.call("GET", "/healthz")) == {"status": "ok", "checks": {}}
    ready = as_json(open_server.call("GET", "/readyz"))
    assert ready == {"status": "ready", "checks": {"model": "ok", "cache": "ok"}}
    status, _, body = open_server.call("GET", "/docs")
    assert status == 200 and b"swagger" in body.lower()
    schema = as_json(open_server.call("GET", "/openapi.json"))
    assert {"/v1/summaries", "/v1/verify", "/healthz", "/readyz", "/metrics"} <= set(schema["paths"])
    assert schema["components"]["schemas"]["SummaryRequest"]["additionalProperties"] is False


def test_metrics_count_requests_latency_model_attempts_cache_hits_and_flagged_figures(
    open_server: ServiceProcess,
) -> None:
    status, headers, _ = open_server.call("GET", "/metrics")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    before = metric_values(open_server)
    miss = as_json(open_server.call("POST", "/v1/summaries", json={"text": article(unique="metrics")}))
    hit = as_json(open_server.call("POST", "/v1/summaries", json={"text": article(unique="metrics")}))
    flagged = as_json(open_server.call("POST", "/v1/summaries", json={"text": article("[fake:wrong-figure]")}))
    after = metric_values(open_server)

    def grew(name: str) -> float:
        return after[name] - before.get(name, 0.0)

    assert hit["provenance"]["cache_hit"] is True and flagged["grounding"]["ok"] is False
    assert grew('summarizer_http_requests_total{method="POST",route="/v1/summaries",status="200"}') == 3
    assert grew('summarizer_http_request_duration_seconds_count{route="/v1/summaries"}') == 3
    assert grew('summarizer_http_request_duration_seconds_bucket{le="+Inf",route="/v1/summaries"}') == 3
    assert grew('summarizer_http_request_duration_seconds_sum{route="/v1/summaries"}') > 0
    # The wrong figure is flagged, re-asked once, and still wrong: two model calls for it, one for the miss.
    assert flagged["provenance"]["attempts"] == 2 and miss["provenance"]["attempts"] == 1
    assert grew("summarizer_model_attempts_total") == 3
    assert grew("summarizer_cache_hits_total") == 1
    assert grew('summarizer_summaries_total{cache="hit",engine="openai"}') == 1
    assert grew("summarizer_figures_flagged_total") == 1
    assert after["summarizer_summaries_in_flight"] == 0 and after["summarizer_summaries_queued"] == 0


def test_readiness_fails_when_the_model_endpoint_is_down(tmp_path: Path) -> None:
    env = clean_env(
        OPENAI_BASE_URL="http://127.0.0.1:9/v1",  # the discard port: nothing answers
        OPENAI_API_KEY=SECRET_KEY,
        SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"),
        SUMMARIZER_SERVE_JOBS_DIR=str(tmp_path / "jobs"),
    )
    with ServiceProcess(env=env) as server:
        assert server.call("GET", "/healthz")[0] == 200
        answer = server.call("GET", "/readyz")
        assert_problem(answer, 503, title="Not Ready", detail="model: ModelUnavailableError")
        assert "cache" not in json.loads(answer[2])["detail"]  # the cache is fine


# -- bad requests ---------------------------------------------------------------------------------------


def test_malformed_json_is_400(open_server: ServiceProcess) -> None:
    answer = open_server.call(
        "POST", "/v1/summaries", body=b'{"text": "unfinished', headers={"Content-Type": "application/json"}
    )
    assert_problem(answer, 400, title="Malformed JSON", detail="the body is not valid JSON")


def test_a_body_that_is_not_json_is_415(open_server: ServiceProcess) -> None:
    answer = open_server.call("POST", "/v1/summaries", body=b"An article", headers={"Content-Type": "text/plain"})
    assert_problem(answer, 415, detail="Content-Type: application/json, not text/plain")


def test_unknown_fields_are_rejected_by_name(open_server: ServiceProcess) -> None:
    answer = open_server.call("POST", "/v1/summaries", json={"text": article(), "colour": "blue"})
    assert_problem(answer, 422, detail="body.colour: Extra inputs are not permitted")
    answer = open_server.call("POST", "/v1/summaries", json={"text": article(), "options": {"refrsh": True}})
    assert_problem(answer, 422, detail="body.options.refrsh: Extra inputs are not permitted")
    answer = open_server.call("POST", "/v1/verify", json={"article": "x"})
    assert_problem(answer, 422, detail="body.summary: Field required")


def test_an_empty_article_is_422_in_the_clis_words(open_server: ServiceProcess) -> None:
    answer = open_server.call("POST", "/v1/summaries", json={"text": "  \n"})
    assert_problem(answer, 422, title="InputError", detail="the article is empty; pass the article's text")


def test_an_oversized_body_is_413_declared_or_streamed(open_server: ServiceProcess) -> None:
    big = json.dumps({"text": "word " * 300_000}).encode()  # 1.5 MB; the limit is 1 MiB
    assert_problem(
        open_server.call("POST", "/v1/summaries", body=big, headers={"Content-Type": "application/json"}), 413
    )
    # Sent in chunks with no Content-Length, the limit still holds as the bytes arrive.
    connection = http.client.HTTPConnection("127.0.0.1", open_server.port, timeout=30)
    chunks = (big[i : i + 65536] for i in range(0, len(big), 65536))
    connection.request(
        "POST", "/v1/summaries", body=chunks, headers={"Content-Type": "application/json"}, encode_chunked=True
    )
    response = connection.getresponse()
    answer = (response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    connection.close()
    assert_problem(answer, 413)


# -- model faults -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marker", "status", "title", "detail"),
    [
        ("[fake:status=503]", 503, "ModelUnavailableError", "the model endpoint kept failing (HTTP 503"),
        ("[fake:refusal]", 502, "ModelOutputError", "the model refused to summarise the article"),
        ("[fake:invalid]", 502, "ModelOutputError", "the model's answer was still invalid after 2 re-ask(s)"),
        ("[fake:status=404]", 502, "ModelRequestError", "check SUMMARIZER_MODEL and OPENAI_BASE_URL"),
    ],
)
def test_a_model_fault_is_a_problem_and_never_touches_another_request(
    open_server: ServiceProcess, marker: str, status: int, title: str, detail: str
) -> None:
    faulty, healthy = concurrently(
        lambda: open_server.call("POST", "/v1/summaries", json={"text": article(marker)}),
        lambda: open_server.call("POST", "/v1/summaries", json={"text": article()}),
    )
    assert_problem(faulty, status, title=title, detail=detail)
    if status == 503:
        assert int(faulty[1]["retry-after"]) >= 1
    assert healthy[0] == 200 and json.loads(healthy[2])["grounding"]["ok"] is True


def test_the_model_key_never_reaches_an_answer_or_the_log(open_server: ServiceProcess) -> None:
    answer = open_server.call("POST", "/v1/summaries", json={"text": article("[fake:echo-key]")})
    assert_problem(answer, 502, title="AuthenticationError", detail="Incorrect API key provided: [redacted]")
    for path in ("/metrics", "/readyz", "/openapi.json"):
        assert SECRET_KEY.encode() not in open_server.call("GET", path)[2]
    assert SECRET_KEY not in open_server.log()


# -- access -------------------------------------------------------------------------------------------------


def test_with_tokens_every_api_call_needs_one(secured: ServiceProcess) -> None:
    request = {"text": article()}
    answer = secured.call("POST", "/v1/summaries", json=request)
    assert_problem(answer, 401, title="Unauthorized", detail="Authorization: Bearer <token>")
    assert answer[1]["www-authenticate"].startswith("Bearer")
    assert_problem(secured.call("POST", "/v1/summaries", json=request, headers={"Authorization": "Bearer nope"}), 401)
    assert_problem(secured.call("GET", "/metrics"), 401)
    assert secured.call("POST", "/v1/summaries", json=request, headers={"Authorization": f"Bearer {TOKEN}"})[0] == 200
    assert secured.call("GET", "/metrics", headers={"Authorization": "Bearer another-token"})[0] == 200
    for open_path in ("/healthz", "/readyz", "/docs", "/openapi.json"):
        assert secured.call("GET", open_path)[0] == 200
    assert "NO API TOKENS" not in secured.log()


def test_without_tokens_it_warns_loudly_and_listens_on_loopback_only(
    open_server: ServiceProcess, tmp_path: Path
) -> None:
    assert "NO API TOKENS CONFIGURED" in open_server.log()
    script = Path(sys.executable).with_name("summarizer")
    done = subprocess.run(
        [str(script), "serve", "--host", "0.0.0.0"],
        env=clean_env(SUMMARIZER_SERVE_JOBS_DIR=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith(
        "summarizer: error: configuration error: refusing to listen on 0.0.0.0 without API tokens"
    )
    assert "Traceback" not in done.stderr


# -- backpressure, deadlines, shutdown ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def narrow(model: FakeModelProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    """One summary at a time, one waiting, 3 s deadline; warmed up (its first summary pays for connections)."""
    env = service_env(model, tmp_path_factory.mktemp("narrow"))
    with ServiceProcess("--max-in-flight", "1", "--queue", "1", "--deadline", "3", env=env) as server:
        assert server.call("POST", "/v1/summaries", json={"text": article()})[0] == 200
        yield server


def test_past_the_queue_the_answer_is_429_with_retry_after(narrow: ServiceProcess) -> None:
    def slow() -> Answer:
        return narrow.call("POST", "/v1/summaries", json={"text": article("[fake:stall=0.6]")})

    answers = sorted(concurrently(slow, slow, slow), key=lambda answer: answer[0])
    # Which of the three arrives last is up to the scheduler; one runs, one waits, one is turned away.
    assert [answer[0] for answer in answers] == [200, 200, 429], answers
    turned_away = answers[-1]
    assert_problem(turned_away, 429, title="Too Many Requests", detail="all 1 model slots are busy and 1 requests")
    assert int(turned_away[1]["retry-after"]) >= 1
    # Health checks are answered while every slot is busy.
    assert narrow.call("GET", "/healthz", timeout=2)[0] == 200


def test_a_summary_past_its_deadline_is_504_and_keeps_its_slot_until_the_model_answers(
    narrow: ServiceProcess,
) -> None:
    started = time.monotonic()
    answer = narrow.call("POST", "/v1/summaries", json={"text": article("[fake:stall=4.5]")})
    assert_problem(answer, 504, title="Deadline Exceeded", detail="longer than the 3s deadline")
    assert time.monotonic() - started < 4.5
    metrics = narrow.call("GET", "/metrics")[2].decode()
    assert "summarizer_summaries_in_flight 1.0" in metrics  # the model call is still out; its slot is not reused


def wait_until_idle(server: ServiceProcess) -> None:
    """Until no model call is out (an earlier test's abandoned one may be) and its request has let go."""
    deadline = time.monotonic() + 30
    while metric_values(server)["summarizer_summaries_in_flight"] > 0:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    time.sleep(0.3)


def test_a_request_that_waits_out_its_deadline_for_a_model_slot_is_429_and_never_calls_the_model(
    narrow: ServiceProcess, model: FakeModelProcess
) -> None:
    wait_until_idle(narrow)
    answers: list[Answer] = []
    stalled = threading.Thread(
        target=lambda: answers.append(narrow.call("POST", "/v1/summaries", json={"text": article("[fake:stall=4]")}))
    )
    stalled.start()
    # The second request is sent once the first holds the model slot: a fixed pause between the two
    # was not always enough on a loaded machine, and then the second took the slot.
    wait_for = time.monotonic() + 10
    while not any("stall=4" in request["markers"] for request in model.requests()):
        assert time.monotonic() < wait_for, "the stalled request never reached the model"
        time.sleep(0.02)
    second = narrow.call("POST", "/v1/summaries", json={"text": article("[fake:id=770001]")})
    stalled.join(timeout=60)
    (first,) = answers
    assert_problem(first, 504, title="Deadline Exceeded")
    assert_problem(second, 429, detail="waited its whole deadline for a model slot")
    assert int(second[1]["retry-after"]) >= 1
    time.sleep(1.5)  # the first call's slot is free again: the second, abandoned, must not take it
    assert not any("id=770001" in request["markers"] for request in model.requests())


def test_sigterm_finishes_requests_in_flight_then_exits(model: FakeModelProcess, tmp_path: Path) -> None:
    with ServiceProcess(env=service_env(model, tmp_path)) as server:
        answers: list[Answer] = []
        slow = threading.Thread(
            target=lambda: answers.append(
                server.call("POST", "/v1/summaries", json={"text": article("[fake:stall=1.5]")})
            )
        )
        slow.start()
        time.sleep(0.5)
        server.terminate()
        slow.join(timeout=30)
        assert server.process is not None
        # uvicorn re-raises the signal once it has shut down, so the exit status says "ended by SIGTERM".
        assert server.process.wait(timeout=30) in (0, -signal.SIGTERM)
        assert answers and answers[0][0] == 200, answers
        with pytest.raises(ConnectionRefusedError):
            server.call("GET", "/healthz", timeout=2)
        assert "Shutting down" in server.log()


def test_several_workers_share_the_configuration(model: FakeModelProcess, tmp_path: Path) -> None:
    env = service_env(model, tmp_path, SUMMARIZER_SERVE_TOKENS=TOKEN)
    with ServiceProcess("--workers", "2", "--max-in-flight", "3", env=env) as server:
        assert_problem(server.call("POST", "/v1/summaries", json={"text": article()}), 401)
        answer = server.call(
            "POST", "/v1/summaries", json={"text": article()}, headers={"Authorization": f"Bearer {TOKEN}"}
        )
        assert answer[0] == 200, answer
        assert "2 worker(s), each with 3 model call(s) in flight" in server.log()


def test_a_model_on_this_machine_gets_one_call_at_a_time_unless_told_otherwise(
    model: FakeModelProcess, tmp_path: Path
) -> None:
    with ServiceProcess(env=service_env(model, tmp_path)) as server:

        def slow() -> Answer:
            return server.call("POST", "/v1/summaries", json={"text": article("[fake:stall=0.5]")})

        answers = sorted(concurrently(slow, slow, slow, slow), key=lambda answer: answer[0])
        log = server.log()
    # One call out, two waiting (twice the calls in flight), the fourth turned away.
    assert [answer[0] for answer in answers] == [200, 200, 200, 429], answers
    waits = sorted(float(answer[1]["server-timing"].split(";dur=")[1].split(",")[0]) for answer in answers[:3])
    assert waits[0] < 300 and waits[2] > 800  # milliseconds: the last waited for the two before it
    assert "each with 1 model call(s) in flight and 2 request(s) waiting" in log
    assert "the model endpoint is on this machine, so by default one call at a time" in log


@pytest.mark.parametrize(
    ("base_url", "model_settings", "service", "expected"),
    [
        ("https://api.example.test/v1", {}, {}, Limits(32, 64, 8, 120.0, local=False)),
        ("http://127.0.0.1:8080/v1", {}, {}, Limits(1, 2, 1, 1800.0, local=True)),
        ("http://localhost:11434/v1", {}, {"max_in_flight": 3, "deadline": 30.0}, Limits(3, 6, 1, 30.0, local=True)),
        ("http://127.0.0.1:8080/v1", {"concurrency": 4, "deadline": 600.0}, {"queue": 0}, Limits(4, 0, 4, 600.0, True)),
        ("https://api.example.test/v1", {"concurrency": 5}, {"batch_concurrency": 2}, Limits(5, 10, 2, 120.0, False)),
    ],
)
def test_work_limits_follow_the_clis_defaults_for_local_and_remote_models(
    base_url: str, model_settings: dict[str, float], service: dict[str, float], expected: Limits
) -> None:
    settings = Settings(base_url=base_url, api_key="k", **model_settings)
    assert ServiceSettings(**service).limits(settings) == expected


def test_the_readmes_walk_serves_summaries_from_the_fake_server_run_as_the_readme_runs_it(tmp_path: Path) -> None:
    fake = subprocess.Popen(
        [sys.executable, "-m", "summarizer.testing", "--port", "0", "--latency", "0.1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert fake.stdout is not None
        base_url = fake.stdout.readline().strip()
        assert base_url.startswith("http://127.0.0.1:") and base_url.endswith("/v1")
        env = clean_env(
            OPENAI_BASE_URL=base_url,
            SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"),
            SUMMARIZER_SERVE_JOBS_DIR=str(tmp_path / "jobs"),
        )
        with ServiceProcess(env=env) as server:
            status, _, body = server.call("POST", "/v1/summaries", json={"text": article(), "title": "Harbour"})
            ready = server.call("GET", "/readyz")
    finally:
        fake.terminate()
        fake.wait(timeout=10)
        if fake.stdout is not None:
            fake.stdout.close()
    assert status == 200, body
    result = json.loads(body)
    assert result["provenance"]["engine"] == "openai" and result["grounding"]["ok"] is True
    assert ready[0] == 200, ready
