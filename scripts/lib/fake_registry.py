#!/usr/bin/env python3
"""A stand-in for Transporte's external plate and DUI registries (ruling T15), Python standard library only.

    python3 scripts/lib/fake_registry.py PORT [--slow-seconds S] [--slow KEY] [--garbage KEY] [--error KEY]
                                              [--not-found KEY] [--wrong-shape KEY]

It answers, on 127.0.0.1:PORT, exactly the JSON Transporte expects (README, "External registries"):

    GET /placas/<placa>  200 {"placa", "marca", "modelo", "anio", "color", "numeroMotor", "numeroChasis", "numeroVin",
                              "capacidadPasajeros", "fechaTarjetaCirculacion", "numeroPolizaSeguro",
                              "fechaVencimientoSeguro", "clase", "propietario"}
    GET /duis/<dui>      200 {"dui", "nombre1", "nombre2", "nombre3", "apellido1", "apellido2", "apellido3", "direccion"}

and 404 {"detail": "..."} for a key it does not know. The same routes under /seguro/ require
`Authorization: Bearer fake-registry-token` (401 otherwise), to check that the token is sent.

Keys that misbehave, so every failure of a registry can be tried (more with the options above):
    slow (sleeps --slow-seconds, default 30, then answers)   S0000001        09999990-1
    garbage (200, not JSON)                                  G0000001        09999991-2
    500 (an HTML error page)                                 E0000001        09999992-3
    wrong shape (200, JSON with wrong types)                 W0000001        09999993-4
    another key (200, the record of another plate or DUI)   O0000001        09999994-5
    oversized (200, a JSON object of 1 MiB)                  B0000001        09999995-6
"""
import argparse
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PLACAS = {
    "P503067": {"placa": "P503067", "marca": "TOYOTA", "modelo": "HILUX", "anio": 2020, "color": "BLANCO",
                "numeroMotor": "2GD-4051234", "numeroChasis": "MR0HA3CD5L0123456", "numeroVin": "MR0HA3CD5L0123456",
                "capacidadPasajeros": 5, "fechaTarjetaCirculacion": "2024-01-15", "numeroPolizaSeguro": "POL-2024-0098",
                "fechaVencimientoSeguro": "2026-12-31", "clase": "Pick-up",
                "propietario": "MINISTERIO DE JUSTICIA Y SEGURIDAD PÚBLICA"},
    "N123456": {"placa": "N123456", "marca": "NISSAN", "modelo": "URVAN", "anio": 2019, "color": "GRIS",
                "numeroMotor": None, "numeroChasis": "JN1TC2E26Z0012345", "numeroVin": None, "capacidadPasajeros": 15,
                "fechaTarjetaCirculacion": "2023-06-01", "numeroPolizaSeguro": None, "fechaVencimientoSeguro": None,
                "clase": "Microbús", "propietario": "MINISTERIO DE JUSTICIA Y SEGURIDAD PÚBLICA"},
    "A98765": {"placa": "A98765", "marca": "HONDA", "modelo": "CIVIC", "anio": 2018, "color": "NEGRO",
               "clase": "Automóvil", "propietario": "PARTICULAR"},
}

DUIS = {
    "01234567-8": {"dui": "01234567-8", "nombre1": "ANA", "nombre2": "MARÍA", "nombre3": None, "apellido1": "LÓPEZ",
                   "apellido2": "RIVAS", "apellido3": None, "direccion": "Colonia Escalón, San Salvador"},
    "02345678-9": {"dui": "02345678-9", "nombre1": "CARLOS", "nombre2": "ERNESTO", "nombre3": None,
                   "apellido1": "MARTÍNEZ", "apellido2": None, "apellido3": None,
                   "direccion": "Barrio El Centro, Santa Ana"},
    "03456789-0": {"dui": "03456789-0", "nombre1": "JOSÉ", "apellido1": "HERNÁNDEZ"},
}

TOKEN = "fake-registry-token"


class Handler(BaseHTTPRequestHandler):
    server_version = "FakeRegistry/1"
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        sys.stderr.write("fake registry: %s\n" % (fmt % args))

    def send(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (its timeout): nothing to answer

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path.startswith("/seguro/"):
            if self.headers.get("Authorization") != "Bearer " + TOKEN:
                return self.send(401, {"detail": "token requerido"})
            path = path[len("/seguro"):]
        parts = path.strip("/").split("/")
        if len(parts) != 2 or parts[0] not in ("placas", "duis"):
            return self.send(404, {"detail": "ruta desconocida"})
        kind, key = parts
        records = PLACAS if kind == "placas" else DUIS
        rules = self.server.rules
        if key in rules["slow"]:
            time.sleep(self.server.slow_seconds)
        if key in rules["not_found"]:
            return self.send(404, {"detail": "no encontrado"})
        if key in rules["garbage"]:
            return self.send(200, b"\x00<html>esto no es JSON", "application/json")
        if key in rules["error"]:
            return self.send(500, b"<html><body>500 Internal Server Error</body></html>", "text/html")
        if key in rules["wrong"]:
            return self.send(200, {"placa": 123, "dui": ["x"], "nombre1": 5, "apellido1": True, "anio": "dos mil"})
        if key in rules["other"]:
            first = next(iter(records.values()))
            return self.send(200, first)
        if key in rules["big"]:
            return self.send(200, {kind[:-1]: key, "relleno": "x" * (1 << 20)})
        record = records.get(key)
        if record is None and key in rules["slow"]:
            record = {"placa": key, "marca": "LENTA"} if kind == "placas" else \
                {"dui": key, "nombre1": "LENTO", "apellido1": "REGISTRO"}
        if record is None:
            return self.send(404, {"detail": "no encontrado"})
        return self.send(200, record)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("port", type=int)
    parser.add_argument("--slow-seconds", type=float, default=30.0)
    for name in ("slow", "garbage", "error", "not-found", "wrong-shape", "other-key", "oversized"):
        parser.add_argument("--" + name, action="append", default=[], metavar="KEY")
    args = parser.parse_args()
    rules = {
        "slow": {"S0000001", "09999990-1", *args.slow},
        "garbage": {"G0000001", "09999991-2", *args.garbage},
        "error": {"E0000001", "09999992-3", *args.error},
        "wrong": {"W0000001", "09999993-4", *args.wrong_shape},
        "other": {"O0000001", "09999994-5", *args.other_key},
        "big": {"B0000001", "09999995-6", *args.oversized},
        "not_found": set(args.not_found),
    }
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.rules = rules
    server.slow_seconds = args.slow_seconds
    print("fake registry on http://127.0.0.1:%d (placas: /placas, DUI: /duis)" % args.port, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
