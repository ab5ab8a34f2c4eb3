"""The `verify --pairs` engine: JSONL of article/summary pairs in, one JSONL verdict per pair out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .grounding import ArticleIndex, index_article, verify
from .text import clean_text

__all__ = ["verify_pairs"]

_FIGURE_FIELDS = ("text", "value", "unit", "qualifier", "status", "rule", "article_text", "note")


def verify_pairs(lines: Iterable[str | bytes]) -> Iterator[str]:
    """Check each `{"id", "source", "summary"}` line; yield one JSON verdict (or error) per line.

    Lines may be bytes (a file opened in binary): a line that is not UTF-8 is one error verdict,
    never the end of the run. Text is cleaned of control and invisible characters first.
    """
    last: dict[str, ArticleIndex] = {}  # the previous row's article, read once for the rows that share it
    for number, raw in enumerate(lines, start=1):
        try:
            line = clean_text(raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw)
        except UnicodeDecodeError:
            message = "not UTF-8 text; convert the file to UTF-8 (e.g. iconv -t UTF-8) and try again"
            yield json.dumps(_error(None, number, message))
            continue
        if not line.strip():
            continue
        yield json.dumps(_verdict(number, line, last), ensure_ascii=False)


def _verdict(number: int, line: str, last: dict[str, ArticleIndex]) -> dict[str, Any]:
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
    if row["source"] not in last:
        last.clear()
        last[row["source"]] = index_article(row["source"])
    report = verify(last[row["source"]], row["summary"])
    return {
        "id": row_id,
        "ok": report.ok,
        "verdict": report.verdict,
        "figures": [check.model_dump(include=set(_FIGURE_FIELDS)) for check in report.figures],
    }


def _error(row_id: Any, number: int, message: str) -> dict[str, Any]:
    return {"id": row_id, "line": number, "error": message}
