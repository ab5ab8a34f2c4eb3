"""Bearer tokens: with tokens configured, every API call must present one of them.

Health probes and the API docs stay open (a load balancer has no token; the docs hold no data).
Tokens are compared in constant time and never logged. With no tokens the server refuses any
address but loopback (see `ServiceSettings`), so an open server is reachable from this machine only.
The caller's identity -- a digest of its token, never the token -- goes on `request.state.caller`,
for what a caller owns: a batch job is visible only with the token that created it.
"""

from __future__ import annotations

import hashlib
import hmac

from starlette.types import ASGIApp, Receive, Scope, Send

from .problems import problem, problem_response

# Without tokens every caller is the same one (loopback only): this identity.
ANYONE = "anyone"

OPEN_PATHS = frozenset({"/healthz", "/readyz", "/docs", "/docs/oauth2-redirect", "/openapi.json"})


class BearerAuth:
    """ASGI middleware that answers 401 before the body is read, unless the request carries a known token."""

    def __init__(self, app: ASGIApp, tokens: frozenset[str]) -> None:
        self.app = app
        # Each token with its caller's identity, digested once here rather than on every request.
        self._callers = {token.encode(): caller_id(token.encode()) for token in tokens}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self._callers or scope["path"] in OPEN_PATHS:
            scope.setdefault("state", {})["caller"] = ANYONE
            await self.app(scope, receive, send)
            return
        caller = self._caller(scope)
        if caller is not None:
            scope.setdefault("state", {})["caller"] = caller
            await self.app(scope, receive, send)
            return
        answer = problem(
            401,
            "Unauthorized",
            "this server needs an API token: send the header 'Authorization: Bearer <token>' with a token its "
            "operator gave you",
            "unauthorized",
        )
        response = problem_response(answer)
        response.headers["WWW-Authenticate"] = 'Bearer realm="summarizer"'
        await response(scope, receive, send)

    def _caller(self, scope: Scope) -> str | None:
        """The identity of the configured token the request carries, or None."""
        header = next((value for name, value in scope["headers"] if name == b"authorization"), b"")
        scheme, _, token = header.partition(b" ")
        if scheme.lower() != b"bearer" or not token:
            return None
        # Compare with every token, always: the time taken says nothing about which one nearly matched.
        matches = [caller for known, caller in self._callers.items() if hmac.compare_digest(token.strip(), known)]
        return matches[0] if matches else None


def caller_id(token: bytes) -> str:
    """Who holds `token`, as stored with what they own: a digest, so the token is never written anywhere."""
    return "token:" + hashlib.sha256(b"summarizer caller " + token).hexdigest()[:32]
