"""The index finds compatible article figures through a table kept by the figures' traits; its
answers are `compatible`'s own, the first time and from the table, with the rules as switched."""

from __future__ import annotations

from figure_cases import flagged, nothing_flagged

from summarizer.figures import find_figures
from summarizer.grounding.compare import compatible, compatible_traits, traits
from summarizer.grounding.index import index_article
from summarizer.grounding.rules import rules_disabled

TEXT = (
    "The council spent £20m and $3.5 million on 12 bridges in 2019, up 5% and 0.4 percentage points, "
    "over three years; 14 pounds of fish, 27 lbs of grain, 40 miles of road, the 50th anniversary, "
    "Flight BA117, a 5.1 quake, about 2,000 people, in the 1990s, on 4 March 2021, 30 per cent and "
    "two-thirds of the 1,200 homes, dozens of workers, A$40m and 60 minutes."
)


def test_the_table_gives_compatibles_verdicts_first_and_again() -> None:
    figures = [figure for figure in find_figures(TEXT) if figure.value is not None]
    articles = {traits(figure): figure for figure in figures}
    assert len(articles) > 10  # many kinds, units and currencies
    for summary in figures:
        expected = {key for key, article in articles.items() if compatible(summary, article)}
        assert compatible_traits(summary, traits(summary), articles) == expected
        assert compatible_traits(summary, traits(summary), articles) == expected  # from the table


def test_the_table_follows_the_points_switch() -> None:
    points = next(figure for figure in find_figures(TEXT) if "points" in figure.text)
    share = next(figure for figure in find_figures(TEXT) if figure.text == "5%")
    articles = {traits(share): share}
    assert compatible_traits(points, traits(points), articles) == set()
    with rules_disabled("points-not-percent"):
        assert compatible_traits(points, traits(points), articles) == {traits(share)}
    assert compatible_traits(points, traits(points), articles) == set()


def test_equal_figures_are_the_same_when_asked_again_and_for_an_equal_figure() -> None:
    index = index_article(TEXT)
    first = find_figures("It cost £20m.")[0]
    again = find_figures("It cost £20m.")[0]  # another summary's figure, equal field by field
    found = index.equal(first)
    assert [other.text for _, other in found] == ["£20m"]
    assert index.equal(first) == found
    assert index.equal(again) == found
    assert [other.text for _, other in index.equal(find_figures("It cost £21m.")[0])] == []


def test_a_count_that_names_what_it_counts_is_no_amount_of_money() -> None:
    article = "The Colne festival drew 1.2 million visitors this summer and raised 3 million for the lifeboats."
    assert flagged(article, "The Colne festival earned £1.2m this summer.", "£1.2m")
    assert nothing_flagged(article, "The Colne festival raised £3m for the lifeboats.")
    assert nothing_flagged(article, "The Colne festival drew 1.2 million visitors this summer.")
