"""Transporte missions end to end through nginx: a mission created, assigned, started, moved through the
intermediate states and finished by its driver, with the solicitud's historico showing the moves it caused
(ruling T11), and T14 under 32 concurrent assignments of one vehicle, and of one driver, to different missions
of one date: exactly one succeeds."""

import random
import threading
import unittest

from helpers import TransporteTestCase, requires_apps
from test_transporte_solicitudes import seed_002_body


@requires_apps
class TransporteMisionTest(TransporteTestCase):
    def catalog(self, prefix, **fields):
        suffix = random.randrange(10**6, 10**7)
        body = {"codigo": f"E2E_{suffix}", "nombre": f"E2E {suffix}", **fields}
        return self.assertJSON(self.call("POST", "/" + prefix, body=body), 201)["data"]["Id"]

    def flota(self):
        """The catalog rows vehicles and drivers need, made once per run: (class, assignable state, licence type)."""
        if not hasattr(TransporteMisionTest, "_flota"):
            TransporteMisionTest._flota = (self.catalog("clase-vehiculo"), self.catalog("estado-vehiculo", permiteAsignacion=True),
                                           self.catalog("tipo-licencia"))
        return TransporteMisionTest._flota

    def vehiculo(self, kilometraje=1000):
        """A fresh vehicle in an assignable state; (Id, plate)."""
        clase, estado, _ = self.flota()
        plate = f"M{random.randrange(10**6, 10**7)}"
        record = self.assertJSON(self.call("POST", "/vehiculo", body={
            "placa": plate, "idClaseVehiculo": clase, "idEstadoVehiculo": estado, "kilometrajeActual": kilometraje}), 201)["data"]
        return record["Id"], plate

    def motorista(self):
        """A fresh driver whose login password is the development one; (Perfil id, login name)."""
        number = random.randrange(10**7, 10**8)
        email = f"conductor{number}@transporte.local"
        created = self.assertJSON(self.call("POST", "/motorista", body={
            "email": email, "nombre1": "Carlos", "apellido1": f"Conductor{number}", "telefono": "7100-0000",
            "dui": f"{number}-3", "idDepartamentoAsignado": 2, "idTipoLicencia": self.flota()[2],
            "numeroLicencia": f"M-{number}", "password": "ventanilla"}), 201)
        return created["data"]["idPerfil"], email

    def aprobada(self):
        """A solicitud of solicitante1 approved by aprobador1; its Id."""
        created = self.assertJSON(self.call("POST", "/solicitud", "solicitante1", seed_002_body()), 201)["data"]
        self.assertJSON(self.call("POST", f"/solicitud/{created['Id']}/aprobar", "aprobador1", {}), 200)
        return created["Id"]

    def mision(self, solicitud, fecha, username="aprobador1"):
        body = {"idSolicitud": solicitud, "fechaProgramada": fecha, "horaSalidaProgramada": "07:30"}
        return self.assertJSON(self.call("POST", "/mision", username, body), 201)["data"]

    def test_mission_life_moves_the_solicitud(self):
        vehiculo, plate = self.vehiculo(kilometraje=25000)
        perfil, driver = self.motorista()
        solicitud = self.aprobada()
        created = self.assertJSON(self.call("POST", "/mision", "aprobador1", {
            "idSolicitud": solicitud, "fechaProgramada": "2031-03-10", "horaSalidaProgramada": "07:30",
            "idLugarOrigen": 1, "idLugarDestino": 5, "descripcion": "Traslado a la regional",
            "paradas": [{"idLugarDestino": 5, "numeroParada": 1, "esParadaFinal": True,
                         "fechaHoraLlegadaEstimada": "2031-03-10T10:30"}]}), 201)
        self.assertEqual(created["message"], "Misión creada exitosamente")
        mision = created["data"]
        self.assertEqual((mision["CodigoEstado"], mision["NombreLugarDestino"]), ("PROGRAMADA", "Oficina Regional Norte"))
        self.assertEqual(mision["paradas"][0]["FechaHoraLlegadaEstimada"], "2031-03-10T10:30:00")
        path = f"/mision/{mision['Id']}"
        self.assertJSON(self.call("POST", path + "/iniciar", driver, {"kilometrajeInicio": 25000, "combustibleInicialGalones": 12}), 404)
        assigned = self.assertJSON(self.call("POST", path + "/asignar", "aprobador1",
                                             {"idVehiculoAsignado": vehiculo, "idMotoristaAsignado": perfil}), 200)
        self.assertEqual((assigned["message"], assigned["data"]["PlacaVehiculo"]), ("Vehículo y motorista asignados exitosamente", plate))
        self.assertJSON(self.call("POST", path + "/iniciar", "aprobador1", {"kilometrajeInicio": 25000, "combustibleInicialGalones": 12}), 403)
        self.assertJSON(self.call("POST", path + "/iniciar", driver, {"kilometrajeInicio": 24999, "combustibleInicialGalones": 12}), 422)
        started = self.assertJSON(self.call("POST", path + "/iniciar", driver, {"kilometrajeInicio": 25010, "combustibleInicialGalones": 12}), 200)
        self.assertEqual(started["data"]["CodigoEstado"], "EN_EJECUCION")
        self.assertEqual(self.assertJSON(self.call("GET", f"/solicitud/{solicitud}", driver), 200)["data"]["CodigoEstadoActual"], "EN_PROCESO")
        for codigo in ("EN_RUTA_RECOGIDA", "EN_ESPERA", "EN_RUTA_REGRESO"):
            moved = self.assertJSON(self.call("PATCH", path + "/estado", driver, {"codigoEstado": codigo}), 200)
            self.assertEqual(moved["data"]["CodigoEstado"], codigo)
        self.assertJSON(self.call("PATCH", path + "/estado", driver, {"codigoEstado": "EN_RUTA_REGRESO"}), 409)
        finished = self.assertJSON(self.call("POST", path + "/finalizar", driver,
                                             {"kilometrajeFin": 25130, "combustibleFinalGalones": 7.5, "incidencias": "Sin novedad"}), 200)
        self.assertEqual(finished["message"], "Misión finalizada exitosamente")
        self.assertEqual((finished["data"]["KilometrajeRecorrido"], finished["data"]["CombustibleConsumidoGalones"]), (120, 4.5))
        self.assertEqual(self.assertJSON(self.call("GET", f"/vehiculo/{vehiculo}"), 200)["data"]["KilometrajeActual"], 25130)
        historico = self.assertJSON(self.call("GET", f"/solicitud/{solicitud}/historico", "solicitante1"), 200)["data"]["historico"]
        self.assertEqual([(h["CodigoEstado"], h["MotivoEstadoSolicitud"]) for h in historico], [
            ("PENDIENTE_APROBACION", "Solicitud creada"), ("APROBADA", "Solicitud aprobada"),
            ("EN_PROCESO", "Misión iniciada"), ("COMPLETADA", "Todas las misiones completadas")])
        moves = self.assertJSON(self.call("GET", path + "/historico", driver), 200)["data"]["historico"]
        self.assertEqual([h["CodigoEstado"] for h in moves], ["PROGRAMADA", "EN_EJECUCION", "EN_RUTA_RECOGIDA", "EN_ESPERA",
                                                               "EN_RUTA_REGRESO", "COMPLETADA"])
        self.assertJSON(self.call("GET", path, "solicitante2"), 404)
        listed = self.assertJSON(self.call("GET", f"/mision/solicitud/{solicitud}", driver), 200)["data"]
        self.assertEqual([m["Id"] for m in listed], [mision["Id"]])

    def race(self, misiones, bodies):
        """POSTs bodies[i] to /mision/{misiones[i]}/asignar from as many threads, released together."""
        results, lock = [], threading.Lock()
        start = threading.Barrier(len(misiones))
        self.token("admin")

        def worker(mision, body):
            start.wait()
            resp = self.call("POST", f"/mision/{mision}/asignar", "admin", body)
            with lock:
                results.append(resp)

        threads = [threading.Thread(target=worker, args=pair) for pair in zip(misiones, bodies)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        return results

    def test_32_concurrent_assignments_of_one_vehicle_or_driver_book_it_once(self):
        vehiculos = [self.vehiculo() for _ in range(32)]
        motoristas = [self.motorista()[0] for _ in range(32)]
        for which, year in (("vehiculo", 2032), ("motorista", 2033)):
            fecha = f"{year}-{random.randrange(1, 13):02d}-{random.randrange(1, 29):02d}"
            misiones = [self.mision(self.aprobada(), fecha, "admin")["Id"] for _ in range(32)]
            if which == "vehiculo":
                bodies = [{"idVehiculoAsignado": vehiculos[0][0], "idMotoristaAsignado": m} for m in motoristas]
            else:
                bodies = [{"idVehiculoAsignado": v[0], "idMotoristaAsignado": motoristas[1]} for v in vehiculos[1:]]
                bodies.append({"idVehiculoAsignado": vehiculos[1][0], "idMotoristaAsignado": motoristas[1]})
            statuses = sorted(r.status for r in self.race(misiones, bodies))
            self.assertEqual(statuses, [200] + [409] * 31, which)
            busy = self.assertJSON(self.call("GET", f"/mision?fechaDesde={fecha}&fechaHasta={fecha}&por_pagina=100"), 200)["data"]
            key = "IdVehiculoAsignado" if which == "vehiculo" else "IdMotoristaAsignado"
            target = vehiculos[0][0] if which == "vehiculo" else motoristas[1]
            self.assertEqual(len([m for m in busy["registros"] if m[key] == target]), 1, which)


if __name__ == "__main__":
    unittest.main()
