"""The service's own settings: where it listens, who may call it, and how much work it takes on.

The model, cache and prompts are configured exactly as for the CLI (`Settings.from_env`); these are
the knobs only a server has. Each has an environment variable, so `--workers N` processes (which
uvicorn starts afresh) read the same configuration as the process that started them.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from summarizer.errors import ConfigError

if TYPE_CHECKING:
    from summarizer.config import Settings

# Environment variable -> setting. `summarizer serve`'s options win over these.
ENV: dict[str, str] = {
    "SUMMARIZER_SERVE_HOST": "host",
    "SUMMARIZER_SERVE_PORT": "port",
    "SUMMARIZER_SERVE_WORKERS": "workers",
    "SUMMARIZER_SERVE_TOKENS": "tokens",
    "SUMMARIZER_SERVE_TOKENS_FILE": "tokens_file",
    "SUMMARIZER_SERVE_MAX_IN_FLIGHT": "max_in_flight",
    "SUMMARIZER_SERVE_QUEUE": "queue",
    "SUMMARIZER_SERVE_DEADLINE": "deadline",
    "SUMMARIZER_SERVE_MAX_BODY": "max_body",
    "SUMMARIZER_SERVE_MAX_BATCH_BODY": "max_batch_body",
    "SUMMARIZER_SERVE_JOBS_DIR": "jobs_dir",
    "SUMMARIZER_SERVE_BATCH_CONCURRENCY": "batch_concurrency",
}

LOOPBACK = "127.0.0.1"
# Defaults for a remote model endpoint (see ServiceSettings.limits).
DEFAULT_MAX_IN_FLIGHT = 32
DEFAULT_BATCH_CONCURRENCY = 8
DEFAULT_DEADLINE = 120.0
QUEUE_PER_SLOT = 2


@dataclass(frozen=True, slots=True)
class Limits:
    """How much work a worker takes on, resolved against the model settings."""

    max_in_flight: int  # model calls out at once
    queue: int  # requests that may wait for a model slot before the next gets 429
    batch_concurrency: int  # batch articles at work at once, beside the summaries
    deadline: float  # seconds a summary request may take, waiting included
    local: bool  # the model endpoint is on this machine (its defaults are 1)


def default_jobs_dir() -> Path:
    """Where batch jobs keep their state: the per-user data directory (~/.local/share/summarizer/jobs)."""
    return Path(platformdirs.user_data_dir("summarizer", appauthor=False)) / "jobs"


@dataclass(frozen=True, slots=True)
class ServiceSettings:
    """Everything `summarizer serve` needs besides the model settings."""

    host: str = LOOPBACK
    port: int = 8000
    workers: int = 1
    # Bearer tokens a caller may present. None configured: the server listens on loopback only.
    tokens: frozenset[str] = field(default=frozenset(), repr=False)
    tokens_file: Path | None = None
    # Model calls out at once, per worker process, and requests that may wait for one (see `limits`).
    max_in_flight: int | None = None
    queue: int | None = None
    # Seconds a summary request may take from arrival to answer, waiting included (see `limits`).
    deadline: float | None = None
    max_body: int = 1024 * 1024
    max_batch_body: int = 64 * 1024 * 1024
    jobs_dir: Path = field(default_factory=default_jobs_dir)
    # Articles of a batch job at work at once, per worker, on top of max_in_flight (see `limits`).
    batch_concurrency: int | None = None

    def __post_init__(self) -> None:
        for name in ("port", "workers", "max_in_flight", "max_body", "max_batch_body", "batch_concurrency"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ConfigError(f"{name} must be at least 1; got {value!r}")
        if self.queue is not None and self.queue < 0:
            raise ConfigError(f"queue must be 0 or more; got {self.queue!r}")
        if self.deadline is not None and self.deadline <= 0:
            raise ConfigError(f"deadline must be positive; got {self.deadline!r}")
        if not self.all_tokens() and not is_loopback(self.host):
            raise ConfigError(
                f"refusing to listen on {self.host} without API tokens: anyone who can reach it could spend your "
                f"model budget. Set SUMMARIZER_SERVE_TOKENS (comma-separated) or --tokens-file, or use --host "
                f"{LOOPBACK}"
            )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> ServiceSettings:
        """Settings from the environment, then `overrides` (None values are ignored)."""
        env = os.environ if env is None else env
        types = {f.name: f.type for f in fields(cls)}
        values: dict[str, Any] = {}
        for variable, name in ENV.items():
            raw = env.get(variable, "").strip()
            if raw:
                values[name] = _parse(variable, raw, str(types[name]))
        values.update({name: value for name, value in overrides.items() if value is not None})
        if isinstance(values.get("tokens"), str):
            values["tokens"] = _split_tokens(values["tokens"])
        return cls(**values)

    def limits(self, settings: Settings) -> Limits:
        """The work limits under these model settings: as configured, else the CLI's defaults.

        Unset, model calls in flight and batch articles at once follow `Settings.effective_concurrency`,
        as `summarizer summarize`/`batch` do: SUMMARIZER_CONCURRENCY when set, else 1 for a model server
        on this machine (it answers one request at a time; more only queue inside it, past our
        deadline), else 32 and 8. The queue defaults to twice the calls in flight. The deadline defaults
        to 120 s, or for a model on this machine to the model request's own deadline (30 minutes
        unless SUMMARIZER_DEADLINE says otherwise): a CPU model takes minutes per article.
        """
        in_flight = settings.effective_concurrency(self.max_in_flight, default=DEFAULT_MAX_IN_FLIGHT)
        return Limits(
            max_in_flight=in_flight,
            queue=QUEUE_PER_SLOT * in_flight if self.queue is None else self.queue,
            batch_concurrency=settings.effective_concurrency(self.batch_concurrency, default=DEFAULT_BATCH_CONCURRENCY),
            deadline=self.deadline or (settings.request_deadline if settings.is_local else DEFAULT_DEADLINE),
            local=settings.is_local,
        )

    def all_tokens(self) -> frozenset[str]:
        """The tokens given directly plus those in `tokens_file` (one per line, # comments allowed)."""
        if self.tokens_file is None:
            return self.tokens
        try:
            text = self.tokens_file.read_text(encoding="utf-8")
        except OSError as error:
            raise ConfigError(f"cannot read the tokens file {self.tokens_file}: {error.strerror or error}") from None
        lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
        return self.tokens | {line for line in lines if line}

    def body_limit(self, path: str) -> int:
        """The largest body accepted at `path`: batches may be large, everything else is one article."""
        return self.max_batch_body if path.startswith("/v1/batches") else self.max_body

    def environment(self) -> dict[str, str]:
        """These settings as environment variables, for worker processes; tokens go by file or stay in env."""
        names = {name: variable for variable, name in ENV.items()}
        exported = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "tokens" or value is None:
                continue
            exported[names[f.name]] = str(value)
        return exported


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _split_tokens(raw: str) -> frozenset[str]:
    return frozenset(token.strip() for token in raw.split(",") if token.strip())


def _parse(variable: str, raw: str, kind: str) -> Any:
    kind = kind.removesuffix(" | None")  # unset (None) is the default, never a value given in the environment
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
    except ValueError:
        raise ConfigError(f"{variable}={raw!r} is not a valid {kind}; unset it or give a number") from None
    if "Path" in kind:
        return Path(raw).expanduser()
    return raw
