"""The writes the faults tests put under load, one creation per module, and the callers that send them.

Each write's KEY is the content it sent, so a test can look for exactly that content afterwards (through the API or
in the database). LABEL (letters and digits) names one test's writes; every key starts with it:
    monitor     POST /api/expedientes   (no_siniestro "LABEL-i", marca "Marca i", observaciones "LABEL i observacion")
    transporte  POST /solicitud         (Asunto "LABEL i", Descripcion "descripcion i de LABEL")
    egresos     POST /api/v1/customers  (name "LABELi", payment_conditions "i % 366"; the picture is required)
"""

from __future__ import annotations

import json
import time
from datetime import date, timedelta

from faults import Operation
from helpers import MonitorTestCase, TransporteTestCase, multipart, request, staff_token

MODULES = ("monitor", "transporte", "egresos")
# JPEG framing is all Egresos checks of a customer picture (its extension and type), and a few bytes keep it cheap.
PICTURE = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def writer_headers() -> dict[str, dict[str, str]]:
    """The Authorization header of each module's writer: Monitor's admin, Transporte's solicitante1 and Egresos'
    admin (a token valid for an hour, so a long test does not outlive it)."""
    return {
        "monitor": {"Authorization": "Bearer " + MonitorTestCase().token("admin")},
        "transporte": {"Authorization": "Bearer " + TransporteTestCase().token("solicitante1")},
        "egresos": {"Authorization": "Bearer " + staff_token("admin@element.com.mx", exp=int(time.time()) + 3600)},
    }


def solicitud_body(asunto: str, descripcion: str) -> dict:
    """Seed 002's request with the development seed's ids and the given distinct content."""
    return {
        "idUsuarioSolicitante": 1, "idDepartamentoSolicitante": 2, "idUsuarioAprobador": 3,
        "idTipoPrioridadSolicitud": 2, "idTipoServicioSolicitud": 1, "asunto": asunto, "descripcion": descripcion,
        "justificacion": "Prueba de fallas", "cantidadPasajeros": 2, "nombresPasajeros": "Juan Perez, Maria Lopez",
        "fechaServicioRequerido": (date.today() + timedelta(days=30)).isoformat(), "horaServicioRequerido": "08:00",
        "lugares": [
            {"idLugar": 1, "esOrigen": True, "orden": 0, "descripcion": "Salida"},
            {"idLugar": 5, "esOrigen": False, "orden": 1, "descripcion": "Destino", "horaEstimadaLlegada": "10:30"},
        ],
    }


def creation(module: str, headers: dict[str, str], label: str) -> Operation:
    """MODULE's creation as a load operation: i -> (KEY, Response), sent with HEADERS (writer_headers()[MODULE])."""
    json_headers = {**headers, "Content-Type": "application/json"}

    def monitor(i: int):
        key = (f"{label}-{i}", f"Marca {i}", f"{label} {i} observacion")
        body = {"no_siniestro": key[0], "marca": key[1], "observaciones": key[2]}
        return key, request("monitor", "POST", "/api/expedientes", body=json.dumps(body), timeout=90,
                            headers=json_headers)

    def transporte(i: int):
        key = (f"{label} {i}", f"descripcion {i} de {label}")
        return key, request("transporte", "POST", "/solicitud", body=json.dumps(solicitud_body(*key)), timeout=90,
                            headers=json_headers)

    def egresos(i: int):
        key = (f"{label}{i}", str(i % 366))
        body, content_type = multipart({"name": key[0], "payment_conditions": key[1]},
                                       {"picture": ("logo.jpg", "image/jpeg", PICTURE)})
        return key, request("egresos", "POST", "/api/v1/customers", body=body, timeout=90,
                            headers={**headers, "Content-Type": content_type})

    return {"monitor": monitor, "transporte": transporte, "egresos": egresos}[module]
