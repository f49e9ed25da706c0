#!/usr/bin/env python3
"""The fuzz tier (ruling 10): schemathesis against each module's served /openapi.json, through nginx.

The three modules are fuzzed side by side (a lane each); for every module it runs twice, first with the token of an ordinary role, then with an administrator's, so what
only an administrator reaches is fuzzed too and the ordinary role's refusals are held to the document as well.
Each run uses the phases examples, coverage and fuzzing, the checks below, one fixed seed and a budget of cases per
operation (not of time: a time budget makes the set of cases depend on the machine's speed, so CI once met a case
no local run had generated), with no example database carried between runs; any finding fails the tier. A run
that outlives its wall-clock guard fails too. The stack must be up (scripts/test starts one on fresh databases).

    python3 tests/fuzz/run.py [MODULE ...]

Environment (scripts/test sets it):
    VENTANILLA_E2E_{MONITOR,TRANSPORTE,EGRESOS}_URL, VENTANILLA_E2E_RUN_DIR   the stack (as for tests/e2e)
    VENTANILLA_BIN               the `ventanilla` the stack runs (it mints Egresos staff tokens)
    VENTANILLA_FUZZ_PYTHONPATH   where schemathesis is installed (its `st` is in bin/ there)
    VENTANILLA_FUZZ_EXAMPLES     generated cases per operation in the fuzzing phase; default 150
    VENTANILLA_FUZZ_GUARD        the wall-clock guard of one run (one module, one role), seconds; default 600
    VENTANILLA_FUZZ_SEED         default 20261204; another seed explores other cases
    VENTANILLA_FUZZ_OUT          where each run's output and JUnit report go
    VENTANILLA_FUZZ_LANES        how many modules are fuzzed at once; default all of them (1: one after another)
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import Callable

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "e2e"))

import helpers  # noqa: E402  (tests/e2e/helpers.py: the stack's URLs, HTTP, the local Auth0 stand-in)

CHECKS = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_schema_conformance", "negative_data_rejection")
PHASES = ("examples", "coverage", "fuzzing")
DEV_PASSWORD = "ventanilla"  # the development seed's (README)


def _login(module: str, path: str, username: str, token_of: Callable[[dict], str]) -> str:
    body = json.dumps({"username": username, "password": DEV_PASSWORD})
    resp = helpers.request(module, "POST", path, body, {"Content-Type": "application/json"})
    if resp.status != 200:
        raise RuntimeError(f"{module}: logging in as {username} answered {resp}")
    return token_of(resp.json())


def monitor_token(username: str) -> str:
    return _login("monitor", "/api/auth/login", username, lambda body: body["token"])


def transporte_token(username: str) -> str:
    return _login("transporte", "/auth/login", username, lambda body: body["data"]["access_token"])


@dataclass
class Run:
    module: str
    role: str
    token: Callable[[], str]

    @property
    def name(self) -> str:
        return f"{self.module}-{self.role}"


RUNS = [
    Run("monitor", "operador", lambda: monitor_token("operador")),
    Run("monitor", "admin", lambda: monitor_token("admin")),
    Run("transporte", "solicitante", lambda: transporte_token("solicitante1")),
    Run("transporte", "admin", lambda: transporte_token("admin")),
    Run("egresos", "employee", lambda: helpers.linked_staff_token("empleado@element.com.mx")),
    Run("egresos", "admin", lambda: helpers.linked_staff_token("admin@element.com.mx")),
]

SUMMARY = re.compile(r"^\s*(\d+) generated, .*$", re.MULTILINE)
TESTED = re.compile(r"^\s*Tested: (\d+)", re.MULTILINE)


def schemathesis(run: Run, token: str, examples: int, guard: int, seed: int, out_dir: str) -> tuple[bool, str]:
    """One schemathesis run; (passed, its summary line). Its whole output goes to OUT_DIR/NAME.txt."""
    pythonpath = os.environ["VENTANILLA_FUZZ_PYTHONPATH"]
    command = [
        # schemathesis's command line with one correction for multipart bodies with files (launch.py says which).
        sys.executable, os.path.join(HERE, "launch.py"), "run", helpers.BASE_URLS[run.module] + "/openapi.json",
        "--header", f"Authorization: Bearer {token}",
        "--phases", ",".join(PHASES), "--checks", ",".join(CHECKS),
        "--seed", str(seed), "--max-examples", str(examples), "--generation-database", "none",
        # One worker: two once died inside schemathesis on Debian's Python 3.11 (AST recursion depth mismatch).
        "--workers", "1", "--request-timeout", "10", "--no-color",
        "--report", "junit", "--report-junit-path", os.path.join(out_dir, f"{run.name}.junit.xml"),
    ]
    env = dict(os.environ, PYTHONPATH=pythonpath)
    with open(os.path.join(out_dir, f"{run.name}.txt"), "w", encoding="utf-8") as log:
        try:
            proc = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  cwd=out_dir, timeout=guard)
        except subprocess.TimeoutExpired as expired:
            output = expired.stdout if isinstance(expired.stdout, str) else (expired.stdout or b"").decode(errors="replace")
            log.write(output)
            return False, f"outlived its {guard} s guard (VENTANILLA_FUZZ_GUARD); lower VENTANILLA_FUZZ_EXAMPLES"
        log.write(proc.stdout)
    tested = TESTED.search(proc.stdout)
    cases = SUMMARY.search(proc.stdout)
    summary = (f"{tested.group(1) if tested else '?'} operations tested, "
               f"{cases.group(0).strip() if cases else 'no summary (see the log)'}")
    if proc.returncode != 0:
        # The failures section names each operation, check and a curl line to reproduce it.
        sys.stdout.write(proc.stdout[proc.stdout.find("FAILURES"):] if "FAILURES" in proc.stdout else proc.stdout)
    return proc.returncode == 0 and cases is not None, summary


def main() -> int:
    wanted = set(sys.argv[1:])
    examples = int(os.environ.get("VENTANILLA_FUZZ_EXAMPLES", "150"))
    guard = int(os.environ.get("VENTANILLA_FUZZ_GUARD", "600"))
    seed = int(os.environ.get("VENTANILLA_FUZZ_SEED", "20261204"))
    out_dir = os.environ.get("VENTANILLA_FUZZ_OUT") or os.path.join(helpers.RUN_DIR or ".", "fuzz")
    os.makedirs(out_dir, exist_ok=True)
    runs = [run for run in RUNS if not wanted or run.module in wanted]
    # Every token first: a run hammers its module's login routes into nginx's rate limit (ruling 8), after which a
    # login from this address is refused for a while.
    tokens = {run.name: run.token() for run in runs}
    # One lane per module, the lanes at once (VENTANILLA_FUZZ_LANES=1 runs them one after another): each run is one
    # schemathesis process, mostly Python generating cases on one core, so modules side by side use both cores.
    lanes: dict[str, list[Run]] = {}
    for run in runs:
        lanes.setdefault(run.module, []).append(run)
    lock = threading.Lock()
    results: dict[str, tuple[bool, str]] = {}

    def lane(module_runs: list[Run]) -> None:
        for run in module_runs:
            with lock:
                print(f"fuzz: {run.name}: schemathesis, {examples} cases an operation, seed {seed}", flush=True)
            started = time.monotonic()
            ok, summary = schemathesis(run, tokens[run.name], examples, guard, seed, out_dir)
            summary += f" in {time.monotonic() - started:.0f} s"
            with lock:
                results[run.name] = (ok, summary)
                print(f"  {run.name:<24} {'ok  ' if ok else 'FAIL'}  {summary}", flush=True)

    parallel = int(os.environ.get("VENTANILLA_FUZZ_LANES", str(len(lanes))))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, parallel)) as pool:
        for future in [pool.submit(lane, module_runs) for module_runs in lanes.values()]:
            future.result()
    lines = [f"  {run.name:<24} {'ok  ' if results[run.name][0] else 'FAIL'}  {results[run.name][1]}" for run in runs]
    passed = sum(1 for run in runs if results[run.name][0])
    failed = len(runs) - passed
    print(f"fuzz summary (seed {seed}, {examples} cases an operation; logs and JUnit reports in {out_dir}):")
    print("\n".join(lines))
    print(f"fuzz: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
