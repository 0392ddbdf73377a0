"""What every request passes before the desk sees it: a session, the password on a LAN,
a CSRF token on every state-changing request, and a cap on the size of what is sent.

The session is a random cookie; the CSRF token is an HMAC of it with the server's secret, sent
back in the ``X-CSRF-Token`` header (the pages' scripts) or a ``csrf`` form field/query
parameter (plain forms). A cross-site page can make the browser send the cookie but cannot
read the token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit

SESSION_COOKIE = "thidua_session"
AUTH_COOKIE = "thidua_auth"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
#: Paths reachable without the password (the sign-in page and its style sheet).
OPEN_PATHS = ("/login", "/static/")


class BodyTooLarge(Exception):
    """The request body passed the upload limit."""


class Guard:
    """ASGI middleware in front of the desk."""

    def __init__(self, app, *, secret: bytes, password: str | None, max_upload: int,
                 refuse) -> None:
        self.app = app
        self.secret = secret
        self.password = password
        self.limit_mb = max_upload // 2**20
        self.max_body = max_upload + 2**20  # the upload and its form's own bytes
        self.refuse = refuse  # (scope, receive, send, key, status, **params) → coroutine

    def csrf_token(self, session: str) -> str:
        return hmac.new(self.secret, b"csrf:" + session.encode(), hashlib.sha256).hexdigest()

    def auth_token(self) -> str:
        return hmac.new(self.secret, b"auth:" + (self.password or "").encode(),
                        hashlib.sha256).hexdigest()

    def password_matches(self, given: str) -> bool:
        return self.password is not None and hmac.compare_digest(
            given.encode(), self.password.encode())

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        cookies = SimpleCookie()
        try:
            cookies.load(headers.get("cookie", ""))
        except Exception:  # a malformed Cookie header is as good as none
            cookies = SimpleCookie()
        session = cookies[SESSION_COOKIE].value if SESSION_COOKIE in cookies else ""
        fresh = None
        if len(session) < 20 or len(session) > 64:
            session = fresh = secrets.token_urlsafe(24)
        state = scope.setdefault("state", {})
        state["session"] = session
        state["csrf"] = self.csrf_token(session)
        path = scope.get("path", "/")

        async def send_with_cookie(message):
            if message["type"] == "http.response.start" and fresh:
                message.setdefault("headers", []).append(
                    (b"set-cookie", f"{SESSION_COOKIE}={fresh}; Path=/; HttpOnly; "
                                    f"SameSite=Strict".encode()))
            await send(message)

        if self.password is not None and not path.startswith(OPEN_PATHS):
            given = cookies[AUTH_COOKIE].value if AUTH_COOKIE in cookies else ""
            if not hmac.compare_digest(given, self.auth_token()):
                if scope["method"] in SAFE_METHODS and not path.startswith("/api/"):
                    return await _redirect(send_with_cookie, "/login")
                return await self.refuse(scope, receive, send_with_cookie, "web_login", 401)
        if scope["method"] not in SAFE_METHODS:
            query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
            token = headers.get("x-csrf-token") or (query.get("csrf") or [""])[0]
            origin = headers.get("origin")
            same_origin = origin is None or urlsplit(origin).netloc == headers.get("host")
            if not (same_origin and hmac.compare_digest(token, state["csrf"])):
                return await self.refuse(scope, receive, send_with_cookie, "web_csrf", 403)
            declared = headers.get("content-length", "0")
            if declared.isdigit() and int(declared) > self.max_body:
                return await self.refuse(scope, receive, send_with_cookie, "web_too_large", 413,
                                         limit=self.limit_mb)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_body:
                raise BodyTooLarge()
            return message

        try:
            await self.app(scope, limited_receive, send_with_cookie)
        except BodyTooLarge:
            await self.refuse(scope, receive, send_with_cookie, "web_too_large", 413,
                              limit=self.limit_mb)


async def _redirect(send, location: str) -> None:
    await send({"type": "http.response.start", "status": 303,
                "headers": [(b"location", location.encode()), (b"content-length", b"0")]})
    await send({"type": "http.response.body", "body": b""})
