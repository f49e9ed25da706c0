#!/usr/bin/env python3
"""The browser tier: headless Chromium (Debian's `chromium`) against the running stack.

1. A page on an origin of its own (tests/browser/site/, served by the test nginx) logs in to each module with the
   browser's fetch(), calls a protected route with the token (a CORS preflight first) and reads the JSON.
2. Each module's landing page `/` and its `/docs` reference open as a person would open them.

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
        finally:
            browser.close()

    print(f"screenshots in {out_dir}")
    print(f"browser: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
