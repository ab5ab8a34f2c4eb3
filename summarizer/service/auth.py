"""Bearer tokens: with tokens configured, every API call must present one of them.

Health probes and the API docs stay open (a load balancer has no token; the docs hold no data).
Tokens are compared in constant time and never logged. With no tokens the server refuses any
address but loopback (see `ServiceSettings`), so an open server is reachable from this machine only.
"""

from __future__ import annotations

import hmac

from starlette.types import ASGIApp, Receive, Scope, Send

from .problems import problem, problem_response

OPEN_PATHS = frozenset({"/healthz", "/readyz", "/docs", "/docs/oauth2-redirect", "/openapi.json"})


class BearerAuth:
    """ASGI middleware that answers 401 before the body is read, unless the request carries a known token."""

    def __init__(self, app: ASGIApp, tokens: frozenset[str]) -> None:
        self.app = app
        self._tokens = tuple(token.encode() for token in tokens)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self._tokens or scope["path"] in OPEN_PATHS or self._allowed(scope):
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

    def _allowed(self, scope: Scope) -> bool:
        header = next((value for name, value in scope["headers"] if name == b"authorization"), b"")
        scheme, _, token = header.partition(b" ")
        if scheme.lower() != b"bearer" or not token:
            return False
        # Compare with every token, always: the time taken says nothing about which one nearly matched.
        matches = [hmac.compare_digest(token.strip(), known) for known in self._tokens]
        return any(matches)
