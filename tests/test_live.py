"""Against a real model endpoint. Never runs in CI: select with `pytest -m live` and set OPENAI_API_KEY
(or OPENAI_BASE_URL for a local server)."""

from __future__ import annotations

import os

import pytest

from summarizer import Summarizer
from summarizer.config import Settings

pytestmark = pytest.mark.live


@pytest.mark.skipif(
    not (os.environ.get("OPENAI_API_KEY") or os.environ.get("OPENAI_BASE_URL")), reason="no model endpoint configured"
)
def test_a_real_model_summarises_the_example_with_grounded_figures(article: str) -> None:
    with Summarizer(Settings.from_env(engine="openai", use_cache=False)) as summarizer:
        result = summarizer.summarize(article)
    assert result.provenance.engine == "openai"
    assert result.summary.key_figures
    assert result.grounding.ok, result.flagged
