"""Transporte's plate and DUI registries (ruling T15) end to end: nginx, the module, libcurl and the stack's fake
registry (scripts/lib/fake_registry.py, which scripts/test and scripts/serve start and point the module at)."""

import unittest

from helpers import TransporteTestCase, requires_apps


@requires_apps
class TransporteRegistrosTest(TransporteTestCase):
    def test_vehiculo_por_placa(self):
        consulta = self.assertJSON(self.call("GET", "/vehiculo/consulta-placa/p503067", "solicitante1"), 200)
        self.assertEqual(consulta["message"], "Información de placa obtenida exitosamente")
        self.assertEqual((consulta["data"]["Placa"], consulta["data"]["Marca"], consulta["data"]["IdVehiculo"]),
                         ("P503067", "TOYOTA", None))
        clase = self.catalog("clase-vehiculo")
        estado = self.catalog("estado-vehiculo", permiteAsignacion=True)
        body = {"placa": "P 503067", "idClaseVehiculo": clase, "idEstadoVehiculo": estado, "observaciones": "e2e"}
        self.assertJSON(self.call("POST", "/vehiculo/crear-por-placa", "aprobador1", body), 403)
        created = self.assertJSON(self.call("POST", "/vehiculo/crear-por-placa", body=body), 201)
        self.assertEqual(created["message"], "Vehículo creado exitosamente")
        record = created["data"]
        self.assertEqual((record["Placa"], record["Modelo"], record["Anio"], record["IdClaseVehiculo"], record["Observaciones"]),
                         ("P503067", "HILUX", 2020, clase, "e2e"))
        self.assertEqual(self.assertJSON(self.call("GET", f"/vehiculo/{record['Id']}", "solicitante1"), 200)["data"], record)
        self.assertJSON(self.call("POST", "/vehiculo/crear-por-placa", body=body), 409,
                        {"success": False, "message": "Ya existe un vehículo con la placa P503067", "data": None, "errors": []})
        # The module's own 4xx and 5xx pass through nginx in the envelope.
        missing = self.assertJSON(self.call("GET", "/vehiculo/consulta-placa/X1234"), 404)
        self.assertEqual(missing["message"], "No se encontró información para la placa X1234 en la API externa")
        garbage = self.assertJSON(self.call("GET", "/vehiculo/consulta-placa/G0000001"), 502)
        self.assertEqual((garbage["success"], garbage["data"]), (False, None))

    def test_solicitante_por_dui(self):
        body = {"dui": "02345678-9", "telefono": "2222-1111", "observaciones": "e2e"}
        self.assertJSON(self.call("POST", "/solicitante/externo/crear-por-dui", "solicitante1", body), 403)
        created = self.assertJSON(self.call("POST", "/solicitante/externo/crear-por-dui", body=body), 201)
        self.assertEqual(created["message"], "Solicitante creado exitosamente")
        record = created["data"]
        self.assertEqual((record["Nombre1"], record["Nombre2"], record["Apellido1"], record["Direccion"], record["Telefono"],
                          record["Tipo"]), ("CARLOS", "ERNESTO", "MARTÍNEZ", "Barrio El Centro, Santa Ana", "2222-1111", "EXTERNO"))
        read = self.assertJSON(self.call("GET", f"/solicitante/{record['IdPerfil']}", "aprobador1"), 200)["data"]
        self.assertEqual(read, record)
        unknown = self.assertJSON(self.call("POST", "/solicitante/externo/crear-por-dui", body={"dui": "05555555-5"}), 404)
        self.assertEqual(unknown["message"], "No se encontró información para el DUI 05555555-5 en la API externa")


if __name__ == "__main__":
    unittest.main()
