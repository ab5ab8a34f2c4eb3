"""The CLI, run as users run it: the installed `summarizer` script in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from support import EXAMPLE_ARTICLE, SECRET_KEY, SHARED, clean_env, valid_answer

from summarizer.testing import FakeOpenAIServer, Reply

SCRIPT = Path(sys.executable).with_name("summarizer")


def run(*args: str, env: dict[str, str], stdin: str | bytes | None = None) -> subprocess.CompletedProcess[str]:
    data = stdin.encode() if isinstance(stdin, str) else stdin
    completed = subprocess.run([str(SCRIPT), *args], input=data, capture_output=True, env=env, timeout=60, check=False)
    return subprocess.CompletedProcess(
        completed.args, completed.returncode, completed.stdout.decode(), completed.stderr.decode()
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return clean_env(SUMMARIZER_CACHE_DIR=str(tmp_path / "cache"))


def test_with_no_key_summarize_uses_the_extractive_engine_and_says_so_once(env: dict[str, str]) -> None:
    done = run("summarize", str(EXAMPLE_ARTICLE), env=env)
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert output["provenance"]["engine"] == "extractive"
    assert "£480m" in output["summary"]["summary"]
    assert output["grounding"]["ok"] is True
    assert done.stderr.count("\n") == 1 and "extractive engine" in done.stderr and "OPENAI_API_KEY" in done.stderr


def test_markdown_is_for_reading(env: dict[str, str]) -> None:
    done = run("summarize", "--format", "markdown", "--engine", "extractive", str(EXAMPLE_ARTICLE), env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Summary\n")
    assert "## Key figures" in done.stdout and "| £480m |" in done.stdout
    assert done.stderr == ""  # an explicit engine needs no notice


def test_summarize_reads_standard_input(env: dict[str, str]) -> None:
    done = run("summarize", "--engine", "extractive", "-", env=env, stdin=EXAMPLE_ARTICLE.read_text())
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["summary"]["key_figures"]


def test_summarize_with_a_model_endpoint(env: dict[str, str]) -> None:
    with FakeOpenAIServer(default=Reply.json(valid_answer())) as server:
        env = {**env, "OPENAI_BASE_URL": server.base_url, "OPENAI_API_KEY": SECRET_KEY}
        done = run("summarize", "--model", "test-model", str(EXAMPLE_ARTICLE), env=env)
        again = run("summarize", "--model", "test-model", str(EXAMPLE_ARTICLE), env=env)
        refreshed = run("summarize", "--model", "test-model", "--refresh", str(EXAMPLE_ARTICLE), env=env)
        uncached = run("summarize", "--model", "test-model", "--no-cache", str(EXAMPLE_ARTICLE), env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["provenance"]["engine"] == "openai"
    assert json.loads(again.stdout)["provenance"]["cache_hit"] is True
    assert json.loads(refreshed.stdout)["provenance"]["cache_hit"] is False
    assert json.loads(uncached.stdout)["provenance"]["cache_hit"] is False
    assert len(server.requests) == 3
    assert SECRET_KEY not in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"   \n", "article is empty"), (b"\xff\xfe\x00bad", "not UTF-8 text")],
    ids=["empty", "not utf-8"],
)
def test_bad_input_fails_with_a_message_not_a_traceback(
    content: bytes, message: str, env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    done = run("summarize", "--engine", "extractive", str(bad), env=env)
    assert done.returncode == 1
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_a_missing_file_is_a_usage_error(env: dict[str, str]) -> None:
    done = run("summarize", "no/such/article.txt", env=env)
    assert done.returncode in (1, 2)
    assert "no/such/article.txt" in done.stderr
    assert "Traceback" not in done.stderr


def test_openai_engine_without_a_key_says_what_to_do(env: dict[str, str]) -> None:
    done = run("summarize", "--engine", "openai", str(EXAMPLE_ARTICLE), env=env)
    assert done.returncode == 2
    assert "set OPENAI_API_KEY" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_unreachable_endpoint_fails_cleanly(env: dict[str, str]) -> None:
    env = {**env, "OPENAI_BASE_URL": "http://127.0.0.1:9/v1", "SUMMARIZER_MAX_ATTEMPTS": "2"}
    done = run("summarize", str(EXAMPLE_ARTICLE), env=env)
    assert done.returncode == 1
    assert "ModelUnavailableError" in done.stderr and "after 2 attempt(s)" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_bad_environment_value_names_the_variable(env: dict[str, str]) -> None:
    done = run("summarize", str(EXAMPLE_ARTICLE), env={**env, "SUMMARIZER_TIMEOUT": "soon"})
    assert done.returncode == 2
    assert "SUMMARIZER_TIMEOUT='soon'" in done.stderr


def test_unknown_options_are_usage_errors(env: dict[str, str]) -> None:
    done = run("summarize", "--colour", "red", str(EXAMPLE_ARTICLE), env=env)
    assert done.returncode == 2
    assert "No such option" in done.stderr


@pytest.mark.parametrize("command", [[], ["summarize"], ["verify"], ["serve"]])
def test_every_command_has_help(command: list[str], env: dict[str, str]) -> None:
    done = run(*command, "--help", env=env)
    assert done.returncode == 0
    assert "Usage:" in done.stdout


@pytest.mark.skipif(not (SHARED / "articles").is_dir(), reason="../shared/articles is not present")
def test_a_real_article_from_shared(env: dict[str, str]) -> None:
    path = SHARED / "articles" / "004_13be2d4531300860.txt"
    done = run("summarize", "--engine", "extractive", str(path), env=env)
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert "40%" in output["summary"]["summary"]
    assert {"US$750 million", "US$1b"} <= {figure["figure"] for figure in output["summary"]["key_figures"]}
    assert output["grounding"]["ok"] is True
