"""The frame reader builds its frames slot by slot (`frames._new_frame`): the same frames as `Frame(...)`."""

from __future__ import annotations

import dataclasses

import pytest

from summarizer.figures import find_figures
from summarizer.grounding.frames import Frame, FrameReader, _new_frame


def test_a_frame_built_slot_by_slot_is_the_frame_the_dataclass_builds() -> None:
    given = {
        "thing": frozenset({"berth"}),
        "context": frozenset({"dredg", "plan"}),
        "years": frozenset({2027}),
        "tense": "future",
        "phase": "start",
        "label": "berths",
        "modifiers": frozenset({"deep"}),
    }
    built, made = _new_frame(**given), Frame(**given)  # type: ignore[arg-type]
    assert built == made
    # every field is set, the words (compared by no `==`) among them
    for field in dataclasses.fields(Frame):
        assert getattr(built, field.name) == getattr(made, field.name), field.name
    assert built.words == frozenset({"berth", "dredg", "plan"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.label = "piers"  # type: ignore[misc]


def test_the_reader_gives_frames_with_their_words() -> None:
    text = "It approved a £40m plan to dredge 12 berths and rebuild 3 piers."
    reader = FrameReader(text, find_figures(text))
    for figure in reader.figures:
        frame = reader.frame(figure)
        assert frame.words == frame.thing | frame.context
    assert reader.frame(next(f for f in reader.figures if f.text == "12")).thing == frozenset({"berth"})


def test_the_figures_nearest_a_value_are_found_by_value_not_by_place() -> None:
    text = "Depots got £40m, £7m, £12m, £95m and £11m, and 30 staff."
    reader = FrameReader(text, find_figures(text))
    nearest = reader.nearest_in_value("money", 11e6, 3)
    assert sorted(figure.text for figure in nearest) == ["£11m", "£12m", "£7m"]
    assert reader.nearest_in_value("count", 11e6, 3)[0].text == "30"
    assert reader.nearest_in_value("percent", 5.0, 3) == []
