#!/usr/bin/env python3
"""The module supervisor of the local, test and bench stacks (scripts/lib/stack.sh's module_start).

    supervise.py --name NAME --socket PATH|HOST:PORT [--mode 660] --pidfile FILE -- COMMAND...

It owns the FastCGI listening socket at PATH (created here, mode MODE, backlog 1024), or on TCP at HOST:PORT (a
numeric IPv4 address: scripts/cluster's app hosts, each bound to its own loopback address), and runs COMMAND with that
socket as its standard input (the spawn-fcgi convention, which `ventanilla serve` recognises without --socket). The
socket outlives each process: while a module restarts, nginx's connections wait in the backlog instead of failing.
FILE always holds the pid of the running COMMAND (rewritten at each start).

When COMMAND exits on its own (a crash, SIGKILL, or SIGTERM sent to it rather than to the supervisor) it is started
again after a short backoff. A process that lived less than QUICK_EXIT seconds counts as a quick exit; the backoff
grows with consecutive quick exits (BACKOFF) and after len(BACKOFF) of them in a row the supervisor logs that it
gives up, removes the socket (so nginx answers its 503 at once instead of queueing) and exits 1.

SIGTERM, SIGINT or SIGHUP to the supervisor is a requested stop: it sends SIGTERM to COMMAND (which finishes its
requests in flight), waits for it, removes the socket and FILE, and exits 0 without restarting anything.
Stdlib only; messages go to standard error (the module's log)."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import stat
import subprocess
import sys
import time

# Seconds to wait before each restart after 1, 2, ... consecutive quick exits; one more quick exit gives up.
BACKOFF = (0.1, 0.25, 0.5, 1.0, 2.0, 4.0)
# A process that lived at least this long (seconds) was not crash-looping: the count of quick exits starts over.
QUICK_EXIT = 10.0
BACKLOG = 1024


class Supervisor:
    def __init__(self, name: str, path: str, mode: int, pidfile: str, command: list[str]):
        self.name, self.path, self.mode, self.pidfile, self.command = name, path, mode, pidfile, command
        self.stopping = False
        self.child: subprocess.Popen | None = None
        self.listener: socket.socket | None = None
        self.inode = 0

    def log(self, message: str) -> None:
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())
        print(f"{stamp} supervise[{self.name}] {message}", file=sys.stderr, flush=True)

    def tcp_address(self) -> tuple[str, int] | None:
        """(HOST, PORT) when the socket is TCP (HOST:PORT with a numeric IPv4 host), else None (a unix path)."""
        host, colon, port = self.path.rpartition(":")
        if colon and port.isdigit() and host.replace(".", "").isdigit():
            return host, int(port)
        return None

    def open_socket(self) -> None:
        """Binds PATH, refusing to take over a socket a live process still listens on."""
        address = self.tcp_address()
        if address is not None:
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            # A restarted host binds again at once, whatever connections of its predecessor are in TIME_WAIT.
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind(address)
            listener.listen(BACKLOG)
            self.listener = listener
            return
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            info = None
        if info is not None:
            if not stat.S_ISSOCK(info.st_mode):
                raise SystemExit(f"supervise[{self.name}]: {self.path} exists and is not a socket")
            probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                probe.connect(self.path)
                raise SystemExit(f"supervise[{self.name}]: {self.path} is in use by a running process")
            except OSError:
                os.unlink(self.path)
            finally:
                probe.close()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(self.path)
        os.chmod(self.path, self.mode)
        listener.listen(BACKLOG)
        self.listener, self.inode = listener, os.stat(self.path).st_ino

    def remove_socket(self) -> None:
        """Closes the listener and removes PATH if it is still the file this supervisor created."""
        if self.listener is not None:
            self.listener.close()
            self.listener = None
        if self.tcp_address() is not None:
            return
        try:
            if os.stat(self.path).st_ino == self.inode:
                os.unlink(self.path)
        except FileNotFoundError:
            pass

    def write_pidfile(self, pid: int) -> None:
        temporary = f"{self.pidfile}.{os.getpid()}.tmp"
        with open(temporary, "w") as out:
            out.write(f"{pid}\n")
        os.replace(temporary, self.pidfile)

    def on_stop_signal(self, signum: int, _frame) -> None:
        if not self.stopping:
            self.log(f"{signal.Signals(signum).name}: stopping (no restart)")
        self.stopping = True
        if self.child is not None and self.child.poll() is None:
            self.child.send_signal(signal.SIGTERM)

    def start_child(self) -> float:
        assert self.listener is not None
        self.child = subprocess.Popen(self.command, stdin=self.listener.fileno(), close_fds=True)
        self.write_pidfile(self.child.pid)
        self.log(f"started pid {self.child.pid}")
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        """Sleeps SECONDS, or less when a stop is requested."""
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(min(0.05, max(0.0, deadline - time.monotonic())))

    def run(self) -> int:
        for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(signum, self.on_stop_signal)
        self.open_socket()
        quick_exits = 0
        try:
            while not self.stopping:
                started = self.start_child()
                if self.stopping:  # the stop signal came in between the loop's test and the start
                    self.child.send_signal(signal.SIGTERM)
                status = self.child.wait()
                lived = time.monotonic() - started
                if self.stopping:
                    self.log(f"pid {self.child.pid} stopped (status {status}) after {lived:.1f}s")
                    break
                how = f"killed by {signal.Signals(-status).name}" if status < 0 else f"exited with status {status}"
                quick_exits = quick_exits + 1 if lived < QUICK_EXIT else 1
                if quick_exits > len(BACKOFF):
                    self.log(f"pid {self.child.pid} {how} after {lived:.1f}s: {quick_exits} quick exits in a row, "
                             "giving up (see the lines above); the socket is removed")
                    return 1
                delay = BACKOFF[quick_exits - 1]
                self.log(f"pid {self.child.pid} {how} after {lived:.1f}s; restarting in {delay}s")
                self.sleep(delay)
            return 0
        finally:
            if self.child is not None and self.child.poll() is None:
                self.child.send_signal(signal.SIGTERM)
                self.child.wait()
            try:
                os.unlink(self.pidfile)
            except FileNotFoundError:
                pass
            self.remove_socket()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--name", required=True)
    parser.add_argument("--socket", required=True)
    parser.add_argument("--mode", default="660")
    parser.add_argument("--pidfile", required=True)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no COMMAND after --")
    return Supervisor(args.name, args.socket, int(args.mode, 8), args.pidfile, command).run()


if __name__ == "__main__":
    sys.exit(main())
