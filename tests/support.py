"""Test data and helpers shared by the test modules (fixtures live in conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
EXAMPLE_ARTICLE = REPO / "examples" / "harbour-expansion.txt"
# Third-party articles are read from ../shared, never copied in; a user's clone has no ../shared.
SHARED = REPO.parent / "shared"

# Looks like a real key so that a leak would be obvious; it is not one.
SECRET_KEY = "sk-test-DO-NOT-LEAK-7f3a9c1e5b2d4f6a8c0e"


def valid_answer() -> dict[str, Any]:
    """A correct, fully grounded ArticleSummary for the example article, as a model would send it."""
    return {
        "summary": (
            "The Port of Kestrel Bay will receive £480m to double its container capacity by 2030. "
            "The package combines a £180m government grant with £300m from three shipping firms, and "
            "fishing crews warn that dredging could cut catches by as much as 30%."
        ),
        "key_points": [
            "Work on a new 1.2-kilometre quay is due to start in March 2026.",
            "The port handled 2.35 million containers last year, up 8% from 2023.",
            "Officials estimate 1,400 construction jobs and around 650 permanent roles.",
        ],
        "key_figures": [
            {
                "figure": "£480m",
                "measures": "public and private funding for the expansion",
                "sentence": (
                    "The Port of Kestrel Bay will receive £480m in public and private funding to double its "
                    "container capacity by 2030, the regional development agency announced on Tuesday."
                ),
            },
            {
                "figure": "2.35 million",
                "measures": "containers handled last year",
                "sentence": (
                    "The port handled 2.35 million containers last year, up 8% from 2023, and its operators say "
                    "it turned away more than 40 ships in the first half of 2025 because berths were full."
                ),
            },
        ],
        "claims": [
            {
                "statement": "The harbour expansion is the largest investment since the harbour opened in 1962.",
                "source": "Mara Lindqvist",
                "figures": ["1962"],
                "evidence": "This is the largest investment in the harbour since it opened in 1962,",
            }
        ],
    }


def invalid_answer() -> dict[str, Any]:
    """Schema-invalid: key_points missing."""
    answer = valid_answer()
    del answer["key_points"]
    return answer


def clean_env(**extra: str) -> dict[str, str]:
    """The current environment without any model configuration, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env.update(extra)
    return env
