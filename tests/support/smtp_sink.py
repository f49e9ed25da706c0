#!/usr/bin/env python3
"""A local SMTP sink for the Swift tests: `smtp_sink.py PORT DIRECTORY`.

Listens on 127.0.0.1:PORT (aiosmtpd, no TLS, no AUTH) and stores every message it accepts as one file in
DIRECTORY, written atomically (a temporary name, then a rename to `<ns>-<n>.eml`). Each file is the message
exactly as received, preceded by two headers that record the SMTP envelope:

    X-Sink-Mail-From: sender@example.com
    X-Sink-Rcpt-To: a@example.com, b@example.com

Recipients whose local part starts with `refuse` are refused with 550 and those starting with `tempfail` with
451, so tests can see the server refuse a message. Runs until SIGTERM or SIGINT.
"""
import itertools
import os
import signal
import sys
import threading
import time

from aiosmtpd.controller import Controller


class SinkHandler:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("refuse"):
            return "550 5.1.1 Mailbox unavailable (the test sink refuses it)"
        if local.startswith("tempfail"):
            return "451 4.3.0 Try again later (the test sink says so)"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content or b""
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        head = (
            f"X-Sink-Mail-From: {envelope.mail_from}\r\n"
            f"X-Sink-Rcpt-To: {', '.join(envelope.rcpt_tos)}\r\n"
        ).encode("utf-8")
        with self.lock:
            name = f"{time.time_ns()}-{next(self.counter)}"
        temporary = os.path.join(self.directory, f".{name}.tmp")
        with open(temporary, "wb") as handle:
            handle.write(head + content)
        os.replace(temporary, os.path.join(self.directory, f"{name}.eml"))
        return "250 Message accepted for delivery"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: smtp_sink.py PORT DIRECTORY")
    port, directory = int(sys.argv[1]), sys.argv[2]
    os.makedirs(directory, exist_ok=True)
    controller = Controller(SinkHandler(directory), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"smtp sink on 127.0.0.1:{port}, storing in {directory}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        while not stop.wait(1):
            pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
