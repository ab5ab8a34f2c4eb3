"""The model boundary's data: a `ChatRequest`, the `ModelReply` to it, and the `ModelClient` protocol.

Kept apart from `client` (the OpenAI implementation, the only module that imports the SDK) so that
the pipeline, and everything that only speaks of requests and replies, loads without the SDK: the
extractive engine and refused inputs never pay for it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from .output_modes import OutputMode
from .result import Usage

__all__ = ["ChatRequest", "ModelClient", "ModelReply", "messages_of"]


@dataclass(frozen=True, slots=True)
class ChatRequest:
    """One structured-output request: the conversation and the JSON schema the answer must follow."""

    messages: tuple[Mapping[str, str], ...]
    schema_name: str
    schema: Mapping[str, Any]
    # None: Settings.max_output_tokens, else the bound the schema implies.
    max_output_tokens: int | None = None


@dataclass(frozen=True, slots=True)
class ModelReply:
    """What came back for one ChatRequest, after transport retries."""

    content: str | None
    # As the server sent it ("stop", "length", ...), or "loop" when we stopped a repeating answer.
    finish_reason: str | None
    refusal: str | None
    usage: Usage
    attempts: int
    output_mode: OutputMode


class ModelClient(Protocol):
    """Anything that can answer a ChatRequest: the OpenAI client, or a scripted one in tests."""

    @property
    def model(self) -> str:
        """The model name, as recorded in provenance and cache keys."""
        ...

    @property
    def endpoint(self) -> str:
        """The endpoint URL without credentials, as recorded in provenance and cache keys."""
        ...

    def complete(self, request: ChatRequest) -> ModelReply:
        """Answer one request."""
        ...

    async def acomplete(self, request: ChatRequest) -> ModelReply:
        """Answer one request without blocking the event loop."""
        ...


def messages_of(*pairs: tuple[str, str]) -> tuple[Mapping[str, str], ...]:
    """Build a message tuple from (role, content) pairs."""
    return tuple({"role": role, "content": content} for role, content in pairs)
