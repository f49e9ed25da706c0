#!/usr/bin/env python3
"""The load of `scripts/bench --soak`: a mixed read/write load on the three modules at once, through nginx, at a
fixed rate per module, for MINUTES measured minutes after an unmeasured warm-up; then a table per module (requests,
errors with their statuses, p99 of every minute, RSS at start, end and peak) and PASS/FAIL on each target.

Stdlib only (asyncio, one process): every module has CONNECTIONS keep-alive connections, and each connection sends
its next request at a fixed schedule (CONNECTIONS / RATE seconds apart), so the offered load does not fall when the
service slows down (a closed loop would hide a slowdown by sending less). Every request is a real one with a valid
token: reads of existing records and lists, and writes that create distinct records (each body carries a value
no other request of the run uses) and change them afterwards.

The mix, per module (one cycle of requests, repeated by every connection):
  monitor     GET /api/expedientes/SIN-DEV-BENCH, GET /api/expedientes?limit=50, POST /api/expedientes (a new
              no_siniestro), PATCH /api/expedientes/{the one this connection created before}/estado
  transporte  GET /solicitud/{id}, GET /solicitud?pagina=1&por_pagina=20, POST /solicitud
  egresos     GET /api/v1/users/profile, GET /api/v1/customers, POST /api/v1/customers/{id}/brands (a new brand)

Where the time goes (issue 17: p99 climbed with the data the soak writes while the app's CPU per request stayed flat):
  - per measured minute, MariaDB's CPU µs per request: mariadbd's utime+stime in that minute divided by every
    module's requests in it (the three databases share one server), printed beside each module's p99 and app CPU;
  - at the end, the statements MariaDB spent its time on in the first and in the last measured minute, from
    performance_schema (scripts/bench starts the soak's server with it on): the top ones by total time in the last
    minute, and the top ones by growth of their time per execution. The application's statements are C-API prepared
    statements, which MariaDB leaves out of events_statements_summary_by_digest, so they are read from
    prepared_statements_instances (grouped by SQL text over every connection) and the rest from the digest table.
  - a short soak runs on the database a long one ends with when scripts/bench first writes those records by SQL
    (BENCH_DATA="monitor=N transporte=N egresos=N"; 10 minutes of the default mix write ~15,000 expedientes,
    ~20,000 solicitudes and ~20,000 brands).

Targets: zero errors (any non-2xx answer, connection error or timeout), RSS flat (end within 10% of the start),
p99 flat (the median p99 of the last minutes within 20% of the median p99 of the first minutes: the first and
last third of the minutes, at least one each). The configuration comes as JSON on stdin (scripts/bench writes it):
  {"minutes", "warmup", "rate", "connections", "timeout", "host",
   "db": {"pid_file", "socket"},
   "modules": {"monitor": {"port", "pid_file", "token", ...}, ...}}
Exit status: 0 when every target passes, 1 otherwise.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import sys
import time
from dataclasses import dataclass, field

RSS_SAMPLE_SECONDS = 2.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# The 1-minute load average of the machine at every measured minute's edge.
LOADS: list[float] = []
# mariadbd's utime+stime at every measured minute's edge.
DB_TICKS: list[int] = []
# Statement totals (see statement_totals) at the edges of the first and of the last measured minute, by edge index.
STATEMENTS: dict[int, dict[str, tuple[int, int, int]]] = {}
# The statements' totals: the application's C-API prepared statements (absent from the digest table) grouped by
# database and text over every connection, then everything else by digest. Timers are in picoseconds.
STATEMENTS_SQL = """
SELECT CONCAT(IFNULL(t.PROCESSLIST_DB, '?'), ': ', p.SQL_TEXT), SUM(p.COUNT_EXECUTE), SUM(p.SUM_TIMER_EXECUTE),
       SUM(p.SUM_ROWS_EXAMINED)
  FROM performance_schema.prepared_statements_instances p
  LEFT JOIN performance_schema.threads t ON t.THREAD_ID = p.OWNER_THREAD_ID
 GROUP BY 1
UNION ALL
SELECT CONCAT(IFNULL(SCHEMA_NAME, '?'), ': ', DIGEST_TEXT), COUNT_STAR, SUM_TIMER_WAIT, SUM_ROWS_EXAMINED
  FROM performance_schema.events_statements_summary_by_digest
 WHERE DIGEST_TEXT IS NOT NULL AND SCHEMA_NAME IS NOT NULL AND SCHEMA_NAME <> 'performance_schema'
"""


@dataclass
class Call:
    """One request: method, path, JSON body (None for a GET) and what it creates (a key a later call may use)."""

    method: str
    path: str
    body: dict | None = None


@dataclass
class ModuleStats:
    """What one module's load recorded during the measured minutes."""

    requests: int = 0
    errors: dict[str, int] = field(default_factory=dict)  # status (or "connection: <error>") -> count
    latencies: list[list[float]] = field(default_factory=list)  # per measured minute, seconds
    rss: list[tuple[float, int]] = field(default_factory=list)  # (seconds since start, KiB)
    rss_before_warmup: int = 0
    cpu_ticks: list[int] = field(default_factory=list)  # the module process's utime+stime at each minute's start

    def record(self, minute: int, seconds: float, failure: str | None) -> None:
        while len(self.latencies) <= minute:
            self.latencies.append([])
        self.requests += 1
        self.latencies[minute].append(seconds)
        if failure is not None:
            self.errors[failure] = self.errors.get(failure, 0) + 1


class Scenario:
    """The requests of one module's connection, in the order it sends them; `created` remembers what this
    connection created, so its later writes change a record that exists."""

    def __init__(self, module: str, settings: dict, connection: int, run: str):
        self.module = module
        self.settings = settings
        self.tag = f"{run}{connection}"
        self.counter = 0
        self.created: list[str] = []

    def unique(self) -> str:
        self.counter += 1
        return f"{self.tag}x{self.counter}"

    def cycle(self) -> list[Call]:
        s = self.settings
        if self.module == "monitor":
            no = f"SOAK-{self.unique()}"
            calls = [Call("GET", "/api/expedientes/SIN-DEV-BENCH"), Call("GET", "/api/expedientes?limit=50"),
                     Call("POST", "/api/expedientes", {"no_siniestro": no, "marca": "Kenworth", "placas": "SOAK-1",
                                                      "fecha_ingreso": "2026-11-02", "id_aseguradora": 1})]
            # The estado change goes to the expediente this connection created in its previous cycle: answered
            # by then, since a connection sends one request at a time.
            if self.created:
                calls.append(Call("PATCH", f"/api/expedientes/{self.created[-1]}/estado", {"estado": "Restauracion"}))
            self.created = [no]
            return calls
        if self.module == "transporte":
            return [Call("GET", f"/solicitud/{s['solicitud_id']}"), Call("GET", "/solicitud?pagina=1&por_pagina=20"),
                    Call("POST", "/solicitud", s["solicitud_body"])]
        return [Call("GET", "/api/v1/users/profile"), Call("GET", "/api/v1/customers"),
                Call("POST", f"/api/v1/customers/{s['customer_id']}/brands", {"name": f"Soak{self.unique()}"})]


class Connection:
    """One keep-alive HTTP/1.1 connection to nginx (reconnects when nginx closes it)."""

    def __init__(self, host: str, port: int, timeout: float):
        self.host, self.port, self.timeout = host, port, timeout
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None

    async def exchange(self, head: bytes, body: bytes) -> tuple[int, bytes]:
        """Sends one request and returns (status, body)."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(head + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("closed before the status line")
        status = int(status_line.split()[1])
        length, chunked, close = 0, False, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value:
                chunked = True
            elif name == "connection" and value == "close":
                close = True
        if chunked:
            data = bytearray()
            while True:
                size = int((await self.reader.readline()).split(b";")[0], 16)
                data += await self.reader.readexactly(size + 2)
                if size == 0:
                    break
            payload = bytes(data)
        else:
            payload = await self.reader.readexactly(length)
        if close:
            await self.close()
        return status, payload


def request_bytes(call: Call, host: str, port: int, token: str) -> tuple[bytes, bytes]:
    body = b"" if call.body is None else json.dumps(call.body).encode("utf-8")
    lines = [f"{call.method} {call.path} HTTP/1.1", f"Host: {host}:{port}", f"Authorization: Bearer {token}",
             "Accept: application/json"]
    if call.body is not None:
        lines += ["Content-Type: application/json", f"Content-Length: {len(body)}"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"), body


async def drive(module: str, settings: dict, config: dict, index: int, run: str, start: float, measured: float,
                end: float, stats: ModuleStats) -> None:
    """One connection's share of MODULE's load: a request every CONNECTIONS / RATE seconds until END; requests
    sent after MEASURED are recorded in their minute."""
    interval = config["connections"] / config["rate"]
    host, port, token = config["host"], settings["port"], settings["token"]
    connection = Connection(host, port, config["timeout"])
    scenario = Scenario(module, settings, index, run)
    calls: list[Call] = []
    # Connections start spread over one interval, so the module sees an even rate.
    due = start + interval * index / config["connections"]
    loop = asyncio.get_running_loop()
    while due < end:
        delay = due - loop.time()
        if delay > 0:
            await asyncio.sleep(delay)
        if not calls:
            calls = scenario.cycle()
        call = calls.pop(0)
        head, body = request_bytes(call, host, port, token)
        sent = loop.time()
        failure = None
        try:
            status, payload = await asyncio.wait_for(connection.exchange(head, body), config["timeout"])
            if not 200 <= status < 300:
                failure = f"{status} {call.method} {call.path.split('?')[0]}"
                if len(stats.errors) < 20 and failure not in stats.errors:
                    print(f"soak: {module} {call.method} {call.path} answered {status}: {payload[:200]!r}",
                          file=sys.stderr)
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError) as error:
            failure = f"connection: {type(error).__name__}"
            await connection.close()
        finished = loop.time()
        if sent >= measured:
            stats.record(int((sent - measured) // 60), finished - sent, failure)
        due += interval
    await connection.close()


async def statement_totals(db: dict) -> dict[str, tuple[int, int, int]]:
    """Statement text -> (executions, total time in ps, rows examined) since the server started, read from
    performance_schema over the server's socket as root (empty when it is off or cannot be read)."""
    if not db.get("socket"):
        return {}
    try:
        process = await asyncio.create_subprocess_exec(
            "mariadb", "--no-defaults", f"--socket={db['socket']}", "--user=root", "--batch", "--skip-column-names",
            "-e", STATEMENTS_SQL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL)
        out, _ = await process.communicate()
    except OSError:
        return {}
    totals: dict[str, tuple[int, int, int]] = {}
    for line in out.decode("utf-8", "replace").splitlines():
        parts = line.rsplit("\t", 3)
        if len(parts) == 4 and all(p.isdigit() for p in parts[1:]):
            text = " ".join(parts[0].replace("\\n", " ").replace("\\t", " ").split())
            old = totals.get(text, (0, 0, 0))
            totals[text] = (old[0] + int(parts[1]), old[1] + int(parts[2]), old[2] + int(parts[3]))
    return totals


def cpu_ticks(pid_file: str) -> int:
    """utime+stime of the process named by PID_FILE (all its threads), in clock ticks; 0 when it is gone."""
    try:
        with open(pid_file) as handle:
            pid = handle.read().strip()
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return 0


def rss_kib(pid_file: str) -> int:
    """VmRSS of the process named by PID_FILE, in KiB (0 when it is gone)."""
    try:
        with open(pid_file) as handle:
            pid = handle.read().strip()
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


async def sample_rss(config: dict, stats: dict[str, ModuleStats], measured: float, end: float) -> None:
    """RSS every RSS_SAMPLE_SECONDS, the CPU the module processes used and the machine's load at every measured
    minute's edge (so a slower minute can be told apart: more CPU per request is the service's own, the same CPU per
    request under a higher load average is the machine's)."""
    loop = asyncio.get_running_loop()
    minute_edges = [measured + 60 * i for i in range(config["minutes"] + 1)]
    while True:
        now = loop.time()
        if now >= measured:
            for module, settings in config["modules"].items():
                stats[module].rss.append((now - measured, rss_kib(settings["pid_file"])))
        while minute_edges and now >= minute_edges[0]:
            minute_edges.pop(0)
            edge = len(LOADS)
            for module, settings in config["modules"].items():
                stats[module].cpu_ticks.append(cpu_ticks(settings["pid_file"]))
            DB_TICKS.append(cpu_ticks(config.get("db", {}).get("pid_file", "")))
            with open("/proc/loadavg") as handle:
                LOADS.append(float(handle.read().split()[0]))
            # The edges of the first and of the last minute: what each statement cost then.
            if edge in (0, 1, config["minutes"] - 1, config["minutes"]):
                STATEMENTS[edge] = await statement_totals(config.get("db", {}))
        if now >= end and not minute_edges:
            return
        wake = min([end] + minute_edges[:1])
        await asyncio.sleep(min(RSS_SAMPLE_SECONDS, max(wake - now, 0.01)))


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of VALUES (seconds), 0 when empty."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(config: dict, stats: dict[str, ModuleStats], client_cpu: float, wall: float) -> bool:
    """Prints the table and the verdicts; True when every target passes."""
    minutes = config["minutes"]
    third = max(1, minutes // 3)
    all_pass = True
    print(f"\nsoak: {minutes} min measured after {config['warmup']} s of warm-up; {config['rate']} req/s offered "
          f"per module over {config['connections']} connections each; the load generator used "
          f"{100 * client_cpu / wall:.0f}% of one core")
    for module, s in stats.items():
        p99 = [percentile(minute, 0.99) * 1000 for minute in s.latencies[:minutes]]
        p99 += [0.0] * (minutes - len(p99))
        first, last = median(p99[:third]), median(p99[-third:])
        rss_start = s.rss[0][1] if s.rss else 0
        rss_end = s.rss[-1][1] if s.rss else 0
        rss_peak = max((kib for _, kib in s.rss), default=0)
        errors = sum(s.errors.values())
        ok_errors = errors == 0 and s.requests > 0
        ok_rss = rss_start > 0 and rss_end <= rss_start * 1.10
        ok_p99 = first > 0 and last <= first * 1.20
        all_pass = all_pass and ok_errors and ok_rss and ok_p99
        print(f"\n{module}: {s.requests} requests ({s.requests / (60 * minutes):.0f} req/s), {errors} errors"
              + (": " + ", ".join(f"{k} ×{v}" for k, v in sorted(s.errors.items())) if errors else ""))
        print("  p99 ms per minute: " + " ".join(f"{v:.1f}" for v in p99))
        ticks = s.cpu_ticks
        cpu = [(ticks[i + 1] - ticks[i]) * 1_000_000 / CLOCK_TICKS / max(len(s.latencies[i]), 1)
               if i + 1 < len(ticks) and i < len(s.latencies) and ticks[i] and ticks[i + 1] else float("nan")
               for i in range(minutes)]
        print("  app CPU µs/request per minute: " + " ".join(f"{v:.0f}" for v in cpu))
        print(f"  p50 ms overall: {percentile([x for m in s.latencies for x in m], 0.50) * 1000:.1f}")
        print(f"  RSS MiB: idle {s.rss_before_warmup / 1024:.1f}, start {rss_start / 1024:.1f}, "
              f"end {rss_end / 1024:.1f}, peak {rss_peak / 1024:.1f}")
        print(f"  {verdict(ok_errors)} zero errors; "
              f"{verdict(ok_rss)} RSS flat within 10% (end/start {rss_end / max(rss_start, 1):.2f}); "
              f"{verdict(ok_p99)} p99 flat within 20% (median of the last {third} min {last:.1f} ms / "
              f"first {third} min {first:.1f} ms = {last / first if first else float('inf'):.2f})")
    print("\nmachine load average (1 min) at each minute's end: " + " ".join(f"{v:.1f}" for v in LOADS[1:]))
    report_minutes(config, stats)
    report_statements(config)
    print(f"\nsoak: {verdict(all_pass)}")
    return all_pass


def per_minute(ticks: list[int], requests: list[int]) -> list[float]:
    """CPU µs per request in each minute from TICKS at the minute edges (nan where a reading is missing)."""
    return [(ticks[i + 1] - ticks[i]) * 1_000_000 / CLOCK_TICKS / max(requests[i], 1)
            if i + 1 < len(ticks) and ticks[i] and ticks[i + 1] else float("nan") for i in range(len(requests))]


def report_minutes(config: dict, stats: dict[str, ModuleStats]) -> None:
    """Minute by minute, each module's p99 and app CPU µs/request beside MariaDB's CPU µs/request (mariadbd's CPU
    in the minute over every module's requests in it: the databases share the server) and the load average, so a
    p99 that climbs can be put on the service, the database or the machine."""
    minutes = config["minutes"]
    requests = [sum(len(s.latencies[i]) if i < len(s.latencies) else 0 for s in stats.values()) for i in range(minutes)]
    db = per_minute(DB_TICKS, requests)
    print("\nper minute: p99 ms / app CPU µs per request of each module; MariaDB CPU µs per request (all modules)")
    print(f"  {'min':>3} " + "".join(f"{m:>18}" for m in stats) + f"{'db µs/req':>11}{'requests':>10}{'load':>6}")
    apps = {m: per_minute(s.cpu_ticks, [len(s.latencies[i]) if i < len(s.latencies) else 0 for i in range(minutes)])
            for m, s in stats.items()}
    for i in range(minutes):
        cells = ""
        for module, s in stats.items():
            p99 = percentile(s.latencies[i], 0.99) * 1000 if i < len(s.latencies) else 0.0
            cells += f"{p99:>10.1f} / {apps[module][i]:>5.0f}"
        load = LOADS[i + 1] if i + 1 < len(LOADS) else float("nan")
        print(f"  {i + 1:>3} {cells}{db[i]:>11.0f}{requests[i]:>10}{load:>6.1f}")


def report_statements(config: dict, top: int = 8) -> None:
    """The statements MariaDB spent its time on in the last measured minute, beside what the same statement cost
    in the first, and the ones whose time per execution grew most."""
    minutes = config["minutes"]
    if not all(edge in STATEMENTS and STATEMENTS[edge] for edge in {0, 1, minutes - 1, minutes}):
        print("\nstatements: performance_schema was not readable (scripts/bench turns it on for the soak)")
        return

    def window(start: int, end: int) -> dict[str, tuple[int, int, int]]:
        a, b = STATEMENTS[start], STATEMENTS[end]
        out = {}
        for text, (n, ps, rows) in b.items():
            n0, ps0, rows0 = a.get(text, (0, 0, 0))
            # A connection that closed took its prepared statements' counts with it: skip what went backwards.
            if n > n0 and ps >= ps0:
                out[text] = (n - n0, ps - ps0, max(rows - rows0, 0))
        return out

    first, last = window(0, 1), window(minutes - 1, minutes)

    def line(text: str) -> str:
        n, ps, rows = last[text]
        n0, ps0, rows0 = first.get(text, (0, 0, 0))
        per0 = f"{ps0 / n0 / 1e6:8.0f}" if n0 else f"{'-':>8}"
        rows_per0 = f"{rows0 / n0:8.0f}" if n0 else f"{'-':>8}"
        return (f"  {ps / 1e9:8.0f} {n:7} {per0} {ps / n / 1e6:8.0f} {rows_per0} {rows / n:8.0f}  "
                + (text if len(text) <= 150 else text[:147] + "..."))

    header = (f"  {'ms':>8} {'execs':>7} {'µs/ex 1st':>8} {'µs/ex last':>8} {'rows/ex 1st':>8} {'rows/ex last':>8}  "
              "statement (database: text)")
    print(f"\nstatements by MariaDB time in the last minute (minute {minutes}), the first minute's cost beside "
          "(performance_schema; µs and rows examined per execution):")
    print(header)
    for text in sorted(last, key=lambda t: -last[t][1])[:top]:
        print(line(text))

    def growth(text: str) -> float:
        n, ps, _ = last[text]
        n0, ps0, _ = first.get(text, (0, 0, 0))
        return (ps / n) / (ps0 / n0) if n0 and ps0 else 0.0

    grown = [t for t in last if growth(t) > 1.5 and last[t][1] > 1e9]  # at least 1 ms in the minute
    print("\nstatements whose time per execution grew most from the first to the last minute (over 1.5×, "
          "at least 1 ms in the last minute):")
    if not grown:
        print("  none")
    for text in sorted(grown, key=lambda t: -growth(t))[:top]:
        print(f"  {growth(text):5.1f}×" + line(text)[1:])


async def main_async(config: dict) -> bool:
    loop = asyncio.get_running_loop()
    stats = {module: ModuleStats() for module in config["modules"]}
    for module, settings in config["modules"].items():
        stats[module].rss_before_warmup = rss_kib(settings["pid_file"])
    start = loop.time() + 0.2
    measured = start + config["warmup"]
    end = measured + 60 * config["minutes"]
    run = config.get("run", "s")
    cpu_before, wall_before = time.process_time(), time.monotonic()
    tasks = [drive(module, settings, config, i, run, start, measured, end, stats[module])
             for module, settings in config["modules"].items() for i in range(config["connections"])]
    tasks.append(sample_rss(config, stats, measured, end))
    await asyncio.gather(*tasks)
    return report(config, stats, time.process_time() - cpu_before, time.monotonic() - wall_before)


def main() -> int:
    config = json.load(sys.stdin)
    config.setdefault("run", f"s{os.getpid()}")
    return 0 if asyncio.run(main_async(config)) else 1


if __name__ == "__main__":
    sys.exit(main())
