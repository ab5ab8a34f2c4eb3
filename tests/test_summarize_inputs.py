"""`summarizer summarize` reads a pipe when given no file, and takes several files."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from support import EXAMPLE_ARTICLE

from summarizer.cli import cli

# No model configured: the extractive engine, so these tests need no server.
NO_MODEL = {"OPENAI_API_KEY": None, "OPENAI_BASE_URL": None, "SUMMARIZER_ENGINE": "extractive"}


def test_summarize_reads_a_pipe_when_no_file_is_given() -> None:
    article = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["summarize", "--no-cache"], input=article, env=NO_MODEL)
    assert result.exit_code == 0, result.stderr
    assert "£480m" in json.loads(result.stdout)["summary"]["summary"]


def test_summarize_takes_several_files_and_goes_on_past_a_bad_one(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    files = [str(EXAMPLE_ARTICLE), str(empty), str(EXAMPLE_ARTICLE.parent / "jobs-report.txt")]
    result = CliRunner().invoke(cli, ["summarize", "--no-cache", *files], env=NO_MODEL)
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["file"] for line in lines] == [files[0], files[2]]
    assert f"{empty}: " in result.stderr
    assert "Traceback" not in result.stderr
    markdown = CliRunner().invoke(
        cli, ["summarize", "--no-cache", "--format", "markdown", files[0], files[2]], env=NO_MODEL
    )
    assert markdown.exit_code == 0
    assert markdown.stdout.count("## Key points") == 2
