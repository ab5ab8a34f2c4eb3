"""Settings: one frozen object; `Settings.from_env` is the only place that reads the environment."""

from __future__ import annotations

import ipaddress
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

import platformdirs

from .errors import ConfigError
from .reading import DEFAULT_MAX_INPUT_BYTES

Engine = Literal["auto", "openai", "extractive"]
ENGINES: tuple[str, ...] = ("auto", "openai", "extractive")
HttpTransport = Literal["auto", "aiohttp", "httpx"]
HTTP_TRANSPORTS: tuple[str, ...] = ("auto", "aiohttp", "httpx")

# A current small OpenAI model. It is a reasoning model: no temperature, max_completion_tokens.
DEFAULT_MODEL = "gpt-5-mini"

# Environment variable -> (setting name, parser). Arguments passed to from_env win over these.
_ENV: dict[str, tuple[str, str]] = {
    "OPENAI_API_KEY": ("api_key", "str"),
    "OPENAI_BASE_URL": ("base_url", "str"),
    "SUMMARIZER_ENGINE": ("engine", "engine"),
    "SUMMARIZER_MODEL": ("model", "str"),
    "SUMMARIZER_TIMEOUT": ("timeout", "float"),
    "SUMMARIZER_DEADLINE": ("deadline", "float"),
    "SUMMARIZER_MAX_OUTPUT_TOKENS": ("max_output_tokens", "int"),
    "SUMMARIZER_CONCURRENCY": ("concurrency", "int"),
    "SUMMARIZER_TEMPERATURE": ("temperature", "float"),
    "SUMMARIZER_MAX_ATTEMPTS": ("max_attempts", "int"),
    "SUMMARIZER_RETRY_BUDGET": ("retry_budget", "float"),
    "SUMMARIZER_CACHE_DIR": ("cache_dir", "path"),
    "SUMMARIZER_PROMPTS_DIR": ("prompts_dir", "path"),
    "SUMMARIZER_REASONING_EFFORT": ("reasoning_effort", "str"),
    "SUMMARIZER_HTTP_TRANSPORT": ("http_transport", "transport"),
    "SUMMARIZER_MAX_INPUT_BYTES": ("max_input_bytes", "int"),
    "SUMMARIZER_CONTEXT_TOKENS": ("context_tokens", "int"),
}


# Defaults for an endpoint on another machine, and for one on this machine (a local server on a CPU
# reads a long prompt for minutes before its first token, and generates a few tokens a second).
REMOTE_TIMEOUT, LOCAL_TIMEOUT = 60.0, 300.0
REMOTE_DEADLINE, LOCAL_DEADLINE = 300.0, 1800.0
LOCAL_CONCURRENCY = 1


def is_loopback(base_url: str | None) -> bool:
    """Whether the endpoint runs on this machine (localhost, 127.0.0.0/8, ::1)."""
    host = urlsplit(base_url).hostname if base_url else None
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def default_cache_dir() -> Path:
    """The per-user cache directory for this OS (~/.cache/summarizer on Linux)."""
    return Path(platformdirs.user_cache_dir("summarizer", appauthor=False))


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that configures a Summarizer. Immutable; derive variants with `replace`."""

    engine: Engine = "auto"
    model: str = DEFAULT_MODEL
    base_url: str | None = None
    # repr=False: settings get logged and printed; the key must never go with them.
    api_key: str | None = field(default=None, repr=False)
    # Seconds without a new token before a request is given up (None: 60, or 300 for a local server).
    timeout: float | None = None
    # Seconds one request may take in all, however the server drips (None: 300, or 1800 for a local server).
    deadline: float | None = None
    # Transport retries (tenacity): attempts per request and a wall-clock budget across them.
    max_attempts: int = 4
    retry_budget: float = 120.0
    backoff_initial: float = 0.5
    backoff_max: float = 20.0
    # The longest server-requested Retry-After we are willing to sleep.
    max_retry_after: float = 60.0
    # Re-asks when the answer fails validation; one more for grounding.
    max_reasks: int = 2
    grounding_reask: bool = True
    temperature: float = 0.0
    # None: derived from the schema's bounds (see schemas.output_token_bound).
    max_output_tokens: int | None = None
    # Articles in flight at once in summarize_many (None: its default, or 1 for a local server, which
    # answers one request at a time).
    concurrency: int | None = None
    # None: decide from the model name. Reasoning models reject temperature and take max_completion_tokens.
    reasoning: bool | None = None
    reasoning_effort: str | None = None
    # None: the templates shipped with the package.
    prompts_dir: Path | None = None
    cache_dir: Path = field(default_factory=default_cache_dir)
    use_cache: bool = True
    refresh: bool = False
    # The async client's HTTP transport: aiohttp holds up at high concurrency where the SDK's httpx
    # default collapses; auto uses aiohttp when installed (the aiohttp extra). The sync client is httpx.
    http_transport: HttpTransport = "auto"
    # Articles larger than this are refused with a message saying how to raise it.
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    # The model's context window in tokens: a longer article is split into chunks (see longform.py).
    context_tokens: int = 32_000

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ConfigError(f"engine must be one of {', '.join(ENGINES)}; got {self.engine!r}")
        if self.http_transport not in HTTP_TRANSPORTS:
            raise ConfigError(
                f"http_transport must be one of {', '.join(HTTP_TRANSPORTS)}; got {self.http_transport!r}"
            )
        for name in ("timeout", "deadline", "retry_budget", "backoff_max", "max_retry_after"):
            value = getattr(self, name)
            # nan fails "> 0" and inf would wait for ever: both are refused by name.
            if value is not None and not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise ConfigError(f"{name} must be positive and finite (seconds); got {value!r}")
        for name in ("max_output_tokens", "concurrency", "max_input_bytes", "context_tokens"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ConfigError(f"{name} must be at least 1; got {value!r}")
        if self.max_attempts < 1:
            raise ConfigError(f"max_attempts must be at least 1; got {self.max_attempts!r}")
        if self.max_reasks < 0:
            raise ConfigError(f"max_reasks must be 0 or more; got {self.max_reasks!r}")
        if not self.model.strip():
            raise ConfigError("model must not be empty; set SUMMARIZER_MODEL or pass model=...")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Settings from the environment, then `overrides` (None values are ignored)."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for variable, (name, kind) in _ENV.items():
            raw = env.get(variable, "").strip()
            if raw:
                values[name] = _parse(variable, raw, kind)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        values.update({name: value for name, value in overrides.items() if value is not None})
        for name in ("cache_dir", "prompts_dir"):
            if name in values:
                values[name] = Path(values[name]).expanduser()
        return cls(**values)

    def with_changes(self, **changes: Any) -> Settings:
        """A copy with some settings changed."""
        return replace(self, **changes)

    @property
    def is_reasoning_model(self) -> bool:
        """Whether to send reasoning-model parameters (no temperature; max_completion_tokens)."""
        if self.reasoning is not None:
            return self.reasoning
        name = self.model.rsplit("/", 1)[-1].lower()
        return name.startswith(("o1", "o3", "o4", "gpt-5"))

    @property
    def is_local(self) -> bool:
        """Whether the endpoint is on this machine (loopback), which changes the defaults."""
        return is_loopback(self.base_url)

    @property
    def idle_timeout(self) -> float:
        """Seconds without a new token before a request is given up."""
        if self.timeout is not None:
            return self.timeout
        return LOCAL_TIMEOUT if self.is_local else REMOTE_TIMEOUT

    @property
    def request_deadline(self) -> float:
        """Seconds one request may take in all; never shorter than the idle timeout."""
        if self.deadline is not None:
            return self.deadline
        return max(LOCAL_DEADLINE if self.is_local else REMOTE_DEADLINE, self.idle_timeout)

    def effective_concurrency(self, requested: int | None, *, default: int) -> int:
        """Articles in flight at once: as requested, else as set, else 1 for a local server, else `default`."""
        if requested is not None:
            return requested
        if self.concurrency is not None:
            return self.concurrency
        return LOCAL_CONCURRENCY if self.is_local else default

    @property
    def model_configured(self) -> bool:
        """Whether a model endpoint is configured: an API key or a base URL (local servers need no key)."""
        return bool(self.api_key or self.base_url)

    def resolved_engine(self) -> Literal["openai", "extractive"]:
        """The engine `auto` stands for under these settings."""
        if self.engine == "auto":
            return "openai" if self.model_configured else "extractive"
        return self.engine


def _parse(variable: str, raw: str, kind: str) -> Any:
    try:
        if kind == "float":
            return float(raw)
        if kind == "int":
            return int(raw)
    except ValueError:
        raise ConfigError(f"{variable}={raw!r} is not a valid {kind}; unset it or give a number") from None
    if kind == "engine" and raw not in ENGINES:
        raise ConfigError(f"{variable}={raw!r} is not an engine; use one of {', '.join(ENGINES)}")
    if kind == "transport" and raw not in HTTP_TRANSPORTS:
        raise ConfigError(f"{variable}={raw!r} is not an HTTP transport; use one of {', '.join(HTTP_TRANSPORTS)}")
    if kind == "path":
        return Path(raw).expanduser()
    return raw
