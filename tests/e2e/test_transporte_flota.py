"""Transporte fleet and people end to end through nginx: /vehiculo, /motorista and /solicitante, each through a
create / read / soft delete / reactivate (or create again) cycle, as an ADMIN, with the T12 refusals."""

import json
import random
import unittest

from helpers import TransporteTestCase, requires_apps


@requires_apps
class TransporteFlotaTest(TransporteTestCase):
    def test_vehiculo_cycle(self):
        clase = self.catalog("clase-vehiculo")
        estado = self.catalog("estado-vehiculo", permiteAsignacion=True)
        plate = f"P{random.randrange(10**6, 10**7)}"
        spaced = plate[:2].lower() + " " + plate[2:]
        created = self.assertJSON(self.call("POST", "/vehiculo", body={
            "placa": spaced, "idClaseVehiculo": clase, "idEstadoVehiculo": estado, "marca": "Toyota", "anio": 2022}), 201)
        self.assertEqual(created["message"], "Vehículo creado exitosamente")
        record = created["data"]
        self.assertEqual(record["Placa"], plate)
        self.assertEqual(record["NombreEstadoVehiculo"][:4], "E2E ")
        read = self.assertJSON(self.call("GET", f"/vehiculo/{record['Id']}", "solicitante1"), 200)
        self.assertEqual(read["data"], record)
        self.assertJSON(self.call("POST", "/vehiculo", body={"placa": plate, "idClaseVehiculo": clase, "idEstadoVehiculo": estado}),
                        409, {"success": False, "message": f"Ya existe un vehículo con la placa {plate}", "data": None, "errors": []})
        self.assertJSON(self.call("DELETE", f"/clase-vehiculo/{clase}"), 409)
        self.assertJSON(self.call("DELETE", f"/vehiculo/{record['Id']}", "aprobador1"), 403)
        deleted = self.assertJSON(self.call("DELETE", f"/vehiculo/{record['Id']}"), 200)
        self.assertEqual(deleted["data"], {"mensaje": f"Vehículo '{plate}' eliminado exitosamente"})
        self.assertJSON(self.call("GET", f"/vehiculo/{record['Id']}"), 404)
        back = self.assertJSON(self.call("POST", "/vehiculo", body={
            "placa": plate, "idClaseVehiculo": clase, "idEstadoVehiculo": estado, "marca": "Nissan"}), 201)["data"]
        self.assertEqual((back["Id"], back["Marca"], back["Anio"]), (record["Id"], "Nissan", None))
        listed = self.assertJSON(self.call("GET", f"/vehiculo?placa={plate}", "aprobador1"), 200)["data"]
        self.assertEqual([v["Id"] for v in listed["registros"]], [record["Id"]])

    def test_motorista_cycle(self):
        licencia = self.catalog("tipo-licencia")
        number = random.randrange(10**7, 10**8)
        email = f"motorista{number}@transporte.local"
        body = {"email": email, "nombre1": "Pedro", "apellido1": "Ramos", "telefono": "7000-0000",
                "dui": f"{number}-1", "idDepartamentoAsignado": 2, "idTipoLicencia": licencia,
                "numeroLicencia": f"L-{number}", "password": "motorista-e2e-1"}
        self.assertJSON(self.call("POST", "/motorista", "aprobador1", body), 403)
        created = self.assertJSON(self.call("POST", "/motorista", body=body), 201)
        self.assertEqual(created["data"], {"idPerfil": created["data"]["idPerfil"], "nombreCompleto": "Pedro Ramos",
                                           "email": email, "dui": f"{number}-1"})
        perfil = created["data"]["idPerfil"]
        login = self.assertJSON(self.request("POST", "/auth/login", body=json.dumps({"username": email, "password": "motorista-e2e-1"}),
                                             headers={"Content-Type": "application/json"}), 200)
        self.assertEqual(login["data"]["usuario"]["Roles"], ["MOTORISTA"])
        read = self.assertJSON(self.call("GET", f"/motorista/{perfil}", "solicitante1"), 200)["data"]
        self.assertEqual((read["IdPerfil"], read["NombreDepartamento"]), (perfil, "Logística"))
        self.assertJSON(self.call("POST", "/motorista", body=body), 409)
        self.assertJSON(self.call("DELETE", f"/tipo-licencia/{licencia}"), 409)
        deleted = self.assertJSON(self.call("DELETE", f"/motorista/{perfil}"), 200)
        self.assertEqual(deleted["data"], {"mensaje": "Motorista 'Pedro Ramos' eliminado exitosamente"})
        self.assertJSON(self.call("GET", f"/motorista/{perfil}"), 404)
        self.assertJSON(self.request("POST", "/auth/login", body=json.dumps({"username": email, "password": "motorista-e2e-1"}),
                                     headers={"Content-Type": "application/json"}), 401)
        again = self.assertJSON(self.call("POST", "/motorista", body=body), 201)["data"]
        self.assertNotEqual(again["idPerfil"], perfil)

    def test_solicitante_cycle(self):
        number = random.randrange(10**7, 10**8)
        body = {"dui": f"{number}-2", "nombre1": "Rosa", "apellido1": "Martínez", "telefono": "7222-0000"}
        created = self.assertJSON(self.call("POST", "/solicitante/externo", body=body), 201)
        record = created["data"]
        self.assertEqual((record["Tipo"], record["NombreCompleto"]), ("EXTERNO", "Rosa Martínez"))
        read = self.assertJSON(self.call("GET", f"/solicitante/{record['IdPerfil']}", "aprobador1"), 200)
        self.assertEqual(read["data"], record)
        self.assertJSON(self.call("POST", "/solicitante/externo", body=body), 409)
        self.assertJSON(self.call("DELETE", f"/solicitante/{record['IdPerfil']}"), 200)
        self.assertJSON(self.call("GET", f"/solicitante/{record['IdPerfil']}"), 404)
        self.assertEqual(self.assertJSON(self.call("POST", "/solicitante/externo", body=body), 201)["data"]["Tipo"], "EXTERNO")
        # An internal requester: the approver 4 gets the role, loses it, gets it back.
        self.assertJSON(self.call("POST", "/solicitante/interno", "solicitante1", {"idPerfil": 4}), 403)
        self.assertEqual(self.assertJSON(self.call("POST", "/solicitante/interno", body={"idPerfil": 4}), 201)["data"]["Tipo"], "INTERNO")
        self.assertJSON(self.call("POST", "/solicitante/interno", body={"idPerfil": 4}), 409)
        self.assertJSON(self.call("DELETE", "/solicitante/4"), 200)
        self.assertJSON(self.call("GET", "/solicitante/4"), 404)
        self.assertJSON(self.call("POST", "/solicitante/interno", body={"idPerfil": 4}), 201)
        self.assertJSON(self.call("DELETE", "/solicitante/4"), 200)


if __name__ == "__main__":
    unittest.main()
