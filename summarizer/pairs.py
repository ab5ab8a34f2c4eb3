"""The `verify --pairs` engine: JSONL of article/summary pairs in, one JSONL verdict per pair out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .grounding import verify

__all__ = ["verify_pairs"]

_FIGURE_FIELDS = ("text", "value", "unit", "qualifier", "status", "rule", "article_text", "note")


def verify_pairs(lines: Iterable[str]) -> Iterator[str]:
    """Check each `{"id", "source", "summary"}` line; yield one JSON verdict (or error) per line."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield json.dumps(_verdict(number, line), ensure_ascii=False)


def _verdict(number: int, line: str) -> dict[str, Any]:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return _error(None, number, f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(row, dict):
        return _error(None, number, f"expected a JSON object, got {type(row).__name__}")
    row_id = row.get("id")
    missing = [name for name in ("id", "source", "summary") if name not in row]
    if missing:
        return _error(row_id, number, f"missing field(s): {', '.join(missing)}")
    wrong = [name for name in ("source", "summary") if not isinstance(row[name], str)]
    if wrong:
        return _error(row_id, number, f"field(s) must be strings: {', '.join(wrong)}")
    report = verify(row["source"], row["summary"])
    return {
        "id": row_id,
        "ok": report.ok,
        "verdict": report.verdict,
        "figures": [check.model_dump(include=set(_FIGURE_FIELDS)) for check in report.figures],
    }


def _error(row_id: Any, number: int, message: str) -> dict[str, Any]:
    return {"id": row_id, "line": number, "error": message}
