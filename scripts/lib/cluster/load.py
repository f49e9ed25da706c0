#!/usr/bin/env python3
"""scripts/cluster test: a bounded mixed write load through the front nginx while one Galera node is SIGKILLed and
rejoins, and one app host is SIGKILLed and restarted; then the checks of issue 18. Exit status 0 when every check
passes, 1 otherwise.

    load.py CONFIG_JSON      (scripts/cluster writes it: run_dir, cluster (the script), seconds, rate, ports, nodes,
                              hosts; see load_config in scripts/cluster)

The load (stdlib; HTTP through tests/e2e/helpers.py): each module gets RATE operations a second on a fixed schedule
(open loop: a slow cluster does not get less to do, so a slowdown shows as latency instead of hiding), each run on a
thread of its own, and every request is recorded with what it wrote:
  monitor     POST /api/expedientes (a new no_siniestro) and POST /api/expedientes/{no}/evidencias (a random file,
              its sha256 kept), one of each in turn
  transporte  POST /solicitud (three operations in four; its Id and CodigoSolicitud kept), and a mission chain: the
              oldest pending solicitud approved, a mission created for it on one of a few dates, and one of three
              vehicles and three drivers assigned to it, so assignments race for the same vehicle, driver and date
              (T14: one wins, the others get 409)
  egresos     POST /api/v1/customers with a random picture (its URL and sha256 kept)
The faults, at fixed fractions of the load (for 120 s: 20 s, 50 s, 75 s, 95 s): node 2 (host 2's first choice) is
SIGKILLed, then started again (it must rejoin by IST: its log says so); app host 1 is SIGKILLed (its supervisors and
its modules), then started again.

The checks, printed with their figures:
  - writes sent, acknowledged (2xx) and found: every acknowledged write read back through the front (its content) and
    found in SQL on every node;
  - solicitud codes unique and gap-free (1..n per year and month, over the whole table);
  - no vehicle and no driver with two active missions on one date, on every node;
  - every stored file (evidence, pictures) read back with its sha256 through the front and through each app host's
    own address (the per-host URL: a file written through one host is read through the other);
  - every table holds the same rows on the three nodes (the rejoined node has every row), compared by a digest of
    the values once their last committed seqnos agree;
  - the rejoin was an IST, not a full SST;
  - p99 per second before, during and after each fault, and the seconds until it is back at the level before the
    first fault (target: within 10 s). Back means five seconds in a row with p99 within max(2 x level, level +
    100 ms) and no failed request.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

CONFIG = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
# tests/e2e/helpers.py reads its base URLs and run directory from the environment when imported.
for _module, _port in CONFIG.get("ports", {}).items():
    os.environ[f"VENTANILLA_E2E_{_module.upper()}_URL"] = f"http://127.0.0.1:{_port}"
os.environ["VENTANILLA_E2E_RUN_DIR"] = CONFIG.get("run_dir", "")
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
from helpers import BASE_URLS, MonitorTestCase, TransporteTestCase, multipart, request, staff_token  # noqa: E402

MODULES = ("monitor", "transporte", "egresos")
# A request slower than this is a failure of the run (nginx answers a module's 503 long before).
TIMEOUT = 70.0
# Recovery: this many seconds in a row back at the before-level, within the target.
RECOVERED_SECONDS = 5
RECOVERY_TARGET = 10
# The dates and the fleet the mission chains race for: few enough that assignments collide often.
MISSION_DATES = [f"2031-0{month}-1{day}" for month in range(1, 4) for day in range(0, 4)]
FLEET = 3


@dataclass
class Call:
    """One HTTP request of the load: when (seconds since the load started), what came back, what it wrote."""

    module: str
    kind: str
    started: float
    finished: float
    status: int  # 0: no answer (connection error, timeout)
    record: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def failed(self) -> bool:
        """Neither acknowledged nor an expected refusal (409: the vehicle or driver is taken)."""
        return not self.ok and self.status != 409


def log(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def per_host_key(module: str, host: dict) -> str:
    """The helpers' BASE_URLS key of MODULE's site on HOST's own address (registered in main)."""
    return f"{module}@{host['name']}"


class Load:
    """The writers of the three modules, their schedule and everything they recorded."""

    def __init__(self, seconds: float, rate: float, run: str):
        self.seconds, self.rate, self.run = seconds, rate, run
        self.calls: list[Call] = []
        self.lock = threading.Lock()
        self.t0 = 0.0
        self.pending_solicitudes: list[int] = []
        self.last_expediente: str | None = None
        self.headers: dict[str, dict[str, str]] = {}
        self.fleet: tuple[list[int], list[int]] = ([], [])

    def now(self) -> float:
        return time.monotonic() - self.t0

    def send(self, module: str, kind: str, method: str, path: str, body=None, headers=None, record=None,
             scheduled: float | None = None) -> tuple[Call, dict | None]:
        """One request; its latency counts from SCHEDULED (its slot in the schedule) when given, so time spent waiting
        for a free thread counts too. Returns the Call and the JSON answer (None when not JSON)."""
        started = self.now() if scheduled is None else scheduled
        answer, status = None, 0
        try:
            resp = request(module, method, path, body=body, headers={**self.headers[module], **(headers or {})},
                           timeout=TIMEOUT)
            status = resp.status
            try:
                answer = resp.json()
            except ValueError:
                answer = None
        except OSError:
            pass
        call = Call(module, kind, started, self.now(), status, dict(record or {}))
        with self.lock:
            self.calls.append(call)
        return call, answer

    # --- the writes ------------------------------------------------------------------------------------------------

    def monitor(self, i: int, scheduled: float) -> None:
        if i % 2 == 0 or self.last_expediente is None:
            no = f"{self.run}-{i}"
            body = json.dumps({"no_siniestro": no, "marca": f"Marca {i}", "observaciones": f"{self.run} {i}"})
            call, _ = self.send("monitor", "expediente", "POST", "/api/expedientes", body,
                                {"Content-Type": "application/json"}, {"no": no, "marca": f"Marca {i}"}, scheduled)
            if call.ok:
                self.last_expediente = no
            return
        content = os.urandom(random.randrange(20_000, 60_000))
        body, content_type = multipart({"tipo": "evidencia"}, {"archivo": (f"foto{i}.png", "image/png", content)})
        no = self.last_expediente
        call, answer = self.send("monitor", "evidencia", "POST", f"/api/expedientes/{no}/evidencias", body,
                                 {"Content-Type": content_type}, {"no": no, "sha256": hashlib.sha256(content).hexdigest()},
                                 scheduled)
        if call.ok and isinstance(answer, dict):
            call.record["url"] = answer.get("ruta")

    def transporte(self, i: int, scheduled: float) -> None:
        if i % 4 != 3 or not self.pending_solicitudes:
            asunto = f"{self.run} {i}"
            call, answer = self.send("transporte", "solicitud", "POST", "/solicitud", json.dumps(solicitud_body(asunto)),
                                     {"Content-Type": "application/json"}, {"asunto": asunto}, scheduled)
            if call.ok and isinstance(answer, dict):
                data = answer.get("data") or {}
                call.record.update(id=data.get("Id"), code=data.get("CodigoSolicitud"))
                with self.lock:
                    self.pending_solicitudes.append(data.get("Id"))
            return
        with self.lock:
            solicitud = self.pending_solicitudes.pop(0)
        as_approver = {"Authorization": "Bearer " + self.tokens["aprobador1"]}
        call, _ = self.send("transporte", "aprobacion", "POST", f"/solicitud/{solicitud}/aprobar", "{}",
                            {**as_approver, "Content-Type": "application/json"}, {"id": solicitud}, scheduled)
        if not call.ok:
            return
        fecha = random.choice(MISSION_DATES)
        call, answer = self.send("transporte", "mision", "POST", "/mision", json.dumps(
            {"idSolicitud": solicitud, "fechaProgramada": fecha, "horaSalidaProgramada": "07:30"}),
            {**as_approver, "Content-Type": "application/json"}, {"solicitud": solicitud, "fecha": fecha})
        if not call.ok or not isinstance(answer, dict):
            return
        mision = (answer.get("data") or {}).get("Id")
        call.record["id"] = mision
        vehiculo, motorista = random.choice(self.fleet[0]), random.choice(self.fleet[1])
        self.send("transporte", "asignacion", "POST", f"/mision/{mision}/asignar", json.dumps(
            {"idVehiculoAsignado": vehiculo, "idMotoristaAsignado": motorista}),
            {"Authorization": "Bearer " + self.tokens["admin"], "Content-Type": "application/json"},
            {"id": mision, "vehiculo": vehiculo, "motorista": motorista, "fecha": fecha})

    def egresos(self, i: int, scheduled: float) -> None:
        # JPEG framing is all Egresos checks of a picture; the random middle makes every file distinct.
        content = b"\xff\xd8\xff\xe0" + os.urandom(random.randrange(10_000, 30_000)) + b"\xff\xd9"
        name = f"{self.run}{i}"
        body, content_type = multipart({"name": name, "payment_conditions": str(i % 366)},
                                       {"picture": ("logo.jpg", "image/jpeg", content)})
        call, answer = self.send("egresos", "customer", "POST", "/api/v1/customers", body,
                                 {"Content-Type": content_type}, {"name": name, "sha256": hashlib.sha256(content).hexdigest()},
                                 scheduled)
        if call.ok and isinstance(answer, dict):
            customer = answer.get("customer") or answer.get("data") or answer
            call.record.update(id=customer.get("id"), url=customer.get("picture"))

    # --- set-up and schedule ---------------------------------------------------------------------------------------

    def prepare(self) -> None:
        """Tokens, and the fleet the mission chains race for (three vehicles, three drivers), made through the API."""
        for name, query in SEED_IDS.items():
            IDS[name] = int(sql(CONFIG["nodes"][0], query, "transporte")[0][0])
        monitor, transporte = MonitorTestCase(), TransporteTestCase()
        self.tokens = {user: transporte.token(user) for user in ("solicitante1", "aprobador1", "admin")}
        self.headers = {
            "monitor": {"Authorization": "Bearer " + monitor.token("admin")},
            "transporte": {"Authorization": "Bearer " + self.tokens["solicitante1"]},
            "egresos": {"Authorization": "Bearer " + staff_token("admin@element.com.mx", exp=int(time.time()) + 7200)},
        }
        suffix = uuid.uuid4().hex[:6]
        clase = transporte.catalog("clase-vehiculo", codigo=f"CL_{suffix}", nombre=f"Cluster {suffix}")
        estado = transporte.catalog("estado-vehiculo", codigo=f"CL_{suffix}", nombre=f"Cluster {suffix}",
                                    permiteAsignacion=True)
        licencia = transporte.catalog("tipo-licencia", codigo=f"CL_{suffix}", nombre=f"Cluster {suffix}")
        vehiculos, motoristas = [], []
        for n in range(FLEET):
            created = transporte.call("POST", "/vehiculo", body={
                "placa": f"C{random.randrange(10**6, 10**7)}", "idClaseVehiculo": clase, "idEstadoVehiculo": estado,
                "kilometrajeActual": 1000})
            vehiculos.append(expect(created, 201)["data"]["Id"])
            number = random.randrange(10**7, 10**8)
            created = transporte.call("POST", "/motorista", body={
                "email": f"cluster{number}@transporte.local", "nombre1": "Carlos", "apellido1": f"Cluster{n}",
                "telefono": "7100-0000", "dui": f"{number}-3", "idDepartamentoAsignado": IDS["departamento"],
                "idTipoLicencia": licencia, "numeroLicencia": f"C-{number}"})
            motoristas.append(expect(created, 201)["data"]["idPerfil"])
        self.fleet = (vehiculos, motoristas)

    def writer(self, module: str, pool: ThreadPoolExecutor, stop: threading.Event) -> None:
        """Submits MODULE's operation i at t0 + i / rate until the load's end."""
        operation = getattr(self, module)
        i = 0
        while not stop.is_set():
            slot = i / self.rate
            if slot >= self.seconds:
                return
            delay = slot - self.now()
            if delay > 0:
                time.sleep(delay)
            pool.submit(guarded, operation, i, slot)
            i += 1


def guarded(operation, i: int, slot: float) -> None:
    """Runs one operation; an exception is a bug of this script, printed, not a silent lost write."""
    try:
        operation(i, slot)
    except Exception as exc:  # noqa: BLE001 - reported, the run goes on
        log(f"operation {operation.__name__} {i} raised {type(exc).__name__}: {exc}")


def expect(resp, status: int) -> dict:
    if resp.status != status:
        raise SystemExit(f"set-up request answered {resp}, expected {status}")
    return resp.json()


# The development seed's rows the load names, by their names: on Galera their ids are not the README's 1, 2, 3
# (every node takes auto-increment ids in its own residue class, so the seed's rows get 1, 4, 7, ...).
SEED_IDS = {
    "solicitante": "SELECT p.Id FROM Perfil p JOIN Usuario u ON u.Id = p.IdUsuario WHERE u.Username = 'solicitante1'",
    "aprobador": "SELECT p.Id FROM Perfil p JOIN Usuario u ON u.Id = p.IdUsuario WHERE u.Username = 'aprobador1'",
    "departamento": "SELECT Id FROM Departamento WHERE Codigo = 'LOGISTICA'",
    "prioridad": "SELECT Id FROM TipoPrioridadSolicitud WHERE Nombre = 'Normal'",
    "servicio": "SELECT Id FROM TipoServicioSolicitud WHERE Nombre = 'Transporte de personal'",
    "origen": "SELECT Id FROM Lugares WHERE Nombre = 'Sede Central'",
    "destino": "SELECT Id FROM Lugares WHERE Nombre = 'Oficina Regional Norte'",
}
IDS: dict[str, int] = {}


def solicitud_body(asunto: str) -> dict:
    """Seed 002's request with the development seed's rows (solicitante1 asks, aprobador1 approves)."""
    return {
        "idUsuarioSolicitante": IDS["solicitante"], "idDepartamentoSolicitante": IDS["departamento"],
        "idUsuarioAprobador": IDS["aprobador"], "idTipoPrioridadSolicitud": IDS["prioridad"],
        "idTipoServicioSolicitud": IDS["servicio"], "asunto": asunto,
        "descripcion": f"descripcion de {asunto}", "justificacion": "Prueba del cluster", "cantidadPasajeros": 2,
        "nombresPasajeros": "Juan Perez, Maria Lopez", "fechaServicioRequerido": "2031-01-15",
        "horaServicioRequerido": "08:00",
        "lugares": [
            {"idLugar": IDS["origen"], "esOrigen": True, "orden": 0, "descripcion": "Salida"},
            {"idLugar": IDS["destino"], "esOrigen": False, "orden": 1, "descripcion": "Destino",
             "horaEstimadaLlegada": "10:30"},
        ],
    }


# --- the topology's hands -----------------------------------------------------------------------------------------

def cluster(*args: str) -> None:
    """`scripts/cluster ARGS` (kill or start a node or a host); raises when it fails."""
    done = subprocess.run([CONFIG["cluster"], *args], capture_output=True, text=True, timeout=400)
    if done.returncode != 0:
        raise RuntimeError(f"scripts/cluster {' '.join(args)} failed: {done.stderr.strip()[-2000:]}")


def sql(node: dict, statements: str, database: str = "") -> list[list[str]]:
    """STATEMENTS as root on NODE over its socket; the rows of the last result, fields tab-separated."""
    done = subprocess.run(["mariadb", "--no-defaults", f"--socket={node['socket']}", "--user=root", "--batch",
                           "--skip-column-names", *([database] if database else [])], input=statements,
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"SQL on {node['name']} failed: {done.stderr.strip()}")
    return [line.split("\t") for line in done.stdout.splitlines() if line]


def status(node: dict, name: str) -> str:
    rows = sql(node, f"SHOW GLOBAL STATUS LIKE '{name}'")
    return rows[0][1] if rows else ""


@dataclass
class Event:
    """A fault or a repair at `at` seconds of the load, and how long its action took."""

    name: str
    at: float = 0.0
    took: float = 0.0
    error: str = ""


def faults(load: Load, events: list[Event], stop: threading.Event, log_offsets: dict) -> None:
    """The timeline: each action at its fraction of the load; a repair runs until it is done (a node's IST, a
    host's start), and the next action waits for it."""
    plan = [
        (20 / 120, "kill node 2", ("kill", "node", "2")),
        (50 / 120, "restart node 2", ("start", "node", "2")),
        (75 / 120, "kill host 1", ("kill", "host", "1")),
        (95 / 120, "restart host 1", ("start", "host", "1")),
    ]
    node2 = CONFIG["nodes"][1]
    for fraction, name, args in plan:
        delay = fraction * load.seconds - load.now()
        if delay > 0 and stop.wait(delay):
            return
        if name == "restart node 2":
            log_offsets["node2"] = os.path.getsize(node2["log"])
        event = Event(name, load.now())
        log(f"{event.at:6.1f} s  {name}")
        try:
            cluster(*args)
        except Exception as exc:  # noqa: BLE001 - a failed fault is a failed run, reported below
            event.error = str(exc)
            log(f"{name} failed: {exc}")
        event.took = load.now() - event.at
        events.append(event)


# --- the checks ---------------------------------------------------------------------------------------------------

class Checks:
    """Each check prints its figures and PASS or FAIL; `failed` counts the failures."""

    def __init__(self):
        self.failed = 0

    def result(self, name: str, passed: bool, detail: str) -> None:
        self.failed += 0 if passed else 1
        print(f"  {'PASS' if passed else 'FAIL'}  {name}: {detail}", flush=True)


def wait_settled(nodes: list[dict], timeout: float = 120) -> list[str]:
    """Waits until every node is Synced with the same last committed seqno twice in a row; returns the seqnos."""
    deadline = time.monotonic() + timeout
    previous = None
    while True:
        try:
            seen = [(status(n, "wsrep_local_state_comment"), status(n, "wsrep_last_committed")) for n in nodes]
        except RuntimeError:
            seen = []
        if seen and all(state == "Synced" for state, _ in seen) and len({seq for _, seq in seen}) == 1:
            if seen == previous:
                return [seq for _, seq in seen]
            previous = seen
        elif time.monotonic() > deadline:
            return [f"{state}:{seq}" for state, seq in seen]
        time.sleep(1)


def check_writes(load: Load, checks: Checks, nodes: list[dict], hosts: list[dict]) -> None:
    """Sent, acknowledged, found through the API and in SQL on every node; every file through every door."""
    acked = [c for c in load.calls if c.ok]
    by_kind: dict[str, list[Call]] = {}
    for call in acked:
        by_kind.setdefault(call.kind, []).append(call)
    print(f"  writes sent {len(load.calls)}, acknowledged {len(acked)}, refused 409 "
          f"{sum(c.status == 409 for c in load.calls)}, failed {sum(c.failed for c in load.calls)} "
          f"(statuses: {status_counts(load.calls)})")
    for module in MODULES:
        mine = [c for c in load.calls if c.module == module]
        print(f"    {module:<10} sent {len(mine):5d}  acknowledged {sum(c.ok for c in mine):5d}  "
              f"failed {sum(c.failed for c in mine):4d}  ({', '.join(sorted({c.kind for c in mine}))})")

    def api_found(call: Call) -> bool:
        r = call.record
        if call.kind == "expediente":
            resp = request("monitor", "GET", f"/api/expedientes/{r['no']}", headers=load.headers["monitor"])
            return resp.status == 200 and resp.json().get("marca") == r["marca"]
        if call.kind == "evidencia":
            resp = request("monitor", "GET", f"/api/expedientes/{r['no']}", headers=load.headers["monitor"])
            return resp.status == 200 and r.get("url") in [e.get("ruta") for e in resp.json().get("evidencia", [])]
        if call.kind == "solicitud":
            resp = request("transporte", "GET", f"/solicitud/{r['id']}", headers=load.headers["transporte"])
            return resp.status == 200 and (resp.json().get("data") or {}).get("CodigoSolicitud") == r["code"]
        if call.kind in ("mision", "asignacion", "aprobacion"):
            return True  # checked in SQL below (their rows), on every node
        if call.kind == "customer":  # Egresos has no GET of one customer: its list, read once below
            return customers.get(r["id"]) == (r["name"], r.get("url"))
        return False

    listed = request("egresos", "GET", "/api/v1/customers", headers=load.headers["egresos"], timeout=TIMEOUT)
    customers = {c["id"]: (c["name"], c.get("picture")) for c in listed.json()["customers"]} if listed.status == 200 else {}

    with ThreadPoolExecutor(8) as pool:
        api = list(pool.map(lambda c: (c, safe(api_found, c)), acked))
    missing = [c for c, found in api if not found]
    checks.result("every acknowledged write found through the API", not missing,
                  f"{len(acked) - len(missing)} of {len(acked)} found" + sample(missing))

    files = [c for c in acked if c.kind in ("evidencia", "customer")]

    def file_doors(call: Call) -> list[str]:
        """The doors through which CALL's file did not come back intact (front, then each host's own address)."""
        url = call.record.get("url") or ""
        path = re.sub(r"^https?://[^/]+", "", url)
        module = "monitor" if call.kind == "evidencia" else "egresos"
        bad = []
        for door in [module] + [per_host_key(module, h) for h in hosts]:
            try:
                resp = request(door, "GET", path, timeout=30)
                good = resp.status == 200 and hashlib.sha256(resp.body).hexdigest() == call.record["sha256"]
            except OSError:
                good = False
            if not good:
                bad.append(door)
        return bad

    with ThreadPoolExecutor(8) as pool:
        doors = list(pool.map(lambda c: (c, file_doors(c)), files))
    broken = [(c, d) for c, d in doors if d]
    detail = f"{len(files) - len(broken)} of {len(files)} files intact through the front and " + \
        " and ".join(h["address"] for h in hosts)
    if broken:
        detail += f"; e.g. {broken[0][0].record.get('url')} not through {', '.join(broken[0][1])}"
    checks.result("every stored file readable through the front and through each app host", not broken, detail)

    # In SQL on every node: the keys each acknowledged write left.
    queries = {
        "expediente": ("monitor", "SELECT no_siniestro FROM expediente WHERE no_siniestro LIKE '{run}-%'",
                       lambda r: r["no"]),
        "evidencia": ("monitor", "SELECT ruta FROM evidencia WHERE no_siniestro LIKE '{run}-%'", lambda r: r.get("url")),
        "solicitud": ("transporte", "SELECT CONCAT(Id, ' ', CodigoSolicitud) FROM Solicitud WHERE Asunto LIKE '{run} %'",
                      lambda r: f"{r['id']} {r['code']}"),
        "mision": ("transporte", "SELECT CONCAT(Id, ' ', FechaProgramada) FROM Mision", lambda r: f"{r['id']} {r['fecha']}"),
        "asignacion": ("transporte", "SELECT CONCAT(Id, ' ', IdVehiculoAsignado, ' ', IdMotoristaAsignado) FROM Mision "
                       "WHERE IdVehiculoAsignado IS NOT NULL", lambda r: f"{r['id']} {r['vehiculo']} {r['motorista']}"),
        "customer": ("egresos", "SELECT CONCAT(id, ' ', name) FROM customers WHERE name LIKE '{run}%'",
                     lambda r: f"{r['id']} {r['name']}"),
    }
    for node in nodes:
        lost = {}
        for kind, (database, query, key) in queries.items():
            present = {row[0] for row in sql(node, query.format(run=load.run), database)}
            gone = [key(c.record) for c in by_kind.get(kind, []) if key(c.record) not in present]
            if gone:
                lost[kind] = gone
        count = sum(len(by_kind.get(kind, [])) for kind in queries)
        checks.result(f"every acknowledged write in SQL on {node['name']}", not lost,
                      f"{count - sum(map(len, lost.values()))} of {count} rows" +
                      "".join(f"; {kind} missing {len(v)}, e.g. {v[0]}" for kind, v in lost.items()))


def check_codes_and_missions(checks: Checks, nodes: list[dict]) -> None:
    codes = [row[0] for row in sql(nodes[0], "SELECT CodigoSolicitud FROM Solicitud", "transporte")]
    months: dict[str, list[int]] = {}
    for code in codes:
        prefix, _, number = code.rpartition("-")
        months.setdefault(prefix, []).append(int(number))
    holes = {p: sorted(set(range(1, max(n) + 1)) - set(n))[:5] for p, n in months.items() if sorted(n) != list(range(1, len(n) + 1))}
    checks.result("solicitud codes unique and gap-free", len(set(codes)) == len(codes) and not holes,
                  f"{len(codes)} codes, {len(set(codes))} distinct, months "
                  + ", ".join(f"{p}: 1..{max(n)}" for p, n in sorted(months.items()))
                  + (f"; gaps {holes}" if holes else ""))
    for node in nodes:
        doubles = sql(node, """
            SELECT 'vehiculo', IdVehiculoAsignado, FechaProgramada, COUNT(*) FROM Mision
             WHERE Eliminado = 0 AND Activa = 1 AND IdVehiculoAsignado IS NOT NULL
             GROUP BY IdVehiculoAsignado, FechaProgramada HAVING COUNT(*) > 1
            UNION ALL
            SELECT 'motorista', IdMotoristaAsignado, FechaProgramada, COUNT(*) FROM Mision
             WHERE Eliminado = 0 AND Activa = 1 AND IdMotoristaAsignado IS NOT NULL
             GROUP BY IdMotoristaAsignado, FechaProgramada HAVING COUNT(*) > 1""", "transporte")
        booked = sql(node, "SELECT COUNT(*) FROM Mision WHERE Activa = 1 AND IdVehiculoAsignado IS NOT NULL",
                     "transporte")[0][0]
        checks.result(f"no vehicle or driver booked twice on one date on {node['name']}", not doubles,
                      f"{booked} active assigned missions" + (f"; doubles {doubles[:3]}" if doubles else ""))


def table_digest(node: dict, database: str, table: str, columns: list[str]) -> tuple[int, int]:
    """COUNT(*) and the sum of every row's CRC32 over all its columns (invisible and generated ones included, each
    with a NULL marker): equal on two nodes when they hold the same rows, in any physical order."""
    values = ", ".join(f"`{c}`" for c in columns)
    nulls = ", ".join(f"ISNULL(`{c}`)" for c in columns)
    count, digest = sql(node, f"SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS('#', {values}, CONCAT({nulls})))), 0) "
                              f"FROM `{table}`", database)[0][:2]
    return int(count), int(digest)


def check_checksums(checks: Checks, nodes: list[dict]) -> None:
    """Every table of the three databases holds the same rows on every node, compared while nothing commits (the same
    last committed seqno before and after; tried three times, since background work may commit). The digest is
    computed from the values: CHECKSUM TABLE differed between nodes on tables with STORED generated columns whose
    every value was equal, so it cannot say whether a node has every row."""
    columns: dict[tuple[str, str], list[str]] = {}
    for db, table, column in sql(nodes[0], "SELECT c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME FROM "
                                 "information_schema.COLUMNS c JOIN information_schema.TABLES t USING (TABLE_SCHEMA, "
                                 "TABLE_NAME) WHERE c.TABLE_SCHEMA IN ('monitor', 'transporte', 'egresos') AND "
                                 "t.TABLE_TYPE = 'BASE TABLE' ORDER BY 1, 2, c.ORDINAL_POSITION"):
        columns.setdefault((db, table), []).append(column)
    before = after = []
    for _ in range(3):
        before = wait_settled(nodes)
        digests = [{key: table_digest(n, key[0], key[1], cols) for key, cols in columns.items()} for n in nodes]
        after = wait_settled(nodes)
        if before != after or len(set(before)) != 1:
            continue
        differ = sorted(f"{db}.{table}" for (db, table) in columns if len({d[(db, table)] for d in digests}) != 1)
        rows = sum(count for count, _ in digests[0].values())
        checks.result("every table holds the same rows on the three nodes", not differ,
                      f"{len(columns)} tables, {rows} rows, at seqno {before[0]}"
                      + (f"; differ: {', '.join(differ[:5])}" if differ else ""))
        return
    checks.result("every table holds the same rows on the three nodes", False,
                  f"the cluster did not hold still ({before} / {after})")


def check_ist(checks: Checks, node: dict, offset: int) -> None:
    """NODE's log since its restart shows an IST (\"Receiving IST: N writesets\", \"IST received\") and no full
    snapshot (the rsync script says \"rsync SST completed\" for a snapshot, \"rsync IST completed\" otherwise)."""
    with open(node["log"], encoding="utf-8", errors="replace") as handle:
        handle.seek(offset)
        text = handle.read()
    receiving = re.findall(r"Receiving IST: (\d+ writesets, seqnos [0-9-]+)", text)
    received = re.findall(r"IST received: \S+", text)
    snapshot = "rsync SST completed" in text
    seqno = status(node, "wsrep_last_committed")
    detail = (f"{node['name']}: IST of {receiving[-1]}, \"{received[-1]}\", wsrep_last_committed {seqno}"
              if receiving and received else f"{node['name']}'s log shows no IST")
    if snapshot:
        detail += "; but a whole snapshot was sent (SST)"
    checks.result("the killed node rejoined by IST", bool(receiving and received) and not snapshot, detail)


def check_latency(load: Load, checks: Checks, events: list[Event]) -> None:
    """p99 per second of every request's latency (all modules), around each event, and the time to recover."""
    seconds = int(load.seconds) + 30
    buckets: list[list[float]] = [[] for _ in range(seconds)]
    failures = [0] * seconds
    for call in load.calls:
        s = int(call.started)
        if 0 <= s < seconds:
            buckets[s].append(call.finished - call.started)
            failures[s] += call.failed
    p99 = [percentile(b, 0.99) for b in buckets]
    print("  p99 per second (ms; * = a failed request in that second):")
    last = max((i for i, b in enumerate(buckets) if b), default=0)
    for start in range(0, last + 1, 15):
        row = " ".join(f"{p99[s] * 1000:5.0f}{'*' if failures[s] else ' '}" for s in range(start, min(start + 15, last + 1)))
        print(f"    {start:4d}s {row}")
    # The level to come back to: the load before the first fault (its first seconds warm the connections up).
    first = int(events[0].at) if events else last
    quiet = [p99[s] for s in range(min(3, first - 1), first) if buckets[s]]
    level = statistics.median(quiet) if quiet else 0.0
    limit = max(2 * level, level + 0.1)
    print(f"  before the first fault: p99 {level * 1000:.0f} ms (median of seconds {min(3, first - 1)}-{first - 1})")
    for event in events:
        at = int(event.at)
        just_before = [p99[s] for s in range(max(0, at - 5), at) if buckets[s]]
        recovered = None
        for s in range(at, last - RECOVERED_SECONDS + 2):
            window = range(s, s + RECOVERED_SECONDS)
            if all(buckets[w] and p99[w] <= limit and not failures[w] for w in window):
                recovered = s - at
                break
        during = max((p99[s] for s in range(at, min(at + 10, last + 1))), default=0.0)
        after = [p99[s] for s in range(at + 10, min(at + 20, last + 1)) if buckets[s]]
        passed = recovered is not None and recovered <= RECOVERY_TARGET and not event.error
        checks.result(
            f"p99 back within {RECOVERY_TARGET} s of '{event.name}' (at {event.at:.0f} s, took {event.took:.1f} s)",
            passed, f"just before {(statistics.median(just_before) if just_before else 0) * 1000:.0f} ms, worst in "
            f"the next 10 s {during * 1000:.0f} ms, after "
            f"{(statistics.median(after) if after else 0) * 1000:.0f} ms; back at <= {limit * 1000:.0f} ms "
            + (f"after {recovered} s" if recovered is not None else "never") + f"; {sum(failures[at:at + 10])} failed "
            "requests in the 10 s after" + (f"; {event.error}" if event.error else ""))


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def status_counts(calls: list[Call]) -> str:
    counts: dict[int, int] = {}
    for call in calls:
        counts[call.status] = counts.get(call.status, 0) + 1
    return ", ".join(f"{s or 'no answer'}: {n}" for s, n in sorted(counts.items()))


def safe(check, call: Call) -> bool:
    try:
        return check(call)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def sample(calls: list[Call]) -> str:
    return f"; e.g. {calls[0].kind} {calls[0].record}" if calls else ""


def main() -> int:
    nodes, hosts = CONFIG["nodes"], CONFIG["hosts"]
    for module, port in CONFIG["ports"].items():
        for host in hosts:
            BASE_URLS[per_host_key(module, host)] = f"http://{host['address']}:{port}"
    load = Load(float(CONFIG["seconds"]), float(CONFIG["rate"]), "CL" + uuid.uuid4().hex[:8].upper())
    load.prepare()
    log(f"load: {load.rate:g} operations/s per module for {load.seconds:g} s (run {load.run})")
    stop, events, offsets = threading.Event(), [], {}
    pools = {m: ThreadPoolExecutor(24, thread_name_prefix=m) for m in MODULES}
    load.t0 = time.monotonic()
    writers = [threading.Thread(target=load.writer, args=(m, pools[m], stop)) for m in MODULES]
    timeline = threading.Thread(target=faults, args=(load, events, stop, offsets))
    for thread in writers + [timeline]:
        thread.start()
    for thread in writers:
        thread.join()
    for pool in pools.values():
        pool.shutdown(wait=True)
    timeline.join()
    log(f"load done at {load.now():.1f} s; checking")

    checks = Checks()
    print("\nscripts/cluster test: results", flush=True)
    seqnos = wait_settled(nodes)
    checks.result("the three nodes Synced at one seqno", len(set(seqnos)) == 1, ", ".join(
        f"{n['name']} {s}" for n, s in zip(nodes, seqnos)))
    check_writes(load, checks, nodes, hosts)
    check_codes_and_missions(checks, nodes)
    check_checksums(checks, nodes)
    if "node2" in offsets:
        check_ist(checks, nodes[1], offsets["node2"])
    else:
        checks.result("the killed node rejoined by IST", False, "node 2 was never restarted")
    check_latency(load, checks, events)
    print(f"\n{'PASSED' if not checks.failed else f'FAILED ({checks.failed} checks)'}", flush=True)
    return 0 if not checks.failed else 1


if __name__ == "__main__":
    sys.exit(main())
