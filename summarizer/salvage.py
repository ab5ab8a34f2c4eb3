"""Salvage an answer that was cut off (output limit reached, or a loop stopped): keep its complete part.

A cut answer is a prefix of a JSON object. Closing it right after its last complete value -- dropping
a half-written string, key or list item -- and removing items repeated word for word (the mark of a
loop) often leaves an answer that validates. It is used only when it does; otherwise the pipeline
re-asks with a tighter budget.
"""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

_OPENING_FENCE = re.compile(r"^\s*```(?:json)?\s*")
_CLOSERS = {"{": "}", "[": "]"}
# Each try is one json.loads of a few kilobytes; the last complete values come first.
_MAX_TRIES = 200


def salvage(text: str | None, model: type[M]) -> M | None:
    """The longest complete prefix of the cut JSON `text` that validates as `model`, or None."""
    if not text:
        return None
    text = _OPENING_FENCE.sub("", text, count=1)
    for prefix in _complete_prefixes(text):
        try:
            data = json.loads(prefix)
        except json.JSONDecodeError:
            continue
        try:
            return model.model_validate(_without_repeats(data))
        except ValidationError:
            continue
    return None


def _complete_prefixes(text: str) -> list[str]:
    """Prefixes of `text` that end after a complete value, closed with the brackets still open; longest first."""
    prefixes: list[str] = []
    stack: list[str] = []
    in_string = escaped = False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in _CLOSERS:
            stack.append(_CLOSERS[char])
            if char == "[":
                prefixes.append(text[: index + 1] + "".join(reversed(stack)))  # the list, empty
        elif char in "}]":
            if not stack:
                break
            stack.pop()
            prefixes.append(text[: index + 1] + "".join(reversed(stack)))
            if not stack:
                break  # the object is complete; anything after it is not ours
        elif char == "," and stack:
            # Everything before a comma at this level is a complete member or item.
            prefixes.append(text[:index] + "".join(reversed(stack)))
    prefixes.reverse()
    return prefixes[:_MAX_TRIES]


def _without_repeats(node: Any) -> Any:
    """`node` with list items that repeat an earlier item word for word removed, at every level."""
    if isinstance(node, dict):
        return {key: _without_repeats(value) for key, value in node.items()}
    if isinstance(node, list):
        seen: set[str] = set()
        kept = []
        for item in node:
            marker = json.dumps(item, sort_keys=True)
            if marker not in seen:
                seen.add(marker)
                kept.append(_without_repeats(item))
        return kept
    return node
