"""A workload for the batch benchmarks: a new article per call, and the fake server's answer to it.

Article n is our example article with its headline figure set to £n m (n from 1,000 up), and the
fake server answers each request with our grounded example summary carrying the same figure. So
every call checks a new article and a new answer, and no memo anywhere can hide the check's cost.
Used by benchmarks/batch_bench.py, and by the fake server process as `--responder workload:answer`.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
# Test data written by us, shared with the tests.
from support import EXAMPLE_ARTICLE, valid_answer

from summarizer.testing import RecordedRequest, Reply

_FIGURE = "£480m"
_BASE = EXAMPLE_ARTICLE.read_text(encoding="utf-8")
_ANSWER = json.dumps(valid_answer(), ensure_ascii=False)
_ASKED = re.compile(r"will receive £(\d+)m")


def article(n: int) -> str:
    """Article number n: the example article with its headline figure made £(1000 + n)m."""
    return _BASE.replace(_FIGURE, f"£{1000 + n}m")


def answer_for(n: int) -> dict[str, Any]:
    """The grounded summary of article n."""
    data: dict[str, Any] = json.loads(_ANSWER.replace(_FIGURE, f"£{1000 + n}m"))
    return data


def answer(request: RecordedRequest) -> Reply:
    """The fake server's responder: the grounded summary of whichever article the request carries."""
    found = _ASKED.search(request.body.decode("utf-8", "replace"))
    if found is None:
        return Reply.json(valid_answer())
    return Reply.content(_ANSWER.replace(_FIGURE, f"£{found.group(1)}m"))


def jsonl(path: Path, count: int, *, start: int = 0) -> Path:
    """`count` articles as batch input."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(start, start + count):
            out.write(json.dumps({"id": f"article-{n}", "text": article(n)}, ensure_ascii=False) + "\n")
    return path
