"""End-to-end tests of `summarizer verify`, run as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ARTICLE = "The regulator imposed a fine of €4.2m on the lender. Imports rose 12%, while exports fell 3%.\n"


def run_verify(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "summarizer", "verify", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_faithful_summary_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "s.txt").write_text("The lender was fined €4.2m.", encoding="utf-8")
    result = run_verify("--article", str(tmp_path / "a.txt"), "--summary", str(tmp_path / "s.txt"))
    assert result.returncode == 0, result.stderr
    assert "supported" in result.stdout


def test_derived_figure_is_shown_and_exits_one(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The club paid €18 million up front and €7 million in bonuses.", encoding="utf-8")
    (tmp_path / "s.txt").write_text("A €25M transfer.", encoding="utf-8")
    result = run_verify("--article", str(tmp_path / "a.txt"), "--summary", str(tmp_path / "s.txt"))
    assert result.returncode == 1, result.stderr
    assert "derived" in result.stdout
    assert "1 derived figure(s) to confirm: €25M" in result.stderr


def test_wrong_figure_exits_one_with_json_report(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "s.txt").write_text("The lender was fined €4.5m.", encoding="utf-8")
    result = run_verify("--article", str(tmp_path / "a.txt"), "--summary", str(tmp_path / "s.txt"), "--json")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert [figure["status"] for figure in report["figures"]] == ["unsupported"]


def test_pairs_file_gives_one_line_per_pair(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs.jsonl"
    rows = [
        json.dumps({"id": "good", "source": ARTICLE, "summary": "Imports rose 12%."}),
        "{broken",
        json.dumps({"id": "bad", "source": ARTICLE, "summary": "Exports rose 12%."}),
    ]
    pairs.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run_verify("--pairs", str(pairs))
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [line.get("id") for line in lines] == ["good", None, "bad"]
    assert lines[0]["ok"] is True
    assert "error" in lines[1]
    assert lines[2]["figures"][0]["status"] == "misattributed"
