"""Shared helpers for the end-to-end tier: HTTP through nginx to the three modules.

Stdlib only. Base URLs come from the environment (scripts/test sets them):
    VENTANILLA_E2E_MONITOR_URL     default http://127.0.0.1:8080
    VENTANILLA_E2E_TRANSPORTE_URL  default http://127.0.0.1:8081
    VENTANILLA_E2E_EGRESOS_URL     default http://127.0.0.1:8082
    VENTANILLA_E2E_RUN_DIR         the stack's run directory (data/, keys/, secrets.env); optional
    VENTANILLA_E2E_APPS_DOWN       "1" when nginx runs without the module processes (scripts/test's nginx tier)
    VENTANILLA_E2E_SMTP_DIR        where the SMTP sink scripts/test starts writes what it receives (*.eml)
"""

from __future__ import annotations

import base64
import email
import email.message
import email.policy
import http.client
import json
import os
import random
import select
import socket
import subprocess
import time
import unittest
import urllib.parse
import uuid
from dataclasses import dataclass, field

MiB = 1024 * 1024

BASE_URLS = {
    "monitor": os.environ.get("VENTANILLA_E2E_MONITOR_URL", "http://127.0.0.1:8080"),
    "transporte": os.environ.get("VENTANILLA_E2E_TRANSPORTE_URL", "http://127.0.0.1:8081"),
    "egresos": os.environ.get("VENTANILLA_E2E_EGRESOS_URL", "http://127.0.0.1:8082"),
}
RUN_DIR = os.environ.get("VENTANILLA_E2E_RUN_DIR") or None
APPS_DOWN = os.environ.get("VENTANILLA_E2E_APPS_DOWN") == "1"
SMTP_DIR = os.environ.get("VENTANILLA_E2E_SMTP_DIR") or None

# What nginx itself answers when it refuses a body or cannot reach the module (nginx/sites/*.conf).
NGINX_413 = {
    "monitor": (413, {"error": "El cuerpo de la solicitud excede el límite permitido"}),
    "transporte": (413, {"success": False, "message": "El cuerpo de la petición excede el tamaño máximo permitido",
                         "data": None, "errors": []}),
    "egresos": (415, {"code": "4153", "message": "El archivo debe pesar a lo más 5120 Kb."}),
}
NGINX_503 = {
    "monitor": {"error": "Servicio no disponible"},
    "transporte": {"success": False, "message": "Servicio no disponible temporalmente", "data": None, "errors": []},
    "egresos": {"code": "503", "message": "El servicio no está disponible por el momento."},
}
# What nginx answers when a client address goes over the rate of the credential routes (ruling 8).
NGINX_429 = {
    "monitor": {"error": "Demasiadas solicitudes, intenta de nuevo más tarde"},
    "transporte": {"success": False, "message": "Demasiadas solicitudes, intente de nuevo más tarde", "data": None,
                   "errors": []},
    "egresos": {"code": "429", "message": "Demasiadas solicitudes, intenta de nuevo más tarde."},
}
# nginx's client_max_body_size: 1 MiB on every route (ruling 8) but the upload routes, whose limit is a little
# over the application's own; and the application's own limit, per module.
NGINX_BODY_LIMIT = 1 * MiB
NGINX_UPLOAD_LIMIT = {"monitor": 53 * MiB, "egresos": 17 * MiB}
APP_BODY_LIMIT = {"monitor": 52 * MiB, "transporte": 1 * MiB, "egresos": 16 * MiB}


@dataclass
class Response:
    status: int
    headers: dict[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def __str__(self) -> str:  # shown in assertion messages
        text = self.body[:500].decode("utf-8", "replace")
        return f"HTTP {self.status} [{self.content_type}] {text}"


def _split(module: str) -> tuple[str, int]:
    url = urllib.parse.urlsplit(BASE_URLS[module])
    return url.hostname or "127.0.0.1", url.port or 80


def request(module: str, method: str, path: str, body: bytes | str | None = None,
            headers: dict[str, str] | None = None, timeout: float = 30) -> Response:
    """One HTTP/1.1 request on a fresh connection."""
    host, port = _split(module)
    if isinstance(body, str):
        body = body.encode("utf-8")
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        data = resp.read()
        return Response(resp.status, {k.lower(): v for k, v in resp.getheaders()}, data)
    finally:
        conn.close()


def raw_exchange(module: str, head: bytes, body_size: int = 0, timeout: float = 60) -> Response:
    """Sends HEAD (request line and headers, CRLF-terminated) and then BODY_SIZE zero bytes, stopping early
    when the server answers first (as nginx does when it refuses a body), and reads the reply until the
    server closes. Use HTTP/1.0 in HEAD so the reply ends at close."""
    host, port = _split(module)
    chunk = b"\0" * (256 * 1024)
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(head)
        remaining = body_size
        while remaining > 0:
            readable, _, _ = select.select([sock], [], [], 0)
            if readable:
                break
            piece = chunk[: min(len(chunk), remaining)]
            try:
                sock.sendall(piece)
            except (BrokenPipeError, ConnectionResetError):
                break
            remaining -= len(piece)
        data = bytearray()
        while not _complete(data):
            try:
                piece = sock.recv(65536)
            except ConnectionResetError:
                break
            if not piece:
                break
            data += piece
    return parse_response(bytes(data))


def _complete(data: bytes) -> bool:
    """True once DATA holds the headers and a Content-Length's worth of body (nginx may keep a refused
    upload's connection open for lingering_timeout, so EOF can come late)."""
    head, sep, body = bytes(data).partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip())
    return False


def parse_response(data: bytes) -> Response:
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("iso-8859-1").split("\r\n")
    if not lines or not lines[0].startswith("HTTP/"):
        raise AssertionError(f"not an HTTP response: {data[:200]!r}")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = body[: int(headers["content-length"])]
    return Response(status, headers, body)


def post_body_of_size(module: str, path: str, size: int, content_type: str = "application/octet-stream",
                      extra_headers: dict[str, str] | None = None) -> Response:
    """POSTs SIZE bytes (declared with Content-Length) and returns the reply, however early it comes."""
    return body_of_size(module, "POST", path, size, content_type, extra_headers)


def body_of_size(module: str, method: str, path: str, size: int, content_type: str = "application/octet-stream",
                 extra_headers: dict[str, str] | None = None) -> Response:
    """Sends SIZE bytes (declared with Content-Length) with METHOD and returns the reply, however early it comes."""
    host, port = _split(module)
    lines = [f"{method} {path} HTTP/1.0", f"Host: {host}:{port}", f"Content-Type: {content_type}",
             f"Content-Length: {size}", "Connection: close"]
    lines += [f"{k}: {v}" for k, v in (extra_headers or {}).items()]
    return raw_exchange(module, ("\r\n".join(lines) + "\r\n\r\n").encode(), size)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def stack_setting(name: str) -> str:
    """A value of RUN/stack.env (`NAME=value`, shell-quoted only when needed)."""
    with open(os.path.join(RUN_DIR, "stack.env"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(name + "="):
                return line.split("=", 1)[1].strip().strip("'")
    raise KeyError(name)


def stack_secret(name: str) -> str:
    """A value of RUN/secrets.env (the stack's generated passwords and secrets)."""
    with open(os.path.join(RUN_DIR, "secrets.env"), encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(name + "="):
                return line.split("=", 1)[1].strip()
    raise KeyError(name)


def staff_token(email: str, **changes) -> str:
    """An Egresos staff token for EMAIL, signed by openssl with the stack's local key (RUN/keys, the stand-in
    for Auth0, ruling E2); CHANGES override claims. Needs RUN_DIR."""
    now = int(time.time())
    claims = {"iss": stack_setting("EGRESOS_AUTH0_ISSUER"),
              "aud": stack_setting("EGRESOS_AUTH0_AUDIENCES").split(",")[0].strip(),
              "sub": "e2e|" + email, "email": email, "email_verified": True, "iat": now, "exp": now + 600}
    claims.update(changes)
    signing_input = b64url(json.dumps({"alg": "RS256", "typ": "JWT"}).encode()) + "." + \
        b64url(json.dumps(claims).encode())
    signature = subprocess.run(
        ["openssl", "dgst", "-sha256", "-sign", stack_setting("EGRESOS_AUTH0_PRIVATE_KEY_FILE")],
        input=signing_input.encode(), capture_output=True, check=True).stdout
    return signing_input + "." + b64url(signature)


def linked_staff_token(email: str, ttl: int = 3600) -> str:
    """An Egresos staff token minted by `ventanilla token egresos` (VENTANILLA_BIN) as the local Auth0 stand-in
    would, with the `sub` the user is already linked to (README). Needs RUN_DIR."""
    script = 'set -a; . "$1/stack.env"; set +a; exec "$VENTANILLA_BIN" token egresos --email "$2" --ttl "$3"'
    return subprocess.run(["bash", "-c", script, "-", RUN_DIR, email, str(ttl)], check=True, capture_output=True,
                          text=True).stdout.strip()


def delivered_mail(matches, count: int = 1, timeout: float = 30.0) -> list[email.message.EmailMessage]:
    """Messages the SMTP sink received (SMTP_DIR) for which MATCHES(message) is true, waiting up to TIMEOUT
    seconds for at least COUNT of them (the outbox sender delivers after COMMIT, on its own thread). Each message
    carries the envelope recipients in its X-Sink-Rcpt-To header."""
    deadline = time.time() + timeout
    while True:
        found = []
        for name in sorted(os.listdir(SMTP_DIR)):
            if name.endswith(".eml"):
                with open(os.path.join(SMTP_DIR, name), "rb") as handle:
                    message = email.message_from_bytes(handle.read(), policy=email.policy.default)
                if matches(message):
                    found.append(message)
        if len(found) >= count or time.time() >= deadline:
            return found
        time.sleep(0.3)


def recipients(message: email.message.EmailMessage) -> set[str]:
    """The envelope recipients the sink recorded."""
    return {rcpt.strip() for rcpt in str(message["X-Sink-Rcpt-To"]).split(",") if rcpt.strip()}


def multipart(fields: dict[str, str] | None = None,
              files: dict[str, tuple[str, str, bytes]] | None = None) -> tuple[bytes, str]:
    """A multipart/form-data body: FIELDS as text parts, FILES as name -> (file name, content type, bytes).
    Returns the body and its Content-Type (with the boundary)."""
    boundary = "----e2e" + uuid.uuid4().hex
    parts = []
    for name, value in (fields or {}).items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                     + value.encode("utf-8") + b"\r\n")
    for name, (filename, content_type, data) in (files or {}).items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: {content_type}\r\n\r\n".encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


class ModuleTestCase(unittest.TestCase):
    """Base class: set MODULE; self.get/post/... talk to that module through nginx."""

    MODULE = ""
    maxDiff = None

    def request(self, method: str, path: str, **kwargs) -> Response:
        return request(self.MODULE, method, path, **kwargs)

    def get(self, path: str, **kwargs) -> Response:
        return self.request("GET", path, **kwargs)

    def assertJSON(self, resp: Response, status: int, expected=None):
        """Status, a JSON content type, a body that parses; equal to EXPECTED when given. Returns the body."""
        self.assertEqual(resp.status, status, str(resp))
        self.assertTrue(resp.content_type.startswith("application/json"),
                        f"Content-Type is not JSON: {resp}")
        try:
            parsed = resp.json()
        except ValueError as exc:
            self.fail(f"body is not JSON ({exc}): {resp}")
        if expected is not None:
            self.assertEqual(parsed, expected, str(resp))
        return parsed

    def assertCORSPreflight(self, path: str):
        resp = self.request("OPTIONS", path, headers={
            "Origin": "http://example.com",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Content-Type, Authorization",
        })
        self.assertEqual(resp.status, 204, str(resp))
        self.assertIn("access-control-allow-origin", resp.headers, str(resp.headers))

    def assertNginxRefusesOversizedBody(self, path: str, headers: dict[str, str] | None = None,
                                        limit: int = NGINX_BODY_LIMIT, content_type: str = "application/json"):
        """A body 1 MiB over nginx's LIMIT for PATH is refused by nginx itself, in the module's format."""
        status, expected = NGINX_413[self.MODULE]
        resp = post_body_of_size(self.MODULE, path, limit + MiB, content_type=content_type, extra_headers=headers)
        return self.assertJSON(resp, status, expected)

    def assertNginxRejectsMalformedRequest(self, expected):
        """A request line nginx cannot parse is answered by nginx itself, in the module's JSON format."""
        self.assertJSON(raw_exchange(self.MODULE, b"GARBAGE\r\n\r\n"), 400, expected)
        self.assertJSON(raw_exchange(self.MODULE, b"GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"), 400, expected)

    def assertPathTraversalStaysInside(self, prefix: str):
        for path in (f"{prefix}../../../../etc/hostname", f"{prefix}..%2f..%2f..%2fetc/hostname"):
            resp = self.get(path)
            self.assertNotEqual(resp.status, 200, f"{path}: {resp}")
            self.assertTrue(resp.content_type.startswith("application/json"), f"{path}: {resp}")

    def run_file(self, *parts: str) -> str:
        """A path inside the stack's run directory; skips the test when it is unknown."""
        if not RUN_DIR:
            self.skipTest("VENTANILLA_E2E_RUN_DIR not set")
        return os.path.join(RUN_DIR, *parts)


class TransporteTestCase(ModuleTestCase):
    """Transporte through nginx as a development-seed user (password "ventanilla"): one login per user for the
    whole run (nginx rate-limits the login route, ruling 8), then JSON calls with that user's bearer token."""

    MODULE = "transporte"
    tokens: dict[str, str] = {}

    def token(self, username: str) -> str:
        if username not in self.tokens:
            body = self.assertJSON(self.request("POST", "/auth/login", body=json.dumps(
                {"username": username, "password": "ventanilla"}), headers={"Content-Type": "application/json"}), 200)
            self.tokens[username] = body["data"]["access_token"]
        return self.tokens[username]

    def call(self, method: str, path: str, username: str = "admin", body=None) -> Response:
        headers = {"Authorization": "Bearer " + self.token(username)}
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        return self.request(method, path, body=body, headers=headers)

    def catalog(self, prefix: str, **fields) -> int:
        """A fresh row of a catalog, created as the admin (unique code and name per run); its Id."""
        suffix = random.randrange(10**6, 10**7)
        body = {"codigo": f"E2E_{suffix}", "nombre": f"E2E {suffix}", **fields}
        return self.assertJSON(self.call("POST", "/" + prefix, body=body), 201)["data"]["Id"]


class MonitorTestCase(ModuleTestCase):
    """Monitor through nginx as a development-seed user (password "ventanilla"): one login per user for the whole
    run (nginx rate-limits the login route, ruling 8), then calls with that user's bearer token."""

    MODULE = "monitor"
    tokens: dict[str, str] = {}

    def token(self, username: str) -> str:
        if username not in self.tokens:
            body = self.assertJSON(self.request("POST", "/api/auth/login", body=json.dumps(
                {"username": username, "password": "ventanilla"}), headers={"Content-Type": "application/json"}), 200)
            self.tokens[username] = body["token"]
        return self.tokens[username]

    def call(self, method: str, path: str, body=None, username: str = "admin", content_type: str | None = None) -> Response:
        """METHOD PATH as USERNAME: BODY as JSON, or as raw bytes of CONTENT_TYPE when given."""
        headers = {"Authorization": "Bearer " + self.token(username)}
        if content_type is not None:
            headers["Content-Type"] = content_type
        elif body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        return self.request(method, path, body=body, headers=headers)


def requires_apps(cls):
    """Class decorator: the tests need the module processes (skipped in the nginx-only tier)."""
    return unittest.skipIf(APPS_DOWN, "module processes are not running (nginx-only tier)")(cls)


def requires_apps_down(cls):
    """Class decorator: the tests need nginx without the module processes behind it."""
    return unittest.skipUnless(APPS_DOWN, "needs nginx with the modules down (scripts/test's nginx tier)")(cls)
