"""A module process stopped (SIGTERM) or killed (SIGKILL) while the three modules take a write load through nginx.
Each module runs under its supervisor (scripts/lib/supervise.py), which holds the FastCGI socket and starts the
module again; requests that arrive in between wait in the socket's backlog. Per module:

- SIGTERM: no request fails at all (the ones in flight complete, the ones that arrive during the restart wait for
  the next process), no connection error, no 502; every acknowledged write reads back with its content; a new
  process answers 2xx within RESTART_WITHIN seconds of the signal.
- SIGKILL: every acknowledged write reads back; a request that fails got the module's 503 in its own JSON format
  (nginx's error_page), never a connection error; a new process answers 2xx within RESTART_WITHIN seconds.
- SIGKILL while large uploads stream to the module: the killed process's temporary upload files are removed when
  the next process starts, and so is a planted file of a dead process; a file of a live process stays.

Measured and printed: how long the stopped process took to exit under load, and the gap until a new one answered.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
import unittest
import uuid

from faults import Load, Outcome, ctl, is_module_503
from helpers import multipart, request, stack_setting
from writes import MODULES, creation, writer_headers

THREADS = 3  # writers per module
WARM_UP = 6  # finished writes per module before the signal
AFTER_RESTART = 1.0  # seconds the load keeps going once every module answers again
RESTART_WITHIN = 5.0  # seconds from the signal to a 2xx from the new process (measured: well under 1 s)
RUN = uuid.uuid4().hex[:8]
UPLOAD_SIZE = 24 * 1024 * 1024  # one evidencia of the SIGKILL-during-upload test (Monitor accepts up to 52 MiB)
DEAD_PID = 2_147_483_000  # above any pid_max: no process has it


def start_ticks(pid: int) -> int:
    """Field 22 of /proc/PID/stat: what the module writes into its temporary files' names (UploadOwner)."""
    with open(f"/proc/{pid}/stat") as stat:
        return int(stat.read().rsplit(")", 1)[1].split()[19])


def upload_owner_prefix(pid: int, ticks: int) -> str:
    """The name prefix of a temporary upload file of process PID on this host and boot (HTTPCore's UploadOwner)."""
    with open("/proc/sys/kernel/random/boot_id") as boot:
        boot_id = "".join(c for c in boot.read() if c in "0123456789abcdefABCDEF")[:8].lower()
    host = socket.gethostname().replace("/", "") or "localhost"
    return f"upload.{pid}.{ticks}.{boot_id}.{host}."


def exit_seconds(pid: int, since: float, timeout: float = 30) -> float:
    """Seconds from SINCE (monotonic) until process PID is gone."""
    deadline = time.monotonic() + timeout
    while os.path.exists(f"/proc/{pid}") and time.monotonic() < deadline:
        time.sleep(0.005)
    return time.monotonic() - since


class ModuleRestartTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.headers = writer_headers()

    def write(self, module: str, tag: str):
        """MODULE's creation under load (writes.py); the keys are read back through the API afterwards."""
        return creation(module, self.headers[module], f"FPR{RUN}{tag}")

    def assert_read_back(self, module: str, acked: list[Outcome]) -> None:
        """Every acknowledged write is there with the content sent."""
        get = lambda path: request(module, "GET", path, headers=self.headers[module], timeout=30)  # noqa: E731
        if module == "egresos":
            listed = get("/api/v1/customers")
            self.assertEqual(listed.status, 200, str(listed))
            stored = {c["id"]: c for c in listed.json()["customers"]}
        for outcome in acked:
            if module == "monitor":
                no, marca, observaciones = outcome.key
                found = get(f"/api/expedientes/{no}")
                self.assertEqual(found.status, 200, f"acknowledged {outcome.key} is gone: {found}")
                self.assertEqual((found.json()["marca"], found.json()["observaciones"]), (marca, observaciones))
            elif module == "transporte":
                ident = outcome.response.json()["data"]["Id"]
                found = get(f"/solicitud/{ident}")
                self.assertEqual(found.status, 200, f"acknowledged {outcome.key} (Id {ident}) is gone: {found}")
                data = found.json()["data"]
                self.assertEqual((data["Asunto"], data["Descripcion"]), outcome.key)
            else:
                ident = outcome.response.json()["customer"]["id"]
                self.assertIn(ident, stored, f"acknowledged {outcome.key} (id {ident}) is gone")
                self.assertEqual((stored[ident]["name"], str(stored[ident]["payment_conditions"])), outcome.key)

    # -- one signal under load ------------------------------------------------------------------------------

    def signal_under_load(self, signal: str, tag: str) -> dict[str, list[Outcome]]:
        loads = {m: Load(self.write(m, tag), threads=THREADS).start() for m in MODULES}
        try:
            for load in loads.values():
                load.wait_for(WARM_UP, timeout=30)
            old = {m: int(ctl("module-pid", m)) for m in MODULES}
            sent = {}
            for module in MODULES:
                sent[module] = time.monotonic()
                ctl("module-signal", module, signal)
            exited = {m: exit_seconds(old[m], sent[m]) for m in MODULES}
            for module in MODULES:
                new = int(ctl("module-wait-restarted", module, str(old[module]), "30"))
                gap = time.monotonic() - sent[module]
                print(f"\n  SIG{signal} {module}: pid {old[module]} exited {exited[module]:.3f}s after the signal; "
                      f"pid {new} answered 2xx {gap:.3f}s after it", file=sys.stderr)
                self.assertNotEqual(new, old[module])
                self.assertLess(gap, RESTART_WITHIN, f"{module} took {gap:.1f}s to come back after SIG{signal}")
            time.sleep(AFTER_RESTART)
        finally:
            outcomes = {m: load.stop() for m, load in loads.items()}
        for module in MODULES:
            done = outcomes[module]
            failed = [o for o in done if not o.acknowledged]
            print(f"  SIG{signal} {module}: {len(done)} writes, {len(done) - len(failed)} acknowledged, "
                  f"{len(failed)} failed", file=sys.stderr)
        return outcomes

    def assert_outcomes(self, outcomes: dict[str, list[Outcome]], failures_allowed: bool) -> None:
        """Every request got an answer (no connection error); a failure, where allowed at all, is the module's own
        503; every acknowledged write reads back."""
        for module in MODULES:
            with self.subTest(module=module):
                for outcome in outcomes[module]:
                    self.assertIsNotNone(outcome.response, f"{module}: {outcome.key}: {outcome.error}")
                    if failures_allowed and not outcome.acknowledged:
                        self.assertTrue(is_module_503(module, outcome.response),
                                        f"{module}: {outcome.key} answered {outcome.response}")
                    else:
                        self.assertTrue(outcome.acknowledged, f"{module}: {outcome.key} answered {outcome.response}")
                self.assert_read_back(module, [o for o in outcomes[module] if o.acknowledged])

    def test_sigterm_under_load_loses_nothing_fails_nothing_and_the_supervisor_restarts_it(self):
        self.assert_outcomes(self.signal_under_load("TERM", "term"), failures_allowed=False)

    def test_sigkill_under_load_loses_no_acknowledged_write_and_failures_are_the_modules_503(self):
        self.assert_outcomes(self.signal_under_load("KILL", "kill"), failures_allowed=True)

    # -- SIGKILL while uploads stream to disk ---------------------------------------------------------------

    def test_sigkill_during_uploads_leaves_no_temporary_file_of_the_killed_process(self):
        incoming = os.path.join(stack_setting("MONITOR_UPLOAD_DIR"), ".incoming")
        os.makedirs(incoming, mode=0o700, exist_ok=True)
        supervisor = int(ctl("module-supervisor-pid", "monitor"))
        dead_file = os.path.join(incoming, upload_owner_prefix(DEAD_PID, 1) + "Dead01")
        live_file = os.path.join(incoming, upload_owner_prefix(supervisor, start_ticks(supervisor)) + "Live01")
        for path in (dead_file, live_file):
            with open(path, "wb") as planted:
                planted.write(b"planted")
        try:
            no = f"FPR-{RUN}-upload"
            created = request("monitor", "POST", "/api/expedientes", body=json.dumps({"no_siniestro": no}),
                              headers={**self.headers["monitor"], "Content-Type": "application/json"})
            self.assertEqual(created.status, 201, str(created))
            body, content_type = multipart({"tipo": "evidencia"},
                                           {"archivo": ("grande.jpg", "image/jpeg", b"\xff\xd8" + os.urandom(UPLOAD_SIZE))})
            headers = {**self.headers["monitor"], "Content-Type": content_type}
            old = int(ctl("module-pid", "monitor"))
            prefix = upload_owner_prefix(old, start_ticks(old))

            def upload(_i: int):
                return None, request("monitor", "POST", f"/api/expedientes/{no}/evidencias", body=body,
                                     headers=headers, timeout=120)

            load = Load(upload, threads=4).start()
            try:
                # Kill the moment the module is streaming an upload to disk (a temporary file of its own exists).
                deadline = time.monotonic() + 30
                streaming: list[str] = []
                while not streaming:
                    self.assertLess(time.monotonic(), deadline, "no upload reached the module's temporary files")
                    streaming = [n for n in os.listdir(incoming) if n.startswith(prefix)]
                    time.sleep(0.002)
                ctl("module-signal", "monitor", "KILL")
                new = int(ctl("module-wait-restarted", "monitor", str(old), "30"))
                self.assertNotEqual(new, old)
            finally:
                outcomes = load.stop()
            left = [n for n in os.listdir(incoming) if n.startswith(prefix)]
            print(f"\n  SIGKILL monitor during uploads: killed while streaming {streaming}; "
                  f"{len(outcomes)} uploads, {sum(o.acknowledged for o in outcomes)} acknowledged; "
                  f"left behind after the restart: {left}", file=sys.stderr)
            self.assertEqual(left, [], "the killed process's temporary upload files outlived the next start")
            self.assertFalse(os.path.exists(dead_file), "a dead process's planted file was not removed")
            self.assertTrue(os.path.exists(live_file), "a live process's file was removed")
            for outcome in outcomes:
                self.assertIsNotNone(outcome.response, outcome.error)
                self.assertTrue(outcome.acknowledged or is_module_503("monitor", outcome.response), str(outcome.response))
        finally:
            for path in (dead_file, live_file):
                if os.path.exists(path):
                    os.unlink(path)


if __name__ == "__main__":
    unittest.main()
