"""Token and cost estimates: the price table (overridable) and a dry run's arithmetic.

Prices are US dollars per million tokens, as published when this table was written; they change,
so `--prices FILE.json` (`{"model": {"input": 0.25, "output": 2.0}}`) overrides or extends them.
A model the table does not know gets no cost estimate rather than a made-up one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import InputError

# Tokens a summary's answer takes, for estimates before anything is sent (a typical ArticleSummary).
ESTIMATED_OUTPUT_TOKENS = 700


@dataclass(frozen=True, slots=True)
class Price:
    """Dollars per million input and output tokens."""

    input: float
    output: float

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        """Dollars for this many tokens."""
        return (prompt_tokens * self.input + completion_tokens * self.output) / 1_000_000


DEFAULT_PRICES: Mapping[str, Price] = {
    "gpt-5": Price(1.25, 10.0),
    "gpt-5-mini": Price(0.25, 2.0),
    "gpt-5-nano": Price(0.05, 0.40),
    "gpt-4.1": Price(2.0, 8.0),
    "gpt-4.1-mini": Price(0.40, 1.60),
    "gpt-4.1-nano": Price(0.10, 0.40),
    "gpt-4o": Price(2.50, 10.0),
    "gpt-4o-mini": Price(0.15, 0.60),
}


class PriceTable:
    """Prices by model name; a dated name (gpt-4o-mini-2024-07-18) takes its family's price."""

    def __init__(self, prices: Mapping[str, Price] | None = None) -> None:
        self.prices: dict[str, Price] = dict(DEFAULT_PRICES if prices is None else prices)

    @classmethod
    def from_file(cls, path: Path) -> PriceTable:
        """The default table with the models in a JSON file added or replaced."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise InputError(f"cannot read the price table {path}: {error}") from None
        table = cls()
        if not isinstance(data, dict):
            raise InputError(f'{path} must be a JSON object: {{"model": {{"input": 0.25, "output": 2.0}}}}')
        for model, entry in data.items():
            try:
                table.prices[model] = Price(float(entry["input"]), float(entry["output"]))
            except (TypeError, KeyError, ValueError):
                raise InputError(
                    f'{path}: the price of {model!r} must be {{"input": dollars, "output": dollars}} per 1M tokens'
                ) from None
        return table

    def get(self, model: str | None) -> Price | None:
        """The price of a model, or None when unknown."""
        if not model:
            return None
        name = model.rsplit("/", 1)[-1]
        best = max(
            (known for known in self.prices if name == known or name.startswith(known + "-")), key=len, default=None
        )
        return self.prices[best] if best else None

    def cost(self, model: str | None, prompt_tokens: int, completion_tokens: int) -> float | None:
        """Dollars for this usage, or None when the model's price is unknown."""
        price = self.get(model)
        return None if price is None else price.cost(prompt_tokens, completion_tokens)
