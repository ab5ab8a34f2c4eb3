"""The eval cases and their recorded model answers: data only, no running and no scoring.

A case names an article and the figures a good summary of it must carry, written as the article
writes them. Articles are ours (`examples/`) or third-party texts read at run time from
`../shared/articles/` -- never copied into this repository; a clone without ../shared skips those.

A recording (`evals/recordings/<case>.json`) is what a model answered for a case, written by us as a
model would answer: one answer per request, in order (the first, then the answer to each re-ask),
with the token usage the endpoint reports and what the scorers must find in the final result.
Third-party cases have no recording: a model's answer quotes its article verbatim, so a recording
would copy that text into the repository.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.schemas import ArticleSummary

__all__ = [
    "CASES",
    "EXAMPLES",
    "RECORDINGS",
    "SHARED_ARTICLES",
    "Case",
    "ExpectedFigure",
    "RecordedAnswer",
    "Recording",
    "article_key",
    "load_recording",
]

_REPO = Path(__file__).resolve().parents[1]
EXAMPLES = _REPO / "examples"
RECORDINGS = Path(__file__).resolve().parent / "recordings"
# Third-party articles live beside the repository, never inside it; a user's clone has none.
SHARED_ARTICLES = Path(__file__).resolve().parents[2] / "shared" / "articles"


@dataclass(frozen=True, slots=True)
class ExpectedFigure:
    """A figure a good summary must list among its key figures, as the article writes it."""

    figure: str
    measures: str


@dataclass(frozen=True, slots=True)
class Case:
    """One article, the figures its summary must carry, and the scores it must reach."""

    name: str
    article_path: Path
    figures: tuple[ExpectedFigure, ...]
    title: str | None = None
    # Thresholds on the scores in evals/scoring.py; a good summary meets all of them.
    min_fidelity: float = 1.0
    min_recall: float = 1.0
    min_evidence: float = 1.0
    third_party: bool = False

    def article(self) -> str | None:
        """The article's text, or None when it is not there (a third-party article without ../shared)."""
        try:
            return self.article_path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def missing_reason(self) -> str:
        where = "../shared/articles (third-party articles are read from there, never copied in)"
        return f"article {self.article_path.name} not found in {where if self.third_party else EXAMPLES}"


@dataclass(frozen=True, slots=True)
class RecordedAnswer:
    """One recorded reply: the answer's JSON and the token usage the endpoint reported for it."""

    answer: dict[str, Any]
    prompt_tokens: int
    completion_tokens: int


@dataclass(frozen=True, slots=True)
class Recording:
    """A case's recorded model conversation and what the scorers must make of it."""

    case: str
    answers: tuple[RecordedAnswer, ...]
    # Figures the recording gets wrong on purpose and keeps wrong after the re-ask: the checker must
    # flag each of them, or the case fails. Empty for a recording whose final answer is right.
    expect_flagged: tuple[str, ...] = ()
    expect_grounding_reasks: int = 0
    note: str = ""


def article_key(article: str) -> str:
    """How a recording is matched to a request: a hash of the article text, whitespace-trimmed."""
    return hashlib.sha256(article.strip().encode("utf-8")).hexdigest()


def load_recording(case: Case) -> Recording | None:
    """The case's recording, validated against the output schema; None if the case has none."""
    path = RECORDINGS / f"{case.name}.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    answers = []
    for item in data["answers"]:
        # A recording that is not schema-valid would test the re-ask loop, not the figures; fail early.
        ArticleSummary.model_validate(item["answer"])
        prompt_tokens, completion_tokens = item["usage"]
        answers.append(RecordedAnswer(item["answer"], int(prompt_tokens), int(completion_tokens)))
    return Recording(
        case=case.name,
        answers=tuple(answers),
        expect_flagged=tuple(data.get("expect_flagged", ())),
        expect_grounding_reasks=int(data.get("expect_grounding_reasks", 0)),
        note=str(data.get("note", "")),
    )


def _example(name: str) -> Path:
    return EXAMPLES / name


def _shared(name: str) -> Path:
    return SHARED_ARTICLES / name


CASES: tuple[Case, ...] = (
    Case(
        name="harbour-expansion",
        article_path=_example("harbour-expansion.txt"),
        figures=(
            ExpectedFigure("£480m", "public and private funding for the expansion"),
            ExpectedFigure("£180m", "government grant"),
            ExpectedFigure("£300m", "from the shipping consortium"),
            ExpectedFigure("2.35 million", "containers handled last year"),
            ExpectedFigure("more than 40", "ships turned away in the first half of 2025"),
        ),
    ),
    Case(
        name="jobs-report",
        article_path=_example("jobs-report.txt"),
        figures=(
            ExpectedFigure("4.1%", "unemployment rate in September"),
            ExpectedFigure("4,860", "jobs added in the three months to September"),
            ExpectedFigure("more than 1,200", "new posts in health and social care"),
            ExpectedFigure("£36.5m", "council money for the youth training scheme"),
            ExpectedFigure("up to 6,000", "training places for young people"),
        ),
    ),
    Case(
        name="flood-defences",
        article_path=_example("flood-defences.txt"),
        figures=(
            ExpectedFigure("€212m", "cost of the flood defence programme"),
            ExpectedFigure("1,870", "homes damaged by the April floods"),
            ExpectedFigure("€41m", "paid out by insurers so far"),
            ExpectedFigure("60%", "share of the cost paid by the regional government"),
        ),
    ),
    Case(
        name="shared-000-cyber-raids",
        article_path=_shared("000_20974991eec69f95.txt"),
        third_party=True,
        figures=(
            ExpectedFigure("630 million US dollars", "sanctions monitors' estimate of 2022 theft"),
            ExpectedFigure("more than one billion US dollars", "a cyber security company's estimate"),
            ExpectedFigure("more than 70", "test rockets fired in the past year"),
        ),
    ),
    Case(
        name="shared-004-wmd-funding",
        article_path=_shared("004_13be2d4531300860.txt"),
        third_party=True,
        figures=(
            ExpectedFigure("as much as 40%", "share of the weapons programme funded by cybercrime"),
            ExpectedFigure("US$750 million", "cryptocurrency stolen in the 17 thefts of 2023"),
            ExpectedFigure("17", "cryptocurrency thefts under investigation"),
            ExpectedFigure("as much as US$3 billion", "taken in 58 attacks since 2017"),
        ),
    ),
)
