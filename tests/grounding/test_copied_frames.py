"""A summary sentence copied from its article takes the article's frames instead of reading them again,
and only when that gives the very frames a reading of its own would."""

from __future__ import annotations

from summarizer.figures import find_figures
from summarizer.grounding.frames import FrameReader
from summarizer.grounding.words import TextLayout

ARTICLE = (
    "The harbour board met on Monday. It approved a £40m plan to dredge 12 berths and rebuild 3 piers. "
    "Work starts in 2027; about 200 jobs will follow. Fishermen welcomed the news."
)


def readers(summary: str) -> tuple[FrameReader, FrameReader, FrameReader]:
    """The article's reader, the summary's reader that may copy from it, and one that reads alone."""
    article = FrameReader(ARTICLE, find_figures(ARTICLE))
    figures = find_figures(summary)
    return article, FrameReader(summary, figures, source=article), FrameReader(summary, figures)


def test_a_copied_sentence_takes_the_articles_frames_and_they_are_its_own() -> None:
    summary = "It approved a £40m plan to dredge 12 berths and rebuild 3 piers. Shares in the port rose 5%."
    article, copying, alone = readers(summary)
    for figure in find_figures(summary):
        assert copying.frame(figure) == alone.frame(figure)
    copied = [f for f in find_figures(summary) if f.text in {"£40m", "12", "3"}]
    taken = {article.frame(f) for f in article.figures if f.text in {"£40m", "12", "3"}}
    assert len(copied) == 3
    assert all(any(copying.frame(f) is frame for frame in taken) for f in copied)


def test_a_clause_after_a_semicolon_is_copied_on_its_own() -> None:
    summary = "About 200 jobs will follow."
    _, copying, alone = readers(summary)
    (jobs,) = find_figures(summary)
    assert copying.frame(jobs) == alone.frame(jobs)


def test_a_sentence_with_another_figure_reads_its_own_frames() -> None:
    # The same words with one figure changed: the figures differ, so nothing is taken.
    summary = "It approved a £40m plan to dredge 12 berths and rebuild 30 piers."
    article, copying, alone = readers(summary)
    article_frames = {article.frame(f) for f in article.figures}
    for figure in find_figures(summary):
        frame = copying.frame(figure)
        assert frame == alone.frame(figure)
        assert all(frame is not taken for taken in article_frames)


def test_a_summary_layout_reads_a_copied_clause_once_with_its_articles_readings() -> None:
    article_layout = TextLayout.of(ARTICLE)
    summary = "It approved a £40m plan to dredge 12 berths and rebuild 3 piers."
    shared, alone = TextLayout.of(summary, article_layout.readings), TextLayout.of(summary)
    article_figures = {f.text: f for f in find_figures(ARTICLE)}
    for figure in find_figures(summary):
        assert shared.context_of(figure) == alone.context_of(figure)
        assert shared.subject_of(figure) == alone.subject_of(figure)
        # the same window of the same clause: the article's reading is the one returned
        assert shared.context_of(figure) is article_layout.context_of(article_figures[figure.text])
