"""Tests for the `verify --pairs` engine, plus a smoke run on a slice of figure-bench."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from summarizer.pairs import verify_pairs

BENCH = Path(__file__).resolve().parents[2] / "shared" / "data" / "figure-bench"
ARTICLE = "The council approved a budget of £2.5bn on Monday. Spending on roads rose 12%."


def run(*lines: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in verify_pairs(lines)]


def test_one_verdict_per_pair_with_figure_fields() -> None:
    good = json.dumps({"id": "a", "source": ARTICLE, "summary": "A £2.5bn budget passed.", "extra": 1})
    bad = json.dumps({"id": "b", "source": ARTICLE, "summary": "A £3.5bn budget passed."})
    first, second = run(good, bad)
    assert first == {
        "id": "a",
        "ok": True,
        "verdict": "pass",
        "figures": [
            {
                "text": "£2.5bn",
                "value": 2.5e9,
                "unit": "GBP",
                "qualifier": None,
                "status": "supported",
                "rule": None,
                "article_text": "£2.5bn",
                "note": None,
            }
        ],
    }
    assert second["ok"] is False
    assert [figure["status"] for figure in second["figures"]] == ["unsupported"]  # type: ignore[union-attr]


def test_bad_lines_yield_errors_and_processing_continues() -> None:
    results = run(
        "not json",
        "",
        json.dumps({"id": 7, "source": ARTICLE}),
        json.dumps([1, 2]),
        json.dumps({"id": "s", "source": ARTICLE, "summary": None}),
        json.dumps({"id": "ok", "source": ARTICLE, "summary": "Roads spending rose 12%."}),
    )
    assert [result.get("line") for result in results] == [1, 3, 4, 5, None]
    assert results[0]["id"] is None and "not valid JSON" in str(results[0]["error"])
    assert results[1]["id"] == 7 and "missing field(s): summary" in str(results[1]["error"])
    assert "JSON object" in str(results[2]["error"])
    assert "must be strings: summary" in str(results[3]["error"])
    assert results[4] == {"id": "ok", "ok": True, "verdict": "pass", "figures": results[4]["figures"]}


def test_two_thousand_pairs_each_get_a_verdict_in_order() -> None:
    # Speed is measured by benchmarks/figure_bench.py, not asserted here (a loaded CI machine is no
    # measure of it).
    article = " ".join(f"In {1990 + i} the firm had {i * 37} staff and paid ${i}.{i}m in tax." for i in range(40))
    lines = [
        json.dumps({"id": i, "source": article, "summary": f"In {1990 + i % 40} it had {i % 40 * 37} staff."})
        for i in range(2000)
    ]
    results = run(*lines)
    assert [result["id"] for result in results] == list(range(2000))
    assert all(result["ok"] for result in results)


@pytest.mark.skipif(not BENCH.is_dir(), reason="figure-bench data (../shared) is not available")
def test_bench_slice_smoke() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import figure_bench  # noqa: PLC0415

    rows = figure_bench.load(BENCH / "summedits_news.dev.jsonl")
    flagged_supported = 0
    caught = 0
    unsupported = [row for row in rows if row["label"] == "unsupported_figure"][:10]
    supported = [row for row in rows if row["label"] == "supported"][:20]
    sample = unsupported + supported
    for row, verdict in zip(sample, run(*(json.dumps(r) for r in sample)), strict=True):
        flags = figure_bench.our_flags(row, verdict)
        if row["label"] == "supported":
            flagged_supported += bool(flags)
        else:
            caught += figure_bench.caught(flags, figure_bench.label_spans(row))
    assert flagged_supported <= 1
    assert caught >= 3
