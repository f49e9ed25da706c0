import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// The plate and DUI registries of ruling T15 against the fake registry `scripts/test` runs
/// (scripts/lib/fake_registry.py, `VENTANILLA_TEST_REGISTRY_URL`), called over libcurl as in production: found,
/// not found, down, slow past the timeout, garbage, 500, wrong shape, another key, oversized, not configured.
/// Every failure answers in the T1 envelope and writes nothing.
@Suite("Registros externos de placas y DUI (T15)")
struct RegistroTests {
    static func url() throws -> String { try TestEnvironment.require("VENTANILLA_TEST_REGISTRY_URL") }

    /// The plate registry behind its bearer token (`/seguro/`), the DUI registry without one; a 2 s total
    /// timeout (the fake's slow keys sleep 30 s). Vehicle fixtures, plus class 2 "Pick-up", the class the fake
    /// gives P503067.
    static func harness(_ extra: [String: String]? = nil) throws -> (TransporteHarness, String) {
        let url = try url()
        let harness = try TransporteHarness(for: Flota.vehiculo, extra: extra ?? [
            "TRANSPORTE_PLACA_API_URL": url + "/seguro/placas/", "TRANSPORTE_PLACA_API_TOKEN": "fake-registry-token",
            "TRANSPORTE_DUI_API_URL": url + "/duis", "TRANSPORTE_REGISTRY_TIMEOUT_MS": "2000",
        ])
        _ = try harness.connection.execute("INSERT INTO ClaseVehiculo (Id, Codigo, Nombre) VALUES (2, 'PICK-UP', 'Pick-up')")
        return (harness, try harness.token("admin"))
    }

    /// The rows every registry route may write, to show a refusal wrote nothing.
    static func filas(_ harness: TransporteHarness) throws -> [Int] {
        try ["Vehiculo", "Usuario", "Perfil", "PerfilRol", "DetallePerfilMotorista"].map {
            try harness.count(SQLQuery(unsafeSQL: "SELECT COUNT(*) FROM \($0)"))
        }
    }

    static let placaBody = #"{"placa": " p 503 067 ", "idTipoCombustible": 1, "observaciones": "Desde el registro"}"#
    static func motoristaBody(_ dui: String) -> String {
        #"{"dui": "\#(dui)", "email": "ana.lopez@transporte.local", "telefono": "7000-0000", "idDepartamentoAsignado": 2, "idTipoLicencia": 1, "numeroLicencia": "L-123"}"#
    }
    static func solicitanteBody(_ dui: String) -> String { #"{"dui": "\#(dui)", "telefono": "2222-0000", "observaciones": "Externo"}"# }

    /// Expects a failure in the T1 envelope.
    static func expectFailure(_ response: TestResponse, _ status: Int, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status == status && response.message == message, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.success == false && response.data == .null && response.json?["errors"]?.arrayValue != nil,
                sourceLocation: sourceLocation)
    }

    @Test("consulta-placa answers the registry's record in PascalCase with the mapped class, for any valid token")
    func consultaPlaca() throws {
        let (harness, _) = try Self.harness()
        let response = harness.call(.get, "/vehiculo/consulta-placa/p503067", token: try harness.token("solicitante1"))
        #expect(response.status == 200 && response.message == "Información de placa obtenida exitosamente", "\(response.text)")
        let data = try #require(response.data)
        #expect(data["Placa"]?.stringValue == "P503067" && data["Marca"]?.stringValue == "TOYOTA" && data["Anio"]?.intValue == 2020)
        #expect(data["FechaTarjetaCirculacion"]?.stringValue == "2024-01-15" && data["Clase"]?.stringValue == "Pick-up")
        #expect(data["IdClaseVehiculo"]?.intValue == 2 && data["IdVehiculo"] == .null)
        #expect(harness.call(.get, "/vehiculo/consulta-placa/P503067").status == 401)
    }

    @Test("a plate that is not letters then four digits or more is 400 naming placa, before the registry is asked")
    func placaInvalida() throws {
        let (harness, admin) = try Self.harness()
        for placa in ["P503", "503067", "P-503067", "P50A3067", "P%20"] {
            let response = harness.call(.get, "/vehiculo/consulta-placa/\(placa)", token: admin)
            Self.expectFailure(response, 400, placa == "P%20" ? RegistroCampos.placaInvalida : response.message ?? "")
            #expect(response.errorFields == ["placa"], "\(placa): \(response.text)")
        }
        let body = harness.call(.post, "/vehiculo/crear-por-placa", json: #"{"placa": "AB12"}"#, token: admin)
        Self.expectFailure(body, 400, RegistroCampos.placaInvalida)
        #expect(try Self.filas(harness) == [0, 5, 5, 5, 1])
    }

    @Test("crear-por-placa fills the vehicle from the registry through the plain create: class by name, default state, 409 twice")
    func crearPorPlaca() throws {
        let (harness, admin) = try Self.harness()
        let created = harness.call(.post, "/vehiculo/crear-por-placa", json: Self.placaBody, token: admin)
        #expect(created.status == 201 && created.message == "Vehículo creado exitosamente", "\(created.text)")
        let record = try #require(created.data)
        #expect(record["Placa"]?.stringValue == "P503067" && record["Marca"]?.stringValue == "TOYOTA" && record["Modelo"]?.stringValue == "HILUX")
        #expect(record["NumeroChasis"]?.stringValue == "MR0HA3CD5L0123456" && record["FechaVencimientoSeguro"]?.stringValue == "2026-12-31")
        #expect(record["IdClaseVehiculo"]?.intValue == 2 && record["IdEstadoVehiculo"]?.intValue == 1 && record["IdTipoCombustible"]?.intValue == 1)
        #expect(record["Observaciones"]?.stringValue == "Desde el registro" && record["CapacidadPasajeros"]?.intValue == 5)
        let id = try #require(record["Id"]?.intValue)
        #expect(harness.call(.get, "/vehiculo/\(id)", token: admin).data == record)
        let again = harness.call(.post, "/vehiculo/crear-por-placa", json: Self.placaBody, token: admin)
        Self.expectFailure(again, 409, "Ya existe un vehículo con la placa P503067")
        #expect(harness.call(.get, "/vehiculo/consulta-placa/P503067", token: admin).data?["IdVehiculo"]?.intValue == id)
        #expect(try harness.count("SELECT COUNT(*) FROM Vehiculo") == 1)
    }

    @Test("a registry class the catalog lacks is 400 naming idClaseVehiculo; the body's class wins")
    func claseDesconocida() throws {
        let (harness, admin) = try Self.harness()
        let refused = harness.call(.post, "/vehiculo/crear-por-placa", json: #"{"placa": "N123456"}"#, token: admin)
        Self.expectFailure(refused, 400, "La clase de vehículo 'Microbús' de la API externa no existe en el catálogo; envíe idClaseVehiculo")
        #expect(refused.errorFields == ["idClaseVehiculo"])
        #expect(try Self.filas(harness)[0] == 0)
        let created = harness.call(.post, "/vehiculo/crear-por-placa", json: #"{"placa": "N123456", "idClaseVehiculo": 1, "idEstadoVehiculo": 1}"#,
                                   token: admin)
        #expect(created.status == 201 && created.data?["IdClaseVehiculo"]?.intValue == 1 && created.data?["Marca"]?.stringValue == "NISSAN",
                "\(created.text)")
        #expect(created.data?["NumeroMotor"] == .null)
    }

    /// The failures of `tipo`'s registry: a key the fake does not know (404), its garbage, 500, wrong-shape,
    /// another-key and oversized keys (502), and its slow key (504): key, status, message.
    static func fallos(_ tipo: Registro.Tipo, desconocida: String, _ inutilizables: [String], lenta: String) -> [(String, Int, String)] {
        [(desconocida, 404, tipo.noEncontrado(desconocida))]
            + inutilizables.map { ($0, 502, tipo.mensaje(Registro.respuestaInvalida)) } + [(lenta, 504, tipo.mensaje(Registro.sinRespuesta))]
    }

    static let fallosPlaca = fallos(.placa, desconocida: "X1234", ["G0000001", "E0000001", "W0000001", "O0000001", "B0000001"],
                                    lenta: "S0000001")

    @Test("plate registry not found, garbage, 500, wrong shape, another plate, oversized, slow: 404/502/504, nothing written")
    func fallosDePlaca() throws {
        let (harness, admin) = try Self.harness()
        // The documented message (transporte.md §9.1), and the 5xx texts the README lists.
        #expect(Registro.Tipo.placa.noEncontrado("P503067") == "No se encontró información para la placa P503067 en la API externa")
        #expect(Registro.Tipo.placa.mensaje(Registro.sinRespuesta) == "El servicio externo de consulta de placas no respondió a tiempo")
        #expect(Registro.Tipo.dui.mensaje(Registro.respuestaInvalida)
            == "El servicio externo de consulta de DUI no está disponible o dio una respuesta no válida")
        let before = try Self.filas(harness)
        for (placa, status, message) in Self.fallosPlaca {
            Self.expectFailure(harness.call(.get, "/vehiculo/consulta-placa/\(placa)", token: admin), status, message)
            Self.expectFailure(harness.call(.post, "/vehiculo/crear-por-placa", json: #"{"placa": "\#(placa)", "idClaseVehiculo": 1}"#,
                                            token: admin), status, message)
        }
        #expect(try Self.filas(harness) == before)
    }

    static let fallosDUI = fallos(.dui, desconocida: "05555555-5", ["09999991-2", "09999992-3", "09999993-4", "09999994-5", "09999995-6"],
                                  lenta: "09999990-1")

    @Test("DUI registry not found, garbage, 500, wrong shape, another DUI, oversized, slow: 404/502/504, nothing written")
    func fallosDeDUI() throws {
        let (harness, admin) = try Self.harness()
        let before = try Self.filas(harness)
        for (dui, status, message) in Self.fallosDUI {
            Self.expectFailure(harness.call(.post, "/motorista/crear-por-dui", json: Self.motoristaBody(dui), token: admin), status, message)
            Self.expectFailure(harness.call(.post, "/solicitante/externo/crear-por-dui", json: Self.solicitanteBody(dui), token: admin),
                               status, message)
        }
        #expect(try Self.filas(harness) == before)
    }

    @Test("a registry that is down, or refuses the missing token, is 502; an unconfigured one 503; nothing written")
    func caidoYSinConfigurar() throws {
        let (down, admin) = try Self.harness([
            "TRANSPORTE_PLACA_API_URL": "http://127.0.0.1:1/placas", "TRANSPORTE_DUI_API_URL": try Self.url() + "/seguro/duis",
        ])
        let before = try Self.filas(down)
        Self.expectFailure(down.call(.get, "/vehiculo/consulta-placa/P503067", token: admin), 502,
                           Registro.Tipo.placa.mensaje(Registro.respuestaInvalida))
        Self.expectFailure(down.call(.post, "/vehiculo/crear-por-placa", json: Self.placaBody, token: admin), 502,
                           Registro.Tipo.placa.mensaje(Registro.respuestaInvalida))
        Self.expectFailure(down.call(.post, "/motorista/crear-por-dui", json: Self.motoristaBody("01234567-8"), token: admin), 502,
                           Registro.Tipo.dui.mensaje(Registro.respuestaInvalida))
        #expect(try Self.filas(down) == before)

        let (none, token) = try Self.harness([:])
        Self.expectFailure(none.call(.get, "/vehiculo/consulta-placa/P503067", token: token), 503,
                           "El servicio externo de consulta de placas no está configurado")
        Self.expectFailure(none.call(.post, "/vehiculo/crear-por-placa", json: Self.placaBody, token: token), 503,
                           "El servicio externo de consulta de placas no está configurado")
        Self.expectFailure(none.call(.post, "/motorista/crear-por-dui", json: Self.motoristaBody("01234567-8"), token: token), 503,
                           "El servicio externo de consulta de DUI no está configurado")
        Self.expectFailure(none.call(.post, "/solicitante/externo/crear-por-dui", json: Self.solicitanteBody("01234567-8"), token: token),
                           503, "El servicio externo de consulta de DUI no está configurado")
        #expect(try Self.filas(none) == before)
    }

    @Test("with TRANSPORTE_PLACA_API_PROPIETARIO_FILTRO, a vehicle whose registered owner lacks it is 403 on both plate routes")
    func propietarioFiltro() throws {
        let url = try Self.url()
        let (harness, admin) = try Self.harness([
            "TRANSPORTE_PLACA_API_URL": url + "/placas", "TRANSPORTE_PLACA_API_PROPIETARIO_FILTRO": "ministerio de justicia",
        ])
        #expect(harness.call(.get, "/vehiculo/consulta-placa/P503067", token: admin).status == 200)
        let message = "El vehículo con placa A98765 no pertenece a la institución"
        Self.expectFailure(harness.call(.get, "/vehiculo/consulta-placa/A98765", token: admin), 403, message)
        Self.expectFailure(harness.call(.post, "/vehiculo/crear-por-placa", json: #"{"placa": "A98765", "idClaseVehiculo": 1}"#, token: admin),
                           403, message)
        #expect(try Self.filas(harness) == [0, 5, 5, 5, 1])
    }

    @Test("motorista crear-por-dui takes names, surnames and address from the registry and the rest from the body")
    func motoristaPorDUI() throws {
        let (harness, admin) = try Self.harness()
        let created = harness.call(.post, "/motorista/crear-por-dui", json: Self.motoristaBody("01234567-8"), token: admin)
        #expect(created.status == 201 && created.message == "Motorista creado exitosamente", "\(created.text)")
        #expect(created.data?["nombreCompleto"]?.stringValue == "ANA MARÍA LÓPEZ RIVAS" && created.data?["dui"]?.stringValue == "01234567-8")
        let perfil = try #require(created.data?["idPerfil"]?.intValue)
        let record = try #require(harness.call(.get, "/motorista/\(perfil)", token: admin).data)
        #expect(record["Direccion"]?.stringValue == "Colonia Escalón, San Salvador" && record["Telefono"]?.stringValue == "7000-0000")
        #expect(record["Nombre3"] == .null && record["NumeroLicencia"]?.stringValue == "L-123")
        // The same create rules as POST /motorista: the e-mail (checked first) and the DUI are taken now.
        let again = harness.call(.post, "/motorista/crear-por-dui", json: Self.motoristaBody("01234567-8"), token: admin)
        Self.expectFailure(again, 409, "Ya existe un usuario con el correo 'ana.lopez@transporte.local'")
        let otroCorreo = Self.motoristaBody("01234567-8").replacingOccurrences(of: "ana.lopez@", with: "ana.rivas@")
        Self.expectFailure(harness.call(.post, "/motorista/crear-por-dui", json: otroCorreo, token: admin), 409,
                           "Ya existe un perfil con el DUI '01234567-8'")
    }

    @Test("solicitante externo crear-por-dui creates the external requester with the registry's names")
    func solicitantePorDUI() throws {
        let (harness, admin) = try Self.harness()
        let created = harness.call(.post, "/solicitante/externo/crear-por-dui", json: Self.solicitanteBody("03456789-0"), token: admin)
        #expect(created.status == 201 && created.message == "Solicitante creado exitosamente", "\(created.text)")
        let record = try #require(created.data)
        #expect(record["Nombre1"]?.stringValue == "JOSÉ" && record["Apellido1"]?.stringValue == "HERNÁNDEZ" && record["Nombre2"] == .null)
        #expect(record["Tipo"]?.stringValue == "EXTERNO" && record["Telefono"]?.stringValue == "2222-0000" && record["Dui"]?.stringValue == "03456789-0")
    }

    @Test("a DUI not 12345678-9, a missing one or a wrong type is 400 naming the field, nothing written")
    func duiInvalido() throws {
        let (harness, admin) = try Self.harness()
        let before = try Self.filas(harness)
        for (path, body) in [("/motorista/crear-por-dui", Self.motoristaBody), ("/solicitante/externo/crear-por-dui", Self.solicitanteBody)] {
            let formato = harness.call(.post, path, json: body("0123456-78"), token: admin)
            Self.expectFailure(formato, 400, PerfilFormato.duiInvalido)
            #expect(formato.errorFields == ["dui"])
            let falta = harness.call(.post, path, json: "{}", token: admin)
            #expect(falta.status == 400 && falta.errorFields.contains("dui"), "\(falta.text)")
            let tipo = harness.call(.post, path, json: #"{"dui": 12345678}"#, token: admin)
            #expect(tipo.status == 400 && tipo.errorFields.contains("dui"), "\(tipo.text)")
        }
        #expect(try Self.filas(harness) == before)
    }

    @Test("T12: consulta-placa needs any valid token; the three creates are ADMIN's (401 without a token, 403 other roles)")
    func roles() throws {
        let (harness, _) = try Self.harness()
        try harness.expectAdminWritesTokenReads([
            (.get, "/vehiculo/consulta-placa/P503067", nil),
            (.post, "/vehiculo/crear-por-placa", Self.placaBody),
            (.post, "/motorista/crear-por-dui", Self.motoristaBody("01234567-8")),
            (.post, "/solicitante/externo/crear-por-dui", Self.solicitanteBody("01234567-8")),
        ])
        #expect(try Self.filas(harness) == [0, 5, 5, 5, 1])
    }

    @Test("bad input: every body field with a wrong type, or a body that is not an object, is 400 naming it; never 5xx")
    func badInput() throws {
        let (harness, admin) = try Self.harness()
        let routes: [(String, [Field])] = [
            ("/vehiculo/crear-por-placa", RegistroCampos.vehiculo), ("/motorista/crear-por-dui", RegistroCampos.motorista),
            ("/solicitante/externo/crear-por-dui", RegistroCampos.solicitante),
        ]
        for (path, fields) in routes {
            for field in fields {
                let response = harness.call(.post, path, json: #"{"\#(field.key)": {"x": [1]}}"#, token: admin)
                #expect(response.status == 400 && response.errorFields.contains(field.key), "\(path) \(field.key): \(response.text)")
            }
            for body in ["[]", "\"placa\"", "{", "null"] {
                let response = harness.call(.post, path, json: body, token: admin)
                #expect(response.status == 400 && response.success == false, "\(path) \(body): \(response.text)")
            }
        }
        for placa in [String(repeating: "A", count: 17) + "1234", "%00", "P%C3%91503067"] {
            #expect(harness.call(.get, "/vehiculo/consulta-placa/\(placa)", token: admin).status == 400, "\(placa)")
        }
        #expect(try Self.filas(harness) == [0, 5, 5, 5, 1])
    }
}
