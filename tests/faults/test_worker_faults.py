"""Worker threads that fault or hang (issue 17), through nginx with real requests.

- A request blocked by a row lock another session holds (the mariadb client here) is cut by the connection's
  statement limit (MONITOR_DB_STATEMENT_TIMEOUT_SECONDS; 30 s by default, shortened by the faults tier) and answered
  with the module's 503 before InnoDB's lock wait (50 s) and nginx's 60 s; while it hangs, the module's other workers
  keep answering; afterwards the same writes succeed.
- A client that disconnects mid-upload (nginx buffers request bodies, so the module never sees a partial body)
  leaves the module serving, no temporary or partial file, and no row pointing at a missing file.
- A client that disconnects while a large response is written (a Monitor form) leaves the process serving (same pid).
- Transporte's registry hanging: after a few timeouts its breaker opens, and its routes answer 503 at once instead of
  holding a worker for the timeout each; the rest of the module keeps answering.
"""

import json
import os
import socket
import threading
import time
import unittest

from faults import ctl, hold_lock, is_module_503, sql
from helpers import (BASE_URLS, RUN_DIR, MonitorTestCase, TransporteTestCase, multipart, request, staff_token)

STATEMENT_LIMIT = float(os.environ.get("MONITOR_DB_STATEMENT_TIMEOUT_SECONDS", "30"))


def files_under(root: str) -> list[str]:
    """Every regular file under ROOT (relative paths); none when it does not exist."""
    found = []
    for directory, _, names in os.walk(root):
        found += [os.path.relpath(os.path.join(directory, name), root) for name in names]
    return found


def hang_up_mid_body(module: str, path: str, headers: dict[str, str], declared: int, sent: bytes) -> None:
    """Sends PATH's request line and headers with CONTENT-LENGTH DECLARED, then only SENT, then closes."""
    host, port = BASE_URLS[module].split("//")[1].split(":")
    head = f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {declared}\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in headers.items()) + "\r\n"
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head.encode() + sent)
        time.sleep(0.2)


class WorkerFaultTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.monitor = MonitorTestCase()
        cls.transporte = TransporteTestCase()
        cls.monitor_auth = {"Authorization": "Bearer " + cls.monitor.token("admin")}

    def expediente(self, prefix: str) -> str:
        no = f"{prefix}-{time.time_ns()}"
        resp = request("monitor", "POST", "/api/expedientes", json.dumps({"no_siniestro": no}),
                       headers={**self.monitor_auth, "Content-Type": "application/json"})
        self.assertEqual(resp.status, 201, str(resp))
        return no

    def put(self, no: str, factura: str):
        return request("monitor", "PUT", f"/api/expedientes/{no}", json.dumps({"factura": factura}),
                       headers={**self.monitor_auth, "Content-Type": "application/json"}, timeout=90)

    def test_a_request_blocked_by_a_row_lock_gets_the_503_at_the_statement_limit_and_the_other_workers_answer(self):
        no = self.expediente("BLOQUEO")
        holder = hold_lock("monitor", f"SELECT no_siniestro FROM expediente WHERE no_siniestro = '{no}' FOR UPDATE",
                           STATEMENT_LIMIT + 8)
        try:
            # Three of the module's eight workers hang on the lock.
            blocked: list = []
            def blocked_put(i):
                started = time.monotonic()
                resp = self.put(no, f"F-{i}")
                blocked.append((resp, time.monotonic() - started))
            threads = [threading.Thread(target=blocked_put, args=(i,)) for i in range(3)]
            for thread in threads:
                thread.start()
            time.sleep(0.5)
            # Meanwhile the module answers its other requests, each at once.
            for _ in range(20):
                started = time.monotonic()
                resp = request("monitor", "GET", f"/api/expedientes/{no}", headers=self.monitor_auth, timeout=10)
                self.assertEqual(resp.status, 200, str(resp))
                self.assertLess(time.monotonic() - started, 2)
            self.assertTrue(all(thread.is_alive() for thread in threads), "the locked writes are still waiting")
            for thread in threads:
                thread.join(90)
        finally:
            holder.wait(STATEMENT_LIMIT + 30)
        self.assertEqual(len(blocked), 3)
        for resp, took in blocked:
            self.assertTrue(is_module_503("monitor", resp), str(resp))
            self.assertEqual(resp.json(), {"error": "Servicio no disponible"})
            self.assertGreaterEqual(took, STATEMENT_LIMIT - 1, f"answered after {took:.1f}s")
            self.assertLess(took, STATEMENT_LIMIT + 5, f"answered after {took:.1f}s: the limit did not fire")
        # The lock is gone: the same write succeeds, on workers that came back.
        for i in range(8):
            self.assertEqual(self.put(no, f"G-{i}").status, 200)
        self.assertEqual(sql("monitor", f"SELECT factura FROM expediente WHERE no_siniestro = '{no}'"), [["G-7"]])

    def upload_dirs(self, module: str) -> str:
        return os.path.join(RUN_DIR, "data", module, "uploads")

    @staticmethod
    def evidencias_dir() -> str:
        return os.environ.get("MONITOR_EVIDENCIAS_DIR") or os.path.join(RUN_DIR, "data", "monitor", "evidencias")

    def test_a_client_that_disconnects_mid_upload_leaves_no_file_and_no_row(self):
        no = self.expediente("SUBIDA")
        body, content_type = multipart(files={"archivo": ("foto.jpg", "image/jpeg", b"\xff" * (4 * 1024 * 1024))})
        before = {"monitor": files_under(self.evidencias_dir()), "egresos": files_under(self.upload_dirs("egresos"))}
        customers = sql("egresos", "SELECT COUNT(*) FROM customers")
        staff = {"Authorization": "Bearer " + staff_token("admin@element.com.mx")}
        for _ in range(3):
            hang_up_mid_body("monitor", f"/api/expedientes/{no}/evidencias",
                             {**self.monitor_auth, "Content-Type": content_type}, len(body), body[: len(body) // 3])
            hang_up_mid_body("egresos", "/api/v1/customers", {**staff, "Content-Type": content_type}, len(body),
                             body[: len(body) // 3])
        # Whole bodies whose client leaves at once, before any answer: the module may or may not store them, but
        # never half of one.
        for _ in range(3):
            hang_up_mid_body("monitor", f"/api/expedientes/{no}/evidencias",
                             {**self.monitor_auth, "Content-Type": content_type}, len(body), body)
        time.sleep(1)
        listed = request("monitor", "GET", f"/api/expedientes/{no}/evidencias", headers=self.monitor_auth)
        self.assertEqual(listed.status, 200, str(listed))
        self.assertEqual(request("egresos", "GET", "/api/v1/users/profile", headers=staff).status, 200)
        self.assertEqual(sql("egresos", "SELECT COUNT(*) FROM customers"), customers)
        rows = sql("monitor", f"SELECT ruta FROM evidencia WHERE no_siniestro = '{no}'")
        for (ruta,) in rows:
            path = os.path.join(self.evidencias_dir(), ruta.removeprefix("/evidencias/"))
            self.assertTrue(os.path.isfile(path), f"row points at a missing file: {ruta}")
            self.assertEqual(os.path.getsize(path), 4 * 1024 * 1024, f"a partial file: {ruta}")
        for module in ("monitor", "egresos"):
            incoming = files_under(os.path.join(self.upload_dirs(module), ".incoming"))
            self.assertEqual(incoming, [], f"{module}: temporary parts left behind")
        new = set(files_under(self.upload_dirs("egresos"))) - set(before["egresos"])
        self.assertEqual(new, set(), "egresos: files stored for a body that never arrived")
        new = set(files_under(self.evidencias_dir())) - set(before["monitor"])
        self.assertEqual(len(new), len(rows), f"monitor: files without a row, or rows without a file: {new}")

    def test_a_client_that_disconnects_during_a_large_response_leaves_the_process_serving(self):
        no = self.expediente("FORMATO")
        pid = ctl("module-pid", "monitor").strip()
        host, port = BASE_URLS["monitor"].split("//")[1].split(":")
        head = (f"GET /api/formatos/{no} HTTP/1.1\r\nHost: {host}\r\nAuthorization: {self.monitor_auth['Authorization']}"
                "\r\nConnection: close\r\n\r\n").encode()
        for _ in range(20):
            with socket.create_connection((host, int(port)), timeout=10) as sock:
                sock.sendall(head)
                sock.recv(64)  # the answer has started; leave in the middle of it
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        for _ in range(10):
            resp = request("monitor", "GET", f"/api/formatos/{no}", headers=self.monitor_auth)
            self.assertEqual(resp.status, 200, str(resp))
        self.assertEqual(ctl("module-pid", "monitor").strip(), pid, "the module process was replaced")

    def test_a_hanging_registry_opens_the_breaker_so_workers_are_not_held_for_the_timeout(self):
        token = {"Authorization": "Bearer " + self.transporte.token("admin")}
        timeout = int(os.environ.get("TRANSPORTE_REGISTRY_TIMEOUT_MS", "10000")) / 1000
        # Five concurrent calls to the fake's slow plate: five timeouts (504) open the breaker (5 failures).
        slow: list = []
        def ask():
            slow.append(request("transporte", "GET", "/vehiculo/consulta-placa/S0000001", headers=token, timeout=90))
        threads = [threading.Thread(target=ask) for _ in range(5)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(90)
        self.assertEqual(sorted(r.status for r in slow), [504] * 5, [str(r) for r in slow])
        # Open: every call answers the module's 503 at once, the registry is not asked.
        for _ in range(16):
            started = time.monotonic()
            resp = request("transporte", "GET", "/vehiculo/consulta-placa/S0000001", headers=token, timeout=30)
            self.assertTrue(is_module_503("transporte", resp), str(resp))
            self.assertIn("no está disponible por ahora", resp.json()["message"])
            self.assertLess(time.monotonic() - started, min(timeout, 2), "an open breaker answers at once")
        # The rest of the module answers meanwhile.
        self.assertEqual(request("transporte", "GET", "/solicitud?por_pagina=1", headers=token).status, 200)


if __name__ == "__main__":
    unittest.main()
