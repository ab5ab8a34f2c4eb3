"""The transport retry policy: which failures are transient, how long to wait, when to give up.

tenacity is the only retry layer: the SDK is built with max_retries=0, so attempts never multiply.
Re-asks after an invalid answer are not retries; the pipeline bounds those separately.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
    wait_random_exponential,
)

from .config import Settings
from .errors import ModelUnavailableError

log = logging.getLogger("summarizer.retry")

T = TypeVar("T")


class TransientError(Exception):
    """A failure that may go away: connection errors, timeouts, 408/409/429, 5xx, broken bodies.

    Raised by the client (which translates SDK errors); never escapes this module.
    """

    def __init__(self, reason: str, *, retry_after: float | None = None, advice: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        # What the user can change when this keeps happening (a timeout: SUMMARIZER_TIMEOUT, not more attempts).
        self.advice = advice


class _Policy:
    """tenacity arguments for one Settings."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._backoff = wait_random_exponential(multiplier=settings.backoff_initial, max=settings.backoff_max)

    def should_retry(self, error: BaseException) -> bool:
        if not isinstance(error, TransientError):
            return False
        # A server asking for a longer pause than we are willing to wait: give up now rather
        # than retry early (which it would refuse) or sleep past the caller's patience.
        return error.retry_after is None or error.retry_after <= self._settings.max_retry_after

    def wait(self, state: RetryCallState) -> float:
        error = state.outcome.exception() if state.outcome else None
        if isinstance(error, TransientError) and error.retry_after is not None:
            return max(error.retry_after, 0.0)  # the server knows best when it can take us again
        return float(self._backoff(state))

    def before_sleep(self, state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        wait = state.next_action.sleep if state.next_action else 0.0
        advice = f" ({error.advice})" if isinstance(error, TransientError) and error.advice else ""
        log.warning("attempt %d failed (%s); retrying in %.2fs%s", state.attempt_number, error, wait, advice)

    def kwargs(self) -> dict[str, object]:
        return {
            "retry": retry_if_exception(self.should_retry),
            # Bounded by attempts and by total time: a sleep that would overrun the budget stops instead.
            "stop": stop_after_attempt(self._settings.max_attempts) | stop_before_delay(self._settings.retry_budget),
            "wait": self.wait,
            "before_sleep": self.before_sleep,
            "reraise": True,
        }


def _unavailable(error: TransientError, attempts: int, settings: Settings) -> ModelUnavailableError:
    if error.retry_after is not None and error.retry_after > settings.max_retry_after:
        advice = (
            f"the server asked us to wait {error.retry_after:.0f}s, longer than max_retry_after "
            f"({settings.max_retry_after:.0f}s); try again later"
        )
    elif error.advice:
        advice = error.advice
    else:
        advice = "try again later, or raise SUMMARIZER_MAX_ATTEMPTS / SUMMARIZER_RETRY_BUDGET"
    return ModelUnavailableError(
        f"the model endpoint kept failing ({error.reason}) after {attempts} attempt(s): {advice}",
        attempts=attempts,
    )


def call_with_retries(call: Callable[[], T], settings: Settings) -> T:
    """Run `call`, retrying transient failures under the policy."""
    retrying = Retrying(**_Policy(settings).kwargs())  # type: ignore[arg-type]
    try:
        return retrying(call)
    except TransientError as error:
        raise _unavailable(error, retrying.statistics.get("attempt_number", 1), settings) from None


async def acall_with_retries(call: Callable[[], Awaitable[T]], settings: Settings) -> T:
    """Async twin of `call_with_retries`."""
    retrying = AsyncRetrying(**_Policy(settings).kwargs())  # type: ignore[arg-type]
    try:
        result: T = await retrying(call)
    except TransientError as error:
        raise _unavailable(error, retrying.statistics.get("attempt_number", 1), settings) from None
    return result
