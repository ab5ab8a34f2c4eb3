"""benchmarks/blind_sets.py runs as a user runs it, on a set written here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "blind_sets.py"

ARTICLE = (
    "Ferry fares rise\nPORTHAVEN, 2 March 2031 -\n\nThe ferry company raised its fares by 4% to £12.50, it said.\n"
)
CASES = [
    {"id": "t1-01-01", "summary": "Ferry fares rose 4% to £12.50.", "label": "right", "class": "copy"},
    {"id": "t1-01-02", "summary": "Ferry fares rose 9% to £12.50.", "label": "wrong", "class": "value"},
    {"id": "t1-01-03", "summary": "Ferry fares rose 4% to £14.50.", "label": "right", "class": "mislabelled"},
]


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--sets", str(root), *args], capture_output=True, text=True, check=False
    )


def test_a_set_is_counted_by_label(tmp_path: Path) -> None:
    folder = tmp_path / "t1"
    folder.mkdir()
    (folder / "t1-01.article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "t1-01.jsonl").write_text("".join(json.dumps(case) + "\n" for case in CASES), encoding="utf-8")
    result = _run(tmp_path, "--show", "5")
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("| t1 "))
    assert "1/1" in row  # the wrong sentence caught
    assert "1/2" in row  # one right sentence passed; the mislabelled one is flagged
    assert "false alarm" in result.stdout and "t1-01-03" in result.stdout


def test_no_sets_is_a_one_line_message(tmp_path: Path) -> None:
    result = _run(tmp_path / "none")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no blind sets" in result.stderr
