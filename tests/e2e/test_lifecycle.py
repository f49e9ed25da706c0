"""The real binary's signal path: SIGTERM while a request is in flight.

Starts its own `ventanilla serve transporte` on a private unix socket (with the stack's database settings),
holds a request in flight by sending half of its body, sends SIGTERM, then completes the body: the request
must still get its whole answer, the process must exit 0, and its socket file must be gone.
Speaks FastCGI directly (nginx would buffer the body and hide the in-flight state).
"""

from __future__ import annotations

import os
import signal
import socket
import struct
import subprocess
import tempfile
import time
import unittest

from helpers import APPS_DOWN, RUN_DIR

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ.get("VENTANILLA_BIN") or os.path.join(ROOT, ".build", "release", "ventanilla")

BEGIN, PARAMS, STDIN, STDOUT, END = 1, 4, 5, 6, 3


def record(kind: int, content: bytes, request_id: int = 1) -> bytes:
    padding = (8 - len(content) % 8) % 8
    return struct.pack(">BBHHBx", 1, kind, request_id, len(content), padding) + content + b"\0" * padding


def name_value(name: str, value: str) -> bytes:
    def length(n: int) -> bytes:
        return bytes([n]) if n < 128 else struct.pack(">I", n | 0x80000000)
    n, v = name.encode(), value.encode()
    return length(len(n)) + length(len(v)) + n + v


def read_response(conn: socket.socket) -> tuple[bytes, bool]:
    """Reads records until END_REQUEST; returns the stdout bytes and whether END_REQUEST arrived."""
    out, buffer = b"", b""
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            return out, False
        buffer += chunk
        while len(buffer) >= 8:
            _, kind, _, length, padding = struct.unpack(">BBHHBx", buffer[:8])
            if len(buffer) < 8 + length + padding:
                break
            content = buffer[8:8 + length]
            buffer = buffer[8 + length + padding:]
            if kind == STDOUT:
                out += content
            elif kind == END:
                return out, True


@unittest.skipIf(APPS_DOWN or not RUN_DIR, "needs the running stack's database (scripts/test e2e tier)")
class GracefulShutdownTest(unittest.TestCase):
    def test_sigterm_finishes_the_request_in_flight_and_exits_zero(self):
        self.assertTrue(os.access(BINARY, os.X_OK), f"{BINARY} is not built")
        with tempfile.TemporaryDirectory() as directory:
            sock_path = os.path.join(directory, "transporte.sock")
            command = (f'set -a; . "{RUN_DIR}/stack.env"; set +a; export LOG_LEVEL=warning; '
                       f'exec "{BINARY}" serve transporte --socket "{sock_path}" --workers 2')
            process = subprocess.Popen(["bash", "-c", command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                deadline = time.monotonic() + 10
                while not os.path.exists(sock_path):
                    self.assertIsNone(process.poll(), "the server exited before listening")
                    self.assertLess(time.monotonic(), deadline, "the server did not create its socket")
                    time.sleep(0.02)

                body = b'{"a": 1}  '
                conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                conn.settimeout(10)
                conn.connect(sock_path)
                params = b"".join(name_value(k, v) for k, v in [
                    ("REQUEST_METHOD", "GET"), ("DOCUMENT_URI", "/root"), ("QUERY_STRING", ""),
                    ("CONTENT_TYPE", "application/json"), ("CONTENT_LENGTH", str(len(body))),
                    ("REMOTE_ADDR", "127.0.0.1")])
                conn.sendall(record(BEGIN, struct.pack(">HB5x", 1, 0)) + record(PARAMS, params) + record(PARAMS, b"")
                             + record(STDIN, body[:4]))
                time.sleep(0.3)  # the worker is now blocked reading the rest of the body

                process.send_signal(signal.SIGTERM)
                time.sleep(0.3)
                self.assertIsNone(process.poll(), "the server must wait for the request in flight")

                conn.sendall(record(STDIN, body[4:]) + record(STDIN, b""))
                output, ended = read_response(conn)
                conn.close()
                self.assertTrue(ended, "the request in flight was cut off")
                head, _, payload = output.partition(b"\r\n\r\n")
                self.assertIn(b"Status: 200", head)
                self.assertIn(b'"success":true', payload)

                self.assertEqual(process.wait(timeout=15), 0)
                self.assertFalse(os.path.exists(sock_path), "the socket file was left behind")
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
                process.stderr.close()
