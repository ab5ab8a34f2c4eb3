"""The extractive engine: everything it says is copied from the article."""

from __future__ import annotations

import pytest
from support import EXAMPLE_ARTICLE, SHARED

from summarizer.extractive import extractive_summary
from summarizer.grounding import verify
from summarizer.text import split_sentences

ARTICLES = [EXAMPLE_ARTICLE, *sorted((SHARED / "articles").glob("*.txt"))]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_everything_is_copied_verbatim_and_grounded(path: object) -> None:
    article = path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    summary = extractive_summary(article)
    sentences = {sentence.text for sentence in split_sentences(article)}
    assert all(sentence.text in article for sentence in split_sentences(summary.summary))
    assert set(summary.key_points) <= sentences
    for figure in summary.key_figures:
        assert figure.figure in figure.sentence
        assert figure.sentence in sentences
    for claim in summary.claims:
        assert claim.evidence in article
        assert all(text in claim.statement for text in claim.figures)
    assert verify(article, summary).ok


def test_the_summary_is_the_lead_and_the_figures_are_the_articles(article: str) -> None:
    summary = extractive_summary(article)
    assert summary.summary.startswith("The Port of Kestrel Bay will receive £480m")
    assert "Port of Kestrel Bay wins" not in summary.summary  # the headline is not a sentence
    figures = [figure.figure for figure in summary.key_figures]
    assert figures[:3] == ["£480m", "£180m", "£300m"]
    assert "2030" not in figures  # years are dates, not key figures


def test_sources_are_taken_from_attributions(article: str) -> None:
    sources = {claim.source for claim in extractive_summary(article).claims}
    assert {"The agency", "Officials", "the port authority"} <= sources
    assert not any(source and source.split()[0].lower() in {"which", "it", "he"} for source in sources)


def test_it_is_deterministic(article: str) -> None:
    assert extractive_summary(article) == extractive_summary(article)


def test_a_text_without_full_sentences_still_gets_a_summary() -> None:
    summary = extractive_summary("Markets close 2% higher")
    assert summary.summary == "Markets close 2% higher"
    assert summary.key_points == ["Markets close 2% higher"]
