"""Long articles: split by token count, figures and claims extracted per part, summary from the extractions."""

from __future__ import annotations

import json
from typing import Any

import pytest
from support import EXAMPLE_ARTICLE, valid_answer

from summarizer import Summarizer
from summarizer.config import Settings
from summarizer.figures import find_figures
from summarizer.longform import NOTES_SCHEMA_NAME, chunk_budget, estimate_tokens, split_into_chunks
from summarizer.prompts import unfence
from summarizer.testing import FakeOpenAIServer, RecordedRequest, Reply
from summarizer.text import split_sentences

MIDDLE = "Midway through the inquiry, the ministry confirmed a separate £75m grant for the rail spur."
END = "In its closing pages the report puts the total cost of delays at £12m a year."


def _filler(number: int) -> str:
    # Ordinary prose with small counts but no money: nothing here is a key figure.
    return (
        f"Section {number} of the inquiry heard from dock workers, hauliers and residents about traffic "
        f"on the harbour road, the noise of night shifts and the state of the old sea wall, which "
        f"several witnesses said had not been inspected for years. The chair thanked the witnesses and "
        f"noted that written evidence would be published with the final report in due course."
    )


def long_article(words: int = 50_000) -> str:
    paragraphs = [EXAMPLE_ARTICLE.read_text(encoding="utf-8").strip()]
    number = 1
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(_filler(number))
        if number == 600:
            paragraphs.append(MIDDLE)
        number += 1
    paragraphs.append(END)
    return "\n\n".join(paragraphs) + "\n"


def _notes_for(part: str) -> dict[str, Any]:
    """What a careful model extracts from a part: each money figure with its sentence."""
    figures = []
    for sentence in split_sentences(part):
        money = [figure.text for figure in find_figures(sentence.text) if figure.text.startswith("£")]
        figures += [{"figure": money[0], "measures": "money", "sentence": sentence.text}] if money else []
    return {"key_figures": figures[:20], "claims": []}


def _final_answer() -> dict[str, Any]:
    answer = valid_answer()
    answer["key_figures"] += [
        {"figure": "£75m", "measures": "grant for the rail spur", "sentence": MIDDLE},
        {"figure": "£12m a year", "measures": "cost of delays", "sentence": END},
    ]
    return answer


class LongArticleModel:
    """Answers extraction requests from the part it is given, and the summary request with a fixed answer."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.summary_sources: list[str] = []

    def __call__(self, request: RecordedRequest) -> Reply:
        body = request.json
        user = next(m["content"] for m in body["messages"] if m["role"] == "user")
        fenced = unfence("article", user) or ""
        if body["response_format"]["json_schema"]["name"] == NOTES_SCHEMA_NAME:
            self.parts.append(fenced)
            return Reply.json(_notes_for(fenced))
        self.summary_sources.append(fenced)
        return Reply.json(_final_answer())


def test_a_50000_word_article_is_summarised_from_per_part_extractions_and_keeps_its_figures(
    settings: Settings,
) -> None:
    article = long_article()
    assert len(article.split()) >= 50_000
    model = LongArticleModel()
    context = 16_000
    with FakeOpenAIServer(responder=model) as server:
        long_settings = settings.with_changes(base_url=server.base_url, context_tokens=context, use_cache=False)
        with Summarizer(long_settings) as summarizer:
            result = summarizer.summarize(article)
            budget = chunk_budget(context, summarizer.max_output_tokens)
        requests = len(server.requests)
    parts = split_into_chunks(article, budget)
    assert len(model.parts) == len(parts) > 1 and requests == len(parts) + 1
    assert all(estimate_tokens(part) <= budget for part in model.parts)
    assert "".join(model.parts).replace("\n", "") == "".join(parts).replace("\n", "")  # every word was read
    (source,) = model.summary_sources
    # The summary was written from the article's own sentences holding the figures, not from summaries.
    assert MIDDLE in source and END in source and "£480m" in source
    assert len(source) < len(article) // 50
    assert all(sentence.strip() in article for sentence in source.split("\n\n"))
    # Grounded against the whole article: every key figure supported, including those far from the start.
    assert result.grounding.ok, result.flagged
    assert {"£480m", "£75m", "£12m a year"} <= {figure.figure for figure in result.summary.key_figures}
    print(json.dumps({"words": len(article.split()), "parts": len(parts), "requests": requests}))


def test_an_article_that_fits_the_context_is_sent_whole(server: FakeOpenAIServer, settings: Settings) -> None:
    server.default = Reply.json(valid_answer())
    with Summarizer(settings.with_changes(use_cache=False)) as summarizer:
        summarizer.summarize(EXAMPLE_ARTICLE.read_text(encoding="utf-8"))
    assert len(server.requests) == 1


@pytest.mark.parametrize("budget", [500, 2_000, 10_000])
def test_chunks_keep_every_word_in_order_within_the_budget(budget: int) -> None:
    article = long_article(8_000) + " ".join(["word"] * 3_000)  # and one paragraph longer than a chunk
    chunks = split_into_chunks(article, budget)
    assert all(estimate_tokens(chunk) <= budget for chunk in chunks)
    assert " ".join(" ".join(chunks).split()) == " ".join(article.split())
