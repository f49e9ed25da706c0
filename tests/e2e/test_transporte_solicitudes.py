"""Transporte solicitudes end to end: login, create (seed 002), the correlative under 64 concurrent creations
through nginx against the real MariaDB, the approval workflow with its history, and the mail that reaches a
real SMTP server (the sink scripts/test starts; VENTANILLA_E2E_SMTP_DIR)."""

import json
import re
import threading
import unittest
from datetime import date, datetime, timedelta, timezone

from helpers import SMTP_DIR, TransporteTestCase, delivered_mail, recipients, requires_apps

CODE = re.compile(r"^SOL-(\d{4})-(\d{2})-(\d{8,})$")
# America/El_Salvador has no daylight saving time: UTC-6 all year.
EL_SALVADOR = timezone(timedelta(hours=-6))


def seed_002_body(**changes):
    """Seed 002's request with the development seed's ids (Perfil 1 requester, Perfil 3 approver)."""
    body = {
        "idUsuarioSolicitante": 1, "idDepartamentoSolicitante": 2, "idUsuarioAprobador": 3,
        "idTipoPrioridadSolicitud": 2, "idTipoServicioSolicitud": 1,
        "asunto": "Transporte de personal a sede central",
        "descripcion": "Se requiere transporte para personal de la unidad",
        "justificacion": "Reunión de coordinación institucional",
        "cantidadPasajeros": 5, "nombresPasajeros": "Juan Pérez, María López, Carlos Rivas",
        "fechaServicioRequerido": (date.today() + timedelta(days=30)).isoformat(),
        "horaServicioRequerido": "08:00", "observaciones": "Llevar a las 8am y regresar a las 5pm",
        "lugares": [
            {"idLugar": 1, "esOrigen": True, "orden": 0, "descripcion": "Sede central - Salida"},
            {"idLugar": 5, "esOrigen": False, "orden": 1, "descripcion": "Primer destino",
             "horaEstimadaLlegada": "10:30", "requiereRetorno": True, "horaEstimadaRetorno": "12:00"},
        ],
    }
    body.update(changes)
    return body


@requires_apps
class TransporteSolicitudTest(TransporteTestCase):
    def create(self, username="solicitante1", **changes):
        return self.assertJSON(self.call("POST", "/solicitud", username, seed_002_body(**changes)), 201)["data"]

    def test_login_answers_tokens_and_user(self):
        body = self.assertJSON(self.request("POST", "/auth/login", body='{"username":"aprobador1","password":"ventanilla"}',
                                            headers={"Content-Type": "application/json"}), 200)
        self.assertEqual(body["data"]["token_type"], "bearer")
        self.assertEqual(body["data"]["usuario"]["IdPerfil"], 3)
        self.assertEqual(body["data"]["usuario"]["Roles"], ["APROBADOR"])
        bad = self.request("POST", "/auth/login", body='{"username":"aprobador1","password":"x"}',
                           headers={"Content-Type": "application/json"})
        self.assertJSON(bad, 401)
        self.assertJSON(self.request("GET", "/solicitud"), 401)

    def test_create_answers_seed_002_shape(self):
        created = self.create()
        seed_keys = ["Id", "CodigoSolicitud", "IdUsuarioSolicitante", "NombreSolicitante", "EmailSolicitante",
                     "IdDepartamentoSolicitante", "NombreDepartamento", "IdUsuarioAprobador", "NombreAprobador",
                     "EmailAprobador", "IdTipoPrioridadSolicitud", "NombrePrioridad", "IdTipoServicioSolicitud",
                     "NombreTipoServicio", "Asunto", "Descripcion", "Justificacion", "CantidadPasajeros",
                     "NombresPasajeros", "FechaServicioRequerido", "HoraServicioRequerido", "Observaciones",
                     "IdEstadoActual", "CodigoEstadoActual", "NombreEstadoActual", "ColorEstadoActual", "EsEstadoFinal",
                     "FechaHoraCreacion", "FechaHoraActualizacion", "lugares", "misiones"]
        self.assertEqual(list(created.keys()), seed_keys)
        self.assertEqual((created["NombreSolicitante"], created["NombreAprobador"]), ("Juan Pérez", "María González"))
        self.assertEqual(created["HoraServicioRequerido"], "08:00:00")
        self.assertEqual(created["CodigoEstadoActual"], "PENDIENTE_APROBACION")
        self.assertEqual(created["misiones"], [])
        self.assertEqual([l["Orden"] for l in created["lugares"]], [0, 1])
        self.assertEqual(created["lugares"][1]["HoraEstimadaRetorno"], "12:00:00")
        now = datetime.now(EL_SALVADOR)
        match = CODE.match(created["CodigoSolicitud"])
        self.assertIsNotNone(match, created["CodigoSolicitud"])
        self.assertEqual((int(match.group(1)), int(match.group(2))), (now.year, now.month))
        self.assertRegex(created["FechaHoraCreacion"], r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$")
        got = self.assertJSON(self.call("GET", f"/solicitud/{created['Id']}"), 200)["data"]
        self.assertEqual(got, created)

    def test_64_concurrent_creations_get_gap_free_distinct_codes(self):
        """64 valid creations and 16 refused ones at once, each on its own connection through nginx."""
        results, lock = [], threading.Lock()
        start = threading.Barrier(80)

        def worker(valid):
            start.wait()
            body = seed_002_body() if valid else seed_002_body(lugares=[{"idLugar": 999999, "esOrigen": True, "orden": 0}])
            resp = self.call("POST", "/solicitud", "solicitante1", body)
            with lock:
                results.append((valid, resp))

        self.token("solicitante1")
        threads = [threading.Thread(target=worker, args=(i < 64,)) for i in range(80)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        codes = []
        for valid, resp in results:
            if valid:
                codes.append(self.assertJSON(resp, 201)["data"]["CodigoSolicitud"])
            else:
                self.assertJSON(resp, 400)
        self.assertEqual(len(codes), 64)
        self.assertEqual(len(set(codes)), 64, "duplicate codes")
        # Every committed solicitud of this month (other tests create some too): correlatives exactly 1..n.
        month = codes[0][:12]
        self.assertTrue(all(c.startswith(month) for c in codes), codes)
        every, page = [], 1
        while True:
            data = self.assertJSON(self.call("GET", f"/solicitud?busqueda={month}&por_pagina=100&pagina={page}"), 200)["data"]
            every += [r["CodigoSolicitud"] for r in data["registros"]]
            if page * 100 >= data["total"]:
                break
            page += 1
        numbers = sorted(int(CODE.match(c).group(3)) for c in every)
        self.assertEqual(numbers, list(range(1, len(numbers) + 1)), "gap or duplicate among committed codes")
        self.assertTrue(set(codes) <= set(every))

    def test_workflow_and_history(self):
        created = self.create()
        path = f"/solicitud/{created['Id']}"
        self.assertJSON(self.call("POST", path + "/aprobar", "solicitante1", {}), 403)
        approved = self.assertJSON(self.call("POST", path + "/aprobar", "aprobador1", {"motivo": "Procede"}), 200)
        self.assertEqual(approved["data"]["CodigoEstadoActual"], "APROBADA")
        again = self.assertJSON(self.call("POST", path + "/aprobar", "aprobador1", {}), 409)
        self.assertEqual(again["message"],
                         "Solo se pueden aprobar solicitudes en estado PENDIENTE_APROBACION. Estado actual: APROBADA")
        self.assertJSON(self.call("POST", path + "/cancelar", "solicitante1", {}), 400)
        self.assertJSON(self.call("POST", path + "/cancelar", "solicitante1", {"motivo": "Ya no se necesita"}), 200)
        history = self.assertJSON(self.call("GET", path + "/historico"), 200)["data"]
        self.assertEqual((history["idSolicitud"], history["codigoSolicitud"]), (created["Id"], created["CodigoSolicitud"]))
        self.assertEqual([(h["CodigoEstado"], h["MotivoEstadoSolicitud"]) for h in history["historico"]], [
            ("PENDIENTE_APROBACION", "Solicitud creada"), ("APROBADA", "Procede"), ("CANCELADA", "Ya no se necesita")])

    def test_bad_input_is_4xx_and_writes_nothing(self):
        before = self.assertJSON(self.call("GET", "/solicitud?por_pagina=1"), 200)["data"]["total"]
        cases = [
            ("{", 400), ([], 400), ({}, 400),
            (seed_002_body(cantidadPasajeros="cinco"), 400),
            (seed_002_body(lugares=[]), 400),
            (seed_002_body(fechaServicioRequerido="2020-01-01"), 422),
            (seed_002_body(idUsuarioAprobador=1), 400),
            (seed_002_body(idDepartamentoSolicitante=999999), 400),
            (seed_002_body(asunto="x" * 300), 400),
        ]
        for body, status in cases:
            raw = body if isinstance(body, str) else json.dumps(body)
            resp = self.request("POST", "/solicitud", body=raw, headers={
                "Authorization": "Bearer " + self.token("admin"), "Content-Type": "application/json"})
            parsed = self.assertJSON(resp, status)
            self.assertIs(parsed["success"], False, raw[:80])
        self.assertJSON(self.call("GET", "/solicitud/abc"), 404)
        self.assertJSON(self.call("GET", "/solicitud/99999999"), 404)
        after = self.assertJSON(self.call("GET", "/solicitud?por_pagina=1"), 200)["data"]["total"]
        self.assertEqual(after, before)

    @unittest.skipUnless(SMTP_DIR, "VENTANILLA_E2E_SMTP_DIR not set (scripts/test starts the SMTP sink)")
    def test_creation_mail_reaches_requester_and_approver(self):
        created = self.create()
        code = created["CodigoSolicitud"]
        wanted = {"solicitante1@transporte.local", "aprobador1@transporte.local"}
        mail = delivered_mail(lambda message: code in str(message["Subject"]), count=2)
        seen = {rcpt: str(message["Subject"]) for message in mail for rcpt in recipients(message)}
        self.assertEqual(set(seen), wanted, f"mail for {code}: {seen}")


if __name__ == "__main__":
    unittest.main()
