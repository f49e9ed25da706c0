"""Shared pieces of the faults tier: the hands on the stack (scripts/lib/faultctl) and a bounded concurrent load
whose every request is recorded, so a test can say afterwards which writes were acknowledged and check each one.

Stdlib only, plus tests/e2e/helpers.py (HTTP through nginx, logins). Environment (scripts/test's tier_faults):
    VENTANILLA_FAULTCTL     scripts/lib/faultctl
    RUN_DIR                 the stack's run directory (also VENTANILLA_E2E_RUN_DIR)
"""

from __future__ import annotations

import os
import select
import subprocess
import threading
import time
from dataclasses import dataclass
from typing import Callable

from helpers import NGINX_503, Response, request

FAULTCTL = os.environ.get("VENTANILLA_FAULTCTL", "")


def ctl(*args: str, timeout: float = 120) -> str:
    """Runs `faultctl ARGS...` and returns its standard output; raises when it fails."""
    if not FAULTCTL:
        raise RuntimeError("VENTANILLA_FAULTCTL is not set (run the tier through scripts/test faults)")
    done = subprocess.run([FAULTCTL, *args], capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"faultctl {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


@dataclass
class Outcome:
    """One request of a load: what was sent (KEY identifies it to the test), when, and what came back."""

    key: object
    started: float
    finished: float
    response: Response | None  # None when the connection failed or timed out
    error: str = ""

    @property
    def acknowledged(self) -> bool:
        return self.response is not None and 200 <= self.response.status < 300


# One request of a load: I (0, 1, 2, ...) -> (KEY, Response). KEY is whatever the test needs to find the write later.
Operation = Callable[[int], "tuple[object, Response]"]


class Load:
    """THREADS threads call OPERATION(i) with increasing i until stop(); every call becomes an Outcome. A call that
    raises (connection refused, timeout) is recorded with its error instead of a response."""

    def __init__(self, operation: Operation, threads: int = 4):
        self.operation = operation
        self.threads = threads
        self.outcomes: list[Outcome] = []
        self._lock = threading.Lock()
        self._next = 0
        self._stop = threading.Event()
        self._workers: list[threading.Thread] = []

    def _take(self) -> int:
        with self._lock:
            self._next += 1
            return self._next - 1

    def _run(self) -> None:
        while not self._stop.is_set():
            i = self._take()
            started = time.monotonic()
            try:
                key, resp = self.operation(i)
                outcome = Outcome(key, started, time.monotonic(), resp)
            except Exception as exc:  # noqa: BLE001 - every failure is an outcome to judge
                outcome = Outcome(i, started, time.monotonic(), None, f"{type(exc).__name__}: {exc}")
            with self._lock:
                self.outcomes.append(outcome)

    def start(self) -> "Load":
        for _ in range(self.threads):
            worker = threading.Thread(target=self._run, daemon=True)
            worker.start()
            self._workers.append(worker)
        return self

    def stop(self, timeout: float = 120) -> list[Outcome]:
        """Stops issuing requests, waits for the ones in flight, returns every outcome in start order."""
        self._stop.set()
        for worker in self._workers:
            worker.join(timeout)
        with self._lock:
            return sorted(self.outcomes, key=lambda o: o.started)

    def count(self) -> int:
        with self._lock:
            return len(self.outcomes)

    def snapshot(self) -> list[Outcome]:
        """The outcomes finished so far (the load keeps running), in finishing order."""
        with self._lock:
            return list(self.outcomes)

    def wait_for(self, n: int, timeout: float = 60) -> None:
        """Blocks until at least N requests have finished (the load is under way)."""
        deadline = time.monotonic() + timeout
        while self.count() < n:
            if time.monotonic() > deadline:
                raise TimeoutError(f"only {self.count()} of {n} requests finished in {timeout}s")
            time.sleep(0.02)


def is_module_503(module: str, resp: Response) -> bool:
    """RESP is a 503 in MODULE's own JSON format: the module's own error or nginx's (NGINX_503)."""
    if resp.status != 503 or not resp.content_type.startswith("application/json"):
        return False
    try:
        body = resp.json()
    except ValueError:
        return False
    if body == NGINX_503[module]:
        return True
    shape = {"monitor": {"error"}, "transporte": {"success", "message", "data", "errors"},
             "egresos": {"code", "message"}}[module]
    return isinstance(body, dict) and shape <= set(body)


def wait_until_answers(module: str, path: str, timeout: float = 30, headers: dict[str, str] | None = None) -> float:
    """Polls PATH until it answers 2xx; returns the seconds it took. Raises TimeoutError."""
    started = time.monotonic()
    while True:
        try:
            if 200 <= request(module, "GET", path, headers=headers, timeout=5).status < 300:
                return time.monotonic() - started
        except OSError:
            pass
        if time.monotonic() - started > timeout:
            raise TimeoutError(f"{module} {path} did not answer 2xx within {timeout}s")
        time.sleep(0.05)


def sql(database: str, statements: str) -> list[list[str]]:
    """Runs STATEMENTS with the mariadb client as root on DATABASE over the stack's socket (`faultctl sql`, on its
    standard input, so any length); returns the rows of the last result, each a list of its tab-separated fields
    (NULL as the text "NULL"), in the order the query gives."""
    if not FAULTCTL:
        raise RuntimeError("VENTANILLA_FAULTCTL is not set (run the tier through scripts/test faults)")
    done = subprocess.run([FAULTCTL, "sql", database], input=statements, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"faultctl sql {database} failed ({done.returncode}): {done.stderr.strip()}")
    return [line.split("\t") for line in done.stdout.splitlines() if line]


def hold_lock(database: str, statements: str, seconds: float, within: float = 30) -> subprocess.Popen:
    """Starts the mariadb client in the background: START TRANSACTION, STATEMENTS (which take row locks, e.g.
    SELECT ... FOR UPDATE), SLEEP(SECONDS), ROLLBACK, and returns once STATEMENTS have run (the client prints a marker
    after them, unbuffered), so the locks are held from then until it ends; wait() on the result. Raises with the
    server's process list when that takes longer than WITHIN seconds or the client ends first."""
    if not FAULTCTL:
        raise RuntimeError("VENTANILLA_FAULTCTL is not set (run the tier through scripts/test faults)")
    holder = subprocess.Popen([FAULTCTL, "sql", database, "--unbuffered"], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    holder.stdin.write(f"START TRANSACTION; {statements}; SELECT 'locks taken'; SELECT SLEEP({seconds}); "
                       "ROLLBACK;\n".encode())
    holder.stdin.close()
    deadline = time.monotonic() + within
    seen = b""
    while b"locks taken" not in seen:
        left = deadline - time.monotonic()
        ready = select.select([holder.stdout], [], [], max(left, 0))[0] if left > 0 else []
        chunk = os.read(holder.stdout.fileno(), 4096) if ready else b""
        if not chunk:
            if ready or left <= 0:
                holder.kill()
                err = holder.stderr.read().decode(errors="replace") if holder.stderr else ""
                processes = sql(database, "SELECT ID, USER, DB, COMMAND, TIME, STATE, LEFT(INFO, 120) "
                                          "FROM information_schema.PROCESSLIST")
                raise RuntimeError(f"the mariadb client did not take the locks within {within}s "
                                   f"(exit {holder.poll()}, stderr {err!r}); processes: {processes}")
            continue
        seen += chunk
    return holder