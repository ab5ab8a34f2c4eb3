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
    [(b"   \n", "bad.txt is empty"), (b"%PDF-1.4\n", "is a PDF, not text"), (bytes(range(256)) * 8, "binary")],
    ids=["empty", "pdf", "binary"],
)
def test_bad_input_fails_with_a_message_not_a_traceback(
    content: bytes, message: str, env: dict[str, str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    done = run("summarize", "--engine", "extractive", str(bad), env=env)
    assert done.returncode == 1
    assert done.stderr.startswith("summarizer: error: ") and done.stderr.count("\n") == 1
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
    assert done.stderr.startswith("summarizer: warning: attempt 1 failed")  # one prefix style for logs too
    assert "\nsummarizer: error: the model endpoint kept failing" in done.stderr
    assert "after 2 attempt(s)" in done.stderr
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


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1"])
def test_articles_in_other_encodings_are_read(encoding: str, env: dict[str, str], tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(EXAMPLE_ARTICLE.read_text(encoding="utf-8").encode(encoding))
    done = run("summarize", "--engine", "extractive", str(path), env=env)
    assert done.returncode == 0, done.stderr
    assert "£480m" in json.loads(done.stdout)["summary"]["summary"]


def test_an_html_article_is_summarised_as_its_text(env: dict[str, str], tmp_path: Path) -> None:
    text = EXAMPLE_ARTICLE.read_text(encoding="utf-8").replace("£", "&pound;")
    page = "<html><body><nav>Home | News</nav><article>" + "".join(
        f"<p>{paragraph}</p>" for paragraph in text.split("\n\n")
    )
    path = tmp_path / "article.html"
    path.write_text(page + "</article></body></html>", encoding="utf-8")
    done = run("summarize", "--engine", "extractive", str(path), env=env)
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert "£480m" in output["summary"]["summary"] and "<p>" not in done.stdout and "&pound;" not in done.stdout


def test_the_size_cap_names_the_option_that_raises_it(env: dict[str, str]) -> None:
    done = run("summarize", "--engine", "extractive", "--max-input-bytes", "100", "-", env=env, stdin="x" * 500)
    assert done.returncode == 1
    assert "standard input is larger than the 100-byte limit" in done.stderr and "--max-input-bytes" in done.stderr
    raised = run("summarize", "--engine", "extractive", "--max-input-bytes", "5000", str(EXAMPLE_ARTICLE), env=env)
    assert raised.returncode == 0, raised.stderr


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0"])
def test_a_timeout_that_is_not_a_positive_finite_number_is_a_usage_error(value: str, env: dict[str, str]) -> None:
    done = run("summarize", "--timeout", value, str(EXAMPLE_ARTICLE), env=env)
    assert done.returncode == 2
    assert done.stderr.startswith("summarizer: error: configuration error: timeout must be positive and finite")
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_on_stdout_is_one_line_not_a_traceback(env: dict[str, str]) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [str(SCRIPT), "summarize", "--engine", "extractive", str(EXAMPLE_ARTICLE)],
            stdout=full,
            stderr=subprocess.PIPE,
            env=env,
            timeout=60,
            check=False,
        )
    stderr = done.stderr.decode()
    assert done.returncode == 1
    assert stderr == "summarizer: error: cannot write the output: No space left on device\n"


def test_usage_errors_use_the_same_prefix(env: dict[str, str]) -> None:
    done = run("verify", "--article", str(EXAMPLE_ARTICLE), env=env)
    assert done.returncode == 2
    assert done.stderr.startswith("summarizer: error: give --article FILE and --summary FILE")
    assert "--help" in done.stderr


def test_markdown_never_passes_terminal_escapes(env: dict[str, str], tmp_path: Path) -> None:
    hostile = "\x1b]0;pwned\x07\x1b[2J" + EXAMPLE_ARTICLE.read_text(encoding="utf-8").replace("£480m", "£480m\x1b[31m")
    answer = valid_answer()
    answer["summary"] = answer["summary"] + "\x1b[5m\x9b31m"
    path = tmp_path / "hostile.txt"
    path.write_text(hostile, encoding="utf-8")
    extractive = run("summarize", "--engine", "extractive", "--format", "markdown", str(path), env=env)
    with FakeOpenAIServer(default=Reply.json(answer)) as server:
        model_env = {**env, "OPENAI_BASE_URL": server.base_url}
        modelled = run("summarize", "--format", "markdown", "--title", "T\x1b[1m", str(path), env=model_env)
    for done in (extractive, modelled):
        assert "£480m" in done.stdout
        assert "\x1b" not in done.stdout and "\x9b" not in done.stdout and "\x07" not in done.stdout


def test_summarize_exits_1_when_a_figure_is_unsupported(env: dict[str, str]) -> None:
    answer = valid_answer()
    answer["summary"] = answer["summary"].replace("£480m", "£520m")
    with FakeOpenAIServer(default=Reply.json(answer)) as server:
        done = run("summarize", str(EXAMPLE_ARTICLE), env={**env, "OPENAI_BASE_URL": server.base_url})
    assert done.returncode == 1
    assert json.loads(done.stdout)["grounding"]["ok"] is False  # the output is still printed
    assert done.stderr.startswith("summarizer: error: ") and "£520m" in done.stderr


def test_verify_pairs_on_a_missing_file_is_one_line(env: dict[str, str], tmp_path: Path) -> None:
    done = run("verify", "--pairs", str(tmp_path / "missing.jsonl"), env=env)
    assert done.returncode == 1
    assert done.stderr.startswith("summarizer: error: cannot read ") and "No such file" in done.stderr


def test_verify_pairs_with_a_line_that_is_not_utf8_checks_the_other_lines(env: dict[str, str], tmp_path: Path) -> None:
    good = json.dumps({"id": "a", "source": "Sales rose 12%.", "summary": "Sales rose 12%."}).encode()
    latin = json.dumps({"id": "b", "source": "Costs: £5m.", "summary": "£5m"}, ensure_ascii=False).encode("latin-1")
    path = tmp_path / "pairs.jsonl"
    path.write_bytes(good + b"\n" + latin + b"\n" + good + b"\n")
    done = run("verify", "--pairs", str(path), env=env)
    verdicts = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 1
    assert [verdict.get("ok") for verdict in verdicts] == [True, None, True]
    assert "not UTF-8 text" in verdicts[1]["error"] and verdicts[1]["line"] == 2
