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
