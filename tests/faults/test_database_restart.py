"""The database stopped cleanly, and killed with SIGKILL (InnoDB crash recovery), while the three modules take a
bounded write load through nginx; then started again. Afterwards, per module:

- every write answered 2xx is in the database with the content sent (read back as root over the stack's socket);
- every other request got a 503 in the module's own JSON format: never a 502 or HTML page, never a connection error,
  never a hang (the slowest answer is recorded and must stay far below nginx's fastcgi_read_timeout);
- the module acknowledges writes again within 5 s of the database being back, without a restart;
- Transporte's solicitud codes of each month are exactly 1..n over every row, also the rows whose creation was
  committed but answered 503 (an unacknowledged write may exist; an acknowledged one must).
"""

from __future__ import annotations

import re
import sys
import time
import unittest
import uuid
from concurrent.futures import ThreadPoolExecutor

from faults import Load, Outcome, ctl, sql, is_module_503, wait_until_answers
from helpers import delivered_mail, request
from test_database_down import READS
from writes import MODULES, creation, writer_headers

THREADS = 3  # per module: nine writers at once over eight workers per module
WARM_UP = 8  # acknowledged writes per module before the fault
DOWN_SECONDS = 1.5  # how long the database stays down (the writers keep going: they must get 503s)
HEALED_WITHIN = 5.0  # seconds after the database is back by which every module must acknowledge writes again
AFTER_BACK = 8.0  # the longest the load runs after the database is back
NGINX_READ_TIMEOUT = 60.0  # nginx/http.conf fastcgi_read_timeout, the limit no answer may reach
SLOWEST_ALLOWED = 15.0  # what a healthy module must stay under during a restart (a hang would reach the above)
RUN = uuid.uuid4().hex[:8]
CODE = re.compile(r"^SOL-(\d{4})-(\d{2})-(\d{8,})$")
# Routes no module has: answered by the module itself (a JSON 404) without the database.
UNKNOWN = {"monitor": "/api/no-such-route", "transporte": "/no-such-route", "egresos": "/api/v1/no-such-route"}


class DatabaseRestartTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.headers = writer_headers()

    def write(self, module: str, tag: str):
        """MODULE's creation under load; every key of it starts with this run's and TAG's label."""
        return creation(module, self.headers[module], self.label(tag))

    @staticmethod
    def label(tag: str) -> str:
        return f"FDB{RUN}{tag}"

    def stored(self, module: str, tag: str) -> set[tuple[str, ...]]:
        """The rows of this run and TAG as the same tuples the writes keep as their keys (writes.py)."""
        label = self.label(tag)
        if module == "monitor":
            rows = sql("monitor", f"SELECT no_siniestro, marca, observaciones FROM expediente "
                                  f"WHERE no_siniestro LIKE '{label}-%'")
        elif module == "transporte":
            rows = sql("transporte", f"SELECT Asunto, Descripcion FROM Solicitud WHERE Asunto LIKE '{label} %'")
        else:
            rows = sql("egresos", f"SELECT name, payment_conditions FROM customers "
                                  f"WHERE name LIKE '{label}%' AND deleted_at IS NULL")
        return {tuple(row) for row in rows}

    # -- one fault under load -------------------------------------------------------------------------------

    def run_under_load(self, fault: str, tag: str) -> tuple[dict[str, list[Outcome]], float]:
        """Starts the writers, causes FAULT (db-stop or db-kill), starts the database again and keeps the load
        until every module acknowledged a write started after that (or AFTER_BACK passed). Returns the outcomes
        per module and the monotonic instant the database was back."""
        loads = {m: Load(self.write(m, tag), threads=THREADS).start() for m in MODULES}
        try:
            deadline = time.monotonic() + 30
            while any(sum(o.acknowledged for o in loads[m].snapshot()) < WARM_UP for m in MODULES):
                self.assertLess(time.monotonic(), deadline, "the writers got no acknowledged writes before the fault")
                time.sleep(0.05)
            ctl(fault)
            time.sleep(DOWN_SECONDS)
            ctl("db-start")
            back = time.monotonic()
            while time.monotonic() < back + AFTER_BACK:
                if all(any(o.acknowledged and o.started >= back for o in loads[m].snapshot()) for m in MODULES):
                    break
                time.sleep(0.05)
            time.sleep(0.3)  # a few more acknowledged writes after healing
        finally:
            outcomes = {m: load.stop() for m, load in loads.items()}
        return outcomes, back

    def check(self, fault: str, tag: str) -> None:
        outcomes, back = self.run_under_load(fault, tag)
        for module in MODULES:
            done = outcomes[module]
            acked = [o for o in done if o.acknowledged]
            failed = [o for o in done if not o.acknowledged]
            slowest = max(o.finished - o.started for o in done)
            healed = min((o.finished - back for o in acked if o.started >= back), default=float("inf"))
            print(f"\n  {fault} {module}: {len(done)} writes, {len(acked)} acknowledged, {len(failed)} refused; "
                  f"slowest {slowest:.2f}s; first acknowledged write {healed:.2f}s after the database was back",
                  file=sys.stderr)
            with self.subTest(module=module, check="every refusal is the module's own 503"):
                self.assertTrue(failed, f"{module}: no write met the outage (the test proved nothing)")
                for outcome in failed:
                    self.assertIsNotNone(outcome.response, f"{module}: {outcome.key}: {outcome.error}")
                    self.assertTrue(is_module_503(module, outcome.response),
                                    f"{module}: {outcome.key} answered {outcome.response}")
            with self.subTest(module=module, check="no answer hangs"):
                self.assertLess(slowest, min(SLOWEST_ALLOWED, NGINX_READ_TIMEOUT),
                                f"{module}: the slowest write took {slowest:.1f}s")
            with self.subTest(module=module, check="heals within 5 s"):
                self.assertLess(healed, HEALED_WITHIN, f"{module}: no write acknowledged within {HEALED_WITHIN}s "
                                                       f"of the database being back")
            with self.subTest(module=module, check="every acknowledged write is stored with its content"):
                stored = self.stored(module, tag)
                missing = [o.key for o in acked if o.key not in stored]
                self.assertEqual(missing, [], f"{module}: acknowledged writes lost or changed after {fault}")
                # An unacknowledged write may be stored (its COMMIT outcome was unknown), but only as it was sent.
                sent = {o.key for o in done if o.response is not None}
                self.assertEqual(stored - sent, set(), f"{module}: rows nobody sent")
        self.assertCodesAreOneToN()

    def assertCodesAreOneToN(self):
        """Every committed solicitud (deleted, unacknowledged and other tests' included) has a real code, and
        each month's correlatives are exactly 1..n."""
        months: dict[tuple[str, str], list[int]] = {}
        for (code,) in sql("transporte", "SELECT CodigoSolicitud FROM Solicitud"):
            match = CODE.match(code)
            self.assertIsNotNone(match, f"a committed solicitud has the code {code!r}")
            self.assertNotEqual(match.group(1), "0000", f"a provisional code was committed: {code}")
            months.setdefault((match.group(1), match.group(2)), []).append(int(match.group(3)))
        for month, numbers in months.items():
            self.assertEqual(sorted(numbers), list(range(1, len(numbers) + 1)),
                             f"the codes of {month} are not 1..n")

    def test_a_database_stopped_cleanly_under_write_load(self):
        self.check("db-stop", "s")

    def test_b_database_killed_under_write_load(self):
        self.check("db-kill", "k")

    def test_c_a_module_started_with_the_database_down_serves_503_and_heals(self):
        """An operator restarting a module during a database outage gets a module that starts, answers its own
        503 for what needs the database, and serves again once the database is back, without another restart."""
        ctl("db-stop")
        try:
            # SIGTERM, and the supervisor starts a new process (scripts/lib/supervise.py) while the database is down.
            old = {module: ctl("module-pid", module).strip() for module in MODULES}
            for module in MODULES:
                ctl("module-signal", module, "TERM")
            for module in MODULES:
                deadline = time.monotonic() + 20
                while self.pid(module) in (None, old[module]):
                    self.assertLess(time.monotonic(), deadline, f"{module} was not started again after SIGTERM")
                    time.sleep(0.05)
            for module in MODULES:
                deadline = time.monotonic() + 30
                while True:
                    self.assertTrue(self.alive(module), f"{module} exited when started with the database down")
                    answer = request(module, "GET", UNKNOWN[module], headers=self.headers[module])
                    if answer.status == 404 and answer.content_type.startswith("application/json"):
                        break
                    self.assertLess(time.monotonic(), deadline, f"{module} did not start: {answer}")
                    time.sleep(0.1)
                resp = request(module, "GET", READS[module], headers=self.headers[module], timeout=30)
                self.assertTrue(is_module_503(module, resp), f"{module} with the database down: {resp}")
        finally:
            ctl("db-start")
        for module in MODULES:
            took = wait_until_answers(module, READS[module], timeout=HEALED_WITHIN, headers=self.headers[module])
            self.assertLess(took, HEALED_WITHIN, f"{module} answered 2xx {took:.1f}s after the database came back")
            self.assertTrue(self.alive(module))

    def test_d_the_first_writes_after_a_quiet_restart_all_succeed(self):
        """The database restarts while nobody writes: every worker's idle connection is now dead, and the writes
        that follow (on every worker) must all be acknowledged and stored: a dead idle connection is replaced
        before anything is sent on it, never answered 503."""
        workers = 8  # scripts/test's WORKERS: as many writers at once, so every worker takes some

        def burst(tag: str) -> dict[str, list]:
            results = {}
            with ThreadPoolExecutor(workers * len(MODULES)) as pool:
                for module in MODULES:
                    results[module] = list(pool.map(self.write(module, tag), range(3 * workers)))
            return results

        burst("w")  # every worker of every module holds a connection now
        for fault in ("db-stop", "db-kill"):
            ctl(fault)
            ctl("db-start")
            tag = "q" + fault[3]
            results_of = burst(tag)
            for module, results in results_of.items():
                refused = [f"{key}: {resp}" for key, resp in results if not 200 <= resp.status < 300]
                self.assertEqual(refused, [], f"{module}: writes refused after a quiet {fault}")
                stored = self.stored(module, tag)
                self.assertEqual({key for key, _ in results} - stored, set(), f"{module}: acknowledged, not stored")
        # Transporte's mail sender (its own thread and connection) outlived both restarts: the confirmation of a
        # solicitud created after them is delivered.
        code = results_of["transporte"][-1][1].json()["data"]["CodigoSolicitud"]
        self.assertTrue(delivered_mail(lambda message: code in str(message["Subject"]), timeout=30),
                        f"no mail for {code} after the restarts")

    @staticmethod
    def alive(module: str) -> bool:
        return DatabaseRestartTest.pid(module) is not None

    @staticmethod
    def pid(module: str) -> str | None:
        """The pid of MODULE's serve process, or None while none lives."""
        try:
            return ctl("module-pid", module).strip()
        except RuntimeError:
            return None


if __name__ == "__main__":
    unittest.main()
