#!/usr/bin/env python3
"""The browser tier: headless Chromium (Debian's `chromium`) against the running stack.

1. A page on an origin of its own (tests/browser/site/, served by the test nginx) logs in to each module with the
   browser's fetch(), calls a protected route with the token (a CORS preflight first) and reads the JSON.
2. Each module's landing page `/` and its `/docs` reference open as a person would open them.
3. Monitor's admin panel (/panel.html, ruling M16): a wrong password shows the error; the seeded admin logs in and
   health, diagnóstico, the recent historial and log lines render; the backup sections render, or say "no
   disponible" when their route answers 404/503 (the only failed requests allowed, each asserted as rendered).

Every page fails the test on a console error, an uncaught exception or a failed request, and leaves a screenshot
under VENTANILLA_BROWSER_OUT. Chromium is driven over the DevTools protocol on a pipe (--remote-debugging-pipe):
no driver binary, no WebSocket library.

    python3 tests/browser/run.py

Environment (scripts/test sets it): VENTANILLA_E2E_{MONITOR,TRANSPORTE,EGRESOS}_URL and VENTANILLA_E2E_RUN_DIR as
for tests/e2e, VENTANILLA_BROWSER_PAGE_URL (the page's origin), VENTANILLA_BROWSER_OUT, VENTANILLA_BIN, and
CHROMIUM (default: chromium on PATH).
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

import helpers  # noqa: E402  (tests/e2e/helpers.py: the stack's URLs, Egresos staff tokens)

PAGE_TIMEOUT = 30.0


class ProtocolError(RuntimeError):
    pass


class Chromium:
    """A headless Chromium whose DevTools protocol speaks on fds 3 (commands in) and 4 (messages out), each
    message a JSON text ended by a NUL byte."""

    def __init__(self, binary: str, profile: str, log_path: str):
        commands_read, self._commands = os.pipe()
        self._messages, messages_write = os.pipe()

        def on_fds_3_and_4():  # in the child, before exec
            # Out of the way first: either pipe end may itself be fd 3 or 4.
            high_read = fcntl.fcntl(commands_read, fcntl.F_DUPFD, 10)
            high_write = fcntl.fcntl(messages_write, fcntl.F_DUPFD, 10)
            os.dup2(high_read, 3)
            os.dup2(high_write, 4)

        self._log = open(log_path, "wb")
        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             f"--user-data-dir={profile}", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--window-size=1280,960", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT, close_fds=False,
            preexec_fn=on_fds_3_and_4, start_new_session=True)
        os.close(commands_read)
        os.close(messages_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []

    def close(self):
        """Asks the browser to close, then ends its whole process group (renderers and helpers outlive the main
        process for a moment and still write to the profile)."""
        try:
            self.send("Browser.close", timeout=5)
        except (ProtocolError, TimeoutError, OSError):
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            pass
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            time.sleep(0.5)
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        os.close(self._commands)
        os.close(self._messages)
        self._log.close()

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._messages], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._messages, 1 << 16)
            if not chunk:
                raise ProtocolError(f"Chromium exited (code {self.process.poll()})")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method: str, params: dict | None = None, session: str | None = None,
             timeout: float = PAGE_TIMEOUT) -> dict:
        """One command; its result. Events that arrive meanwhile are kept in self.events."""
        self._next_id += 1
        command = {"id": self._next_id, "method": method, "params": params or {}}
        if session:
            command["sessionId"] = session
        os.write(self._commands, json.dumps(command).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            message = self._read_message(deadline)
            if message.get("id") == self._next_id:
                if "error" in message:
                    raise ProtocolError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, method: str, session: str, timeout: float = PAGE_TIMEOUT) -> dict:
        deadline = time.monotonic() + timeout
        seen = 0
        while True:
            for event in self.events[seen:]:
                if event.get("method") == method and event.get("sessionId") == session:
                    return event
            seen = len(self.events)
            self.events.append(self._read_message(deadline))


@dataclass
class Page:
    """One tab, with what went wrong in it."""
    browser: Chromium
    session: str
    problems: list[str] = field(default_factory=list)
    # The origins CORS preflights (OPTIONS) went to.
    preflights: set[str] = field(default_factory=set)

    @classmethod
    def open(cls, browser: Chromium) -> "Page":
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            browser.send(f"{domain}.enable", session=session)
        return cls(browser, session)

    def navigate(self, url: str):
        self.browser.events.clear()
        result = self.browser.send("Page.navigate", {"url": url}, self.session)
        if result.get("errorText"):
            self.problems.append(f"navigation failed: {result['errorText']}")
            return
        self.browser.wait_for("Page.loadEventFired", self.session)

    def evaluate(self, expression: str):
        result = self.browser.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                        "returnByValue": True}, self.session)
        if "exceptionDetails" in result:
            raise ProtocolError(f"{expression}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def screenshot(self, path: str):
        data = self.browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True},
                                 self.session)["data"]
        with open(path, "wb") as handle:
            handle.write(base64.b64decode(data))

    def collect_problems(self):
        """Console errors, uncaught exceptions and failed requests seen since the last navigation."""
        # A round trip, so events sent before it are in.
        self.browser.send("Runtime.evaluate", {"expression": "0"}, self.session)
        for event in self.browser.events:
            if event.get("sessionId") != self.session:
                continue
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                text = " ".join(str(arg.get("value", arg.get("description", ""))) for arg in params.get("args", []))
                self.problems.append(f"console.{params['type']}: {text}")
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                self.problems.append(f"uncaught: {details.get('exception', {}).get('description') or details.get('text')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                self.problems.append(f"log ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".strip())
            elif method == "Network.loadingFailed" and not params.get("canceled"):
                self.problems.append(f"request failed: {params.get('errorText')} ({params.get('type')})")
            elif method == "Network.requestWillBeSent" and (
                    params.get("type") == "Preflight" or params.get("initiator", {}).get("type") == "preflight"
                    or params.get("request", {}).get("method") == "OPTIONS"):
                url = urllib.parse.urlsplit(params["request"]["url"])
                self.preflights.add(f"{url.scheme}://{url.netloc}")
            elif method == "Network.responseReceived" and params.get("response", {}).get("status", 0) >= 400:
                response = params["response"]
                self.problems.append(f"HTTP {response['status']} for {response['url']}")
        self.browser.events.clear()


def wait_until(page: Page, expression: str, timeout: float = PAGE_TIMEOUT):
    """Polls `expression` in the page until it is truthy; its value, or None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(expression)
        if value:
            return value
        time.sleep(0.1)
    return None


def response_statuses(browser: Chromium, session: str) -> dict[str, list[int]]:
    """The statuses of the responses a page received since its events were last collected, by URL path (with
    its query)."""
    statuses: dict[str, list[int]] = {}
    for event in browser.events:
        if event.get("sessionId") == session and event.get("method") == "Network.responseReceived":
            url = urllib.parse.urlsplit(event["params"]["response"]["url"])
            path = url.path + ("?" + url.query if url.query else "")
            statuses.setdefault(path, []).append(event["params"]["response"]["status"])
    return statuses


def without_expected(problems: list[str], base: str, expected: dict[str, set[int]]) -> list[str]:
    """`problems` but the failed responses listed in `expected` (path -> statuses the page was seen to render as
    documented), and the console's "Failed to load resource" line Chromium writes for each of them."""
    def expected_problem(problem: str) -> bool:
        for path, statuses in expected.items():
            for status in statuses:
                if base + path in problem and (f"HTTP {status} " in problem or f"status of {status} " in problem):
                    return True
        return False
    return [problem for problem in problems if not expected_problem(problem)]


# The admin panel's sections for the backup routes (monitor.md §4.11): either rendered from a 200, or "no
# disponible" after a 404 (routes not deployed) or a 503 (no cloud configured, M14).
PANEL_BACKUP_SECTIONS = {"respaldo": "/api/backup/estado", "progreso": "/api/backup/progreso",
                         "respaldo-logs": "/api/backup/logs"}
PANEL_SECTIONS = ("salud", "diagnostico", "historial", "logs", *PANEL_BACKUP_SECTIONS)
PANEL_LEVEL = re.compile(r"^\[[^\]]*\] \[(ERROR|WARN|SUCCESS|INFO)\]")


def panel_checks(browser: Chromium, base: str, out_dir: str, verdict) -> None:
    """Monitor's admin panel (ruling M16) as an administrator uses it: a wrong password shows an error, the seeded
    admin logs in, health, diagnóstico and log lines render, the backup sections render or say "no disponible",
    and the export button answers. Fails on any console error or failed request but those the page renders."""
    page = Page.open(browser)
    page.navigate(base + "/panel.html")
    problems: list[str] = []
    if page.problems:
        verdict("monitor /panel.html opens", page.problems)
        return
    csp_blocked = page.evaluate("document.querySelector('link[rel=stylesheet]').sheet ? 0 : 1")

    # A wrong password: the error, not a blank page.
    page.evaluate("""(() => { document.getElementById('username').value = 'admin';
        document.getElementById('password').value = 'no-es-la-clave';
        document.getElementById('login').requestSubmit(); })()""")
    shown = wait_until(page, "!document.getElementById('login-error').hidden && document.getElementById('login-error').textContent")
    login_statuses = response_statuses(browser, page.session).get("/api/auth/login", [])
    page.collect_problems()
    wrong = [] if shown == "Credenciales inválidas" else [f"the error shown is {shown!r}"]
    if page.evaluate("document.getElementById('tablero').hidden") is not True:
        wrong.append("the dashboard shows after a wrong password")
    if page.evaluate("document.getElementById('acceso').hidden") is not False:
        wrong.append("the login form is gone after a wrong password")
    if login_statuses != [401]:
        wrong.append(f"POST /api/auth/login answered {login_statuses}")
    wrong += without_expected(page.problems, base, {"/api/auth/login": {401}})
    page.problems.clear()
    page.screenshot(os.path.join(out_dir, "monitor-panel-wrong-password.png"))
    verdict("monitor panel: a wrong password shows the server's error", wrong, repr(shown))

    # The seeded administrator.
    page.evaluate("""(() => { document.getElementById('username').value = 'admin';
        document.getElementById('password').value = 'ventanilla';
        document.getElementById('login').requestSubmit(); })()""")
    ready = wait_until(page, "document.body.dataset.panel === 'listo'")
    if not ready:
        problems.append(f"the panel did not finish loading (data-panel={page.evaluate('document.body.dataset.panel')!r})")
    state = page.evaluate(f"""(() => {{
        const out = {{}};
        for (const id of {json.dumps(PANEL_SECTIONS)}) {{
            const node = document.getElementById(id);
            out[id] = {{estado: node.dataset.estado, text: node.innerText}};
        }}
        out.checks = [...document.querySelectorAll('#diagnostico tbody tr')].map(tr => tr.cells[0].textContent);
        out.lines = [...document.querySelectorAll('#logs ol.lineas li')].map(li => [li.className, li.textContent]);
        out.token = sessionStorage.getItem('ventanilla.monitor.token') ? 1 : 0;
        return out;
    }})()""")
    statuses = response_statuses(browser, page.session)
    for section in ("salud", "diagnostico", "historial", "logs"):
        if state[section]["estado"] != "listo":
            problems.append(f"section {section}: {state[section]['estado']}: {state[section]['text'][:200]!r}")
    if "Responde" not in state["salud"]["text"]:
        problems.append(f"health does not show the database answering: {state['salud']['text'][:200]!r}")
    if sorted(state["checks"]) != sorted(["Backend", "Base de datos", "Disco", "Evidencias", "Frontend"]):
        problems.append(f"diagnóstico checks shown: {state['checks']}")
    if not state["lines"]:
        problems.append("no log line is shown")
    for class_name, line in state["lines"]:
        match = PANEL_LEVEL.match(line)
        level = match.group(1).lower() if match else "info"
        if class_name != "nivel-" + level:
            problems.append(f"log line coloured {class_name}, its level is {level}: {line[:120]!r}")
    if not state["token"]:
        problems.append("no token in sessionStorage")
    if csp_blocked:
        problems.append("the style sheet did not load (blocked by the policy?)")

    expected: dict[str, set[int]] = {}
    unavailable = []
    for section, path in PANEL_BACKUP_SECTIONS.items():
        seen = set(statuses.get(path, []))
        estado, text = state[section]["estado"], state[section]["text"]
        if seen and seen <= {404, 503}:
            expected[path] = seen
            unavailable.append(f"{path} {sorted(seen)}")
            if estado != "no-disponible" or "No disponible" not in text:
                problems.append(f"{path} answered {sorted(seen)} but {section} shows {estado}: {text[:120]!r}")
        elif seen != {200} or estado != "listo":
            problems.append(f"{path} answered {sorted(seen)}; {section} shows {estado}: {text[:120]!r}")

    # The bulk export button: started (200), already running (409), or not available (404/503), each shown.
    page.evaluate("document.getElementById('exportar').click()")
    result = wait_until(page, "document.getElementById('exportar-resultado').dataset.resultado")
    export_statuses = set(response_statuses(browser, page.session).get("/api/backup/exportar", []))
    shown_text = page.evaluate("document.getElementById('exportar-resultado').textContent")
    wanted = {200: "iniciada", 409: "en-curso", 404: "no-disponible", 503: "no-disponible"}
    if len(export_statuses) != 1 or wanted.get(next(iter(export_statuses))) != result:
        problems.append(f"POST /api/backup/exportar answered {sorted(export_statuses)}; the page shows {result!r}: {shown_text!r}")
    elif export_statuses & {404, 409, 503}:
        expected["/api/backup/exportar"] = export_statuses
    if result == "iniciada":  # the progress that follows has settled too
        wait_until(page, "document.getElementById('progreso').dataset.estado !== 'cargando'")

    # Progress polls while a run goes on; collect what came meanwhile with the rest.
    page.collect_problems()
    problems += without_expected(page.problems, base, expected)
    path = os.path.join(out_dir, "monitor-panel.png")
    page.screenshot(path)
    print(f"        screenshot: {path}")
    verdict("monitor panel: the admin logs in; health, diagnóstico, historial and log lines render", problems,
            f"{len(state['lines'])} log lines, checks {len(state['checks'])}, backup "
            + (f"no disponible ({', '.join(unavailable)})" if unavailable else "shown") + f", export {result}")


def main() -> int:
    out_dir = os.environ.get("VENTANILLA_BROWSER_OUT") or os.path.join(helpers.RUN_DIR or ".", "browser")
    page_url = os.environ["VENTANILLA_BROWSER_PAGE_URL"]
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or "chromium"
    os.makedirs(out_dir, exist_ok=True)
    passed = failed = 0

    def verdict(name: str, problems: list[str], detail: str = ""):
        nonlocal passed, failed
        if problems:
            failed += 1
            print(f"FAIL  {name}")
            for problem in problems:
                print(f"        {problem}")
        else:
            passed += 1
            print(f"ok    {name}{': ' + detail if detail else ''}")

    with tempfile.TemporaryDirectory(prefix="ventanilla-chromium-", ignore_cleanup_errors=True) as profile:
        browser = Chromium(binary, profile, os.path.join(out_dir, "chromium.log"))
        try:
            version = browser.send("Browser.getVersion")
            print(f"browser: {version.get('product')}, page origin {page_url}")

            # 1. The front end on its own origin.
            page = Page.open(browser)
            page.navigate(page_url + "/index.html")
            config = {module: helpers.BASE_URLS[module] for module in helpers.BASE_URLS}
            config["egresosStaffToken"] = helpers.linked_staff_token("empleado@element.com.mx")
            results = page.evaluate(f"ventanillaChecks({json.dumps(config)})") if not page.problems else []
            page.collect_problems()
            page.screenshot(os.path.join(out_dir, "cross-origin-front-end.png"))
            for result in results:
                verdict(f"cross-origin {result['name']}", [] if result["ok"] else [result["detail"]], result["detail"])
            verdict("the front-end page loads and runs with no console error or failed request", page.problems)
            unseen = sorted(set(helpers.BASE_URLS.values()) - page.preflights)
            verdict("the browser sent a CORS preflight to each module and went on", [f"no preflight to {u}" for u in unseen],
                    ", ".join(sorted(page.preflights)))

            # 2. Each module's landing page and reference.
            for module, base in helpers.BASE_URLS.items():
                for path, name in (("/", "landing"), ("/docs", "docs")):
                    page = Page.open(browser)
                    page.navigate(base + path)
                    title = page.evaluate("document.title") if not page.problems else ""
                    text = page.evaluate("document.body ? document.body.innerText.length : 0") if not page.problems else 0
                    page.collect_problems()
                    if not page.problems and not text:
                        page.problems.append("the page shows no text")
                    page.screenshot(os.path.join(out_dir, f"{module}-{name}.png"))
                    verdict(f"{module} {path} opens in a browser", page.problems, repr(title))

            # 3. Monitor's admin panel (ruling M16), through the test nginx.
            panel_checks(browser, helpers.BASE_URLS["monitor"], out_dir, verdict)
        finally:
            browser.close()

    print(f"screenshots in {out_dir}")
    print(f"browser: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
