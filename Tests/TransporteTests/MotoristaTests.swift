import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// `/motorista` as transporte.md §9.2 and rulings T12, 2, 5 and 9 say.
@Suite("Motorista (§9.2)")
struct MotoristaTests {
    static let body = #"{"email": "pedro.ramos@transporte.local", "nombre1": "Pedro", "nombre2": "José", "apellido1": "Ramos", "telefono": "7000-0001", "dui": "01234567-8", "idDepartamentoAsignado": 2, "idTipoLicencia": 1, "numeroLicencia": "L-0001", "fechaVencimientoLicencia": "2028-06-30", "imei": "356938035643809", "password": "motorista-2026"}"#

    /// A harness with a licence type (1) and an availability (1).
    static func harness() throws -> (TransporteHarness, String) {
        let harness = try TransporteHarness()
        _ = try harness.connection.execute("INSERT INTO TipoLicencia (Id, Codigo, Nombre) VALUES (1, 'LIVIANA', 'Liviana')")
        _ = try harness.connection.execute("INSERT INTO TipoDisponibilidad (Id, Codigo, Nombre) VALUES (1, 'DISPONIBLE', 'Disponible')")
        return (harness, try harness.token("admin"))
    }

    static func crear(_ harness: TransporteHarness, _ admin: String, _ json: String = body) throws -> Int {
        let response = harness.call(.post, "/motorista", json: json, token: admin)
        guard response.status == 201, let id = response.data?["idPerfil"]?.intValue else {
            throw CatalogTestFailure("create motorista: \(response.status) \(response.text)")
        }
        return id
    }

    static func login(_ harness: TransporteHarness, _ username: String, _ password: String) -> TestResponse {
        harness.call(.post, "/auth/login", json: #"{"username": "\#(username)", "password": "\#(password)"}"#)
    }

    @Test("create writes Usuario, Perfil, PerfilRol(MOTORISTA) and the details in one go; the driver logs in with the e-mail")
    func create() throws {
        let (harness, admin) = try Self.harness()
        let created = harness.call(.post, "/motorista", json: Self.body, token: admin)
        #expect(created.status == 201 && created.message == "Motorista creado exitosamente", "\(created.text)")
        let id = try #require(created.data?["idPerfil"]?.intValue)
        #expect(created.data?["nombreCompleto"]?.stringValue == "Pedro José Ramos")
        #expect(created.data?["email"]?.stringValue == "pedro.ramos@transporte.local" && created.data?["dui"]?.stringValue == "01234567-8")
        #expect(try harness.count("""
            SELECT COUNT(*) FROM Perfil p JOIN Usuario u ON u.Id = p.IdUsuario JOIN PerfilRol pr ON pr.IdPerfil = p.Id
              JOIN Rol r ON r.Id = pr.IdRol AND r.Codigo = 'MOTORISTA' JOIN DetallePerfilMotorista d ON d.IdPerfil = p.Id
             WHERE p.Id = \(id) AND u.Username = 'pedro.ramos@transporte.local' AND u.PasswordHash LIKE '$2b$%'
            """) == 1)
        let read = harness.call(.get, "/motorista/\(id)", token: try harness.token("solicitante1"))
        #expect(read.status == 200 && read.message == "Motorista obtenido exitosamente")
        #expect(read.data?["NombreDepartamento"]?.stringValue == "Logística" && read.data?["NombreTipoLicencia"]?.stringValue == "Liviana")
        #expect(read.data?["FechaVencimientoLicencia"]?.stringValue == "2028-06-30" && read.data?["IdTipoDisponibilidad"] == .null)
        let login = Self.login(harness, "pedro.ramos@transporte.local", "motorista-2026")
        #expect(login.status == 200 && login.data?["usuario"]?["Roles"]?.arrayValue?.compactMap(\.stringValue) == ["MOTORISTA"],
                "\(login.text)")
    }

    @Test("without a password the driver cannot log in until an ADMIN sets one with PUT")
    func password() throws {
        let (harness, admin) = try Self.harness()
        let id = try Self.crear(harness, admin, Self.body.replacingOccurrences(of: #", "password": "motorista-2026""#, with: ""))
        #expect(Self.login(harness, "pedro.ramos@transporte.local", "motorista-2026").status == 401)
        #expect(harness.call(.put, "/motorista/\(id)", json: #"{"password": "corta"}"#, token: admin).errorFields == ["password"])
        #expect(harness.call(.put, "/motorista/\(id)", json: #"{"password": "nueva-clave-1"}"#, token: admin).status == 200)
        #expect(Self.login(harness, "pedro.ramos@transporte.local", "nueva-clave-1").status == 200)
    }

    @Test("e-mail, DUI and IMEI held by an active user, profile or driver are 409 naming the field; nothing written")
    func duplicates() throws {
        let (harness, admin) = try Self.harness()
        _ = try Self.crear(harness, admin)
        let rows = try harness.count("SELECT (SELECT COUNT(*) FROM Usuario) + (SELECT COUNT(*) FROM Perfil) + (SELECT COUNT(*) FROM DetallePerfilMotorista)")
        let cases: [(String, String, String)] = [
            ("email", #""admin@transporte.local""#, "Ya existe un usuario con el correo 'admin@transporte.local'"),
            ("email", #""pedro.ramos@transporte.local""#, "Ya existe un usuario con el correo 'pedro.ramos@transporte.local'"),
            ("dui", #""01234567-8""#, "Ya existe un perfil con el DUI '01234567-8'"),
            ("imei", #""356938035643809""#, "Ya existe un motorista con el IMEI '356938035643809'"),
        ]
        for (key, value, message) in cases {
            var json = Self.body.replacingOccurrences(of: "pedro.ramos@", with: "otro@").replacingOccurrences(of: "01234567-8", with: "76543210-1")
                .replacingOccurrences(of: "356938035643809", with: "111")
            json = String(json.dropLast()) + #", "\#(key)": \#(value)}"#
            let response = harness.call(.post, "/motorista", json: json, token: admin)
            #expect(response.status == 409 && response.message == message && response.errorFields == [key], "\(response.text)")
        }
        #expect(try harness.count("SELECT (SELECT COUNT(*) FROM Usuario) + (SELECT COUNT(*) FROM Perfil) + (SELECT COUNT(*) FROM DetallePerfilMotorista)") == rows)
    }

    @Test("missing fields, wrong formats and unknown references are 400 naming the field")
    func refusals() throws {
        let (harness, admin) = try Self.harness()
        let missing = harness.call(.post, "/motorista", json: "{}", token: admin)
        #expect(missing.status == 400 && missing.errorFields == ["email", "nombre1", "apellido1", "telefono", "dui",
                                                                   "idDepartamentoAsignado", "idTipoLicencia", "numeroLicencia"])
        let cases: [(String, String, String)] = [
            ("dui", #""0123456789""#, PerfilFormato.duiInvalido),
            ("dui", #""0123456-78""#, PerfilFormato.duiInvalido),
            ("email", #""pedro.ramos""#, PerfilFormato.emailInvalido),
            ("email", #""pedro @x.com""#, PerfilFormato.emailInvalido),
            ("idDepartamentoAsignado", "99", "El departamento con Id 99 no existe o está eliminado"),
            ("idTipoLicencia", "99", "El tipo de licencia con Id 99 no existe o está eliminado"),
            ("idTipoDisponibilidad", "99", "El tipo de disponibilidad con Id 99 no existe o está eliminado"),
            ("fechaVencimientoLicencia", #""30/06/2028""#, "El campo 'fechaVencimientoLicencia' debe ser una fecha válida (YYYY-MM-DD)"),
            ("numeroLicencia", "\"" + String(repeating: "L", count: 51) + "\"", "El campo 'numeroLicencia' excede la longitud máxima permitida"),
        ]
        for (key, value, message) in cases {
            let json = String(Self.body.dropLast()) + #", "\#(key)": \#(value)}"#
            let response = harness.call(.post, "/motorista", json: json, token: admin)
            #expect(response.status == 400 && response.errorFields == [key] && response.errorMessages == [message], "\(key): \(response.text)")
        }
        #expect(try harness.count("SELECT COUNT(*) FROM DetallePerfilMotorista") == 0)
    }

    @Test("lists: filters of §9.2, the page with totalPaginas, the full list")
    func lists() throws {
        let (harness, admin) = try Self.harness()
        _ = try Self.crear(harness, admin)
        let second = Self.body.replacingOccurrences(of: "pedro.ramos@", with: "ana.lopez@").replacingOccurrences(of: "Pedro", with: "Ana")
            .replacingOccurrences(of: "Ramos", with: "López").replacingOccurrences(of: "01234567-8", with: "76543210-1")
            .replacingOccurrences(of: "356938035643809", with: "111").replacingOccurrences(of: #""idDepartamentoAsignado": 2"#, with: #""idDepartamentoAsignado": 1"#)
        let ana = try Self.crear(harness, admin, second)
        #expect(harness.call(.patch, "/motorista/\(ana)/disponibilidad", json: #"{"idTipoDisponibilidad": 1}"#, token: admin).status == 200)
        let reader = try harness.token("aprobador1")
        func names(_ query: String) -> [String] {
            harness.call(.get, "/motorista/todos/lista" + query, token: reader).data?.arrayValue?.compactMap { $0["NombreCompleto"]?.stringValue } ?? []
        }
        #expect(names("") == ["Ana José López", "Pedro José Ramos"])
        #expect(names("?nombre=pedro") == ["Pedro José Ramos"])
        #expect(names("?dui=7654") == ["Ana José López"])
        #expect(names("?idDepartamento=2") == ["Pedro José Ramos"])
        #expect(names("?idDisponibilidad=1") == ["Ana José López"])
        #expect(names("?busqueda=ana.lopez") == ["Ana José López"])
        let page = harness.call(.get, "/motorista?por_pagina=1&pagina=2", token: reader)
        #expect(page.status == 200 && page.message == "Listado de motoristas obtenido exitosamente")
        #expect(page.data?["total"]?.intValue == 2 && page.data?["totalPaginas"]?.intValue == 2)
        #expect(page.data?["registros"]?.arrayValue?.first?["NombreCompleto"]?.stringValue == "Pedro José Ramos")
        #expect(harness.call(.get, "/motorista/todos/lista", token: reader).message == "Listado completo de motoristas obtenido exitosamente")
        #expect(harness.call(.get, "/motorista?idDepartamento=x", token: reader).errorFields == ["idDepartamento"])
    }

    @Test("PUT changes only what is sent; a new e-mail is the new login; null on a required field and an empty body are 400")
    func update() throws {
        let (harness, admin) = try Self.harness()
        let id = try Self.crear(harness, admin)
        let updated = harness.call(.put, "/motorista/\(id)", json: #"{"telefono": "7999-0000", "nombre2": null, "email": "p.ramos@transporte.local", "numeroLicencia": "L-0002"}"#,
                                   token: admin)
        #expect(updated.status == 200 && updated.message == "Motorista actualizado exitosamente", "\(updated.text)")
        #expect(updated.data?["Telefono"]?.stringValue == "7999-0000" && updated.data?["Nombre2"] == .null)
        #expect(updated.data?["NumeroLicencia"]?.stringValue == "L-0002" && updated.data?["Dui"]?.stringValue == "01234567-8")
        #expect(Self.login(harness, "p.ramos@transporte.local", "motorista-2026").status == 200)
        #expect(Self.login(harness, "pedro.ramos@transporte.local", "motorista-2026").status == 401)
        #expect(harness.call(.put, "/motorista/\(id)", json: #"{"telefono": null}"#, token: admin).errorFields == ["telefono"])
        #expect(harness.call(.put, "/motorista/\(id)", json: "{}", token: admin).message == "No se proporcionaron campos para actualizar")
        #expect(harness.call(.put, "/motorista/\(id)", json: #"{"email": "admin@transporte.local"}"#, token: admin).status == 409)
    }

    @Test("PATCH disponibilidad sets the availability; it is required and must exist")
    func disponibilidad() throws {
        let (harness, admin) = try Self.harness()
        let id = try Self.crear(harness, admin)
        let set = harness.call(.patch, "/motorista/\(id)/disponibilidad", json: #"{"idTipoDisponibilidad": 1}"#, token: admin)
        #expect(set.status == 200 && set.message == "Disponibilidad del motorista actualizada exitosamente")
        #expect(set.data?["NombreTipoDisponibilidad"]?.stringValue == "Disponible")
        #expect(harness.call(.patch, "/motorista/\(id)/disponibilidad", json: "{}", token: admin).errorFields == ["idTipoDisponibilidad"])
        #expect(harness.call(.patch, "/motorista/\(id)/disponibilidad", json: #"{"idTipoDisponibilidad": 9}"#, token: admin).status == 400)
        let used = harness.call(.delete, "/tipo-disponibilidad/1", token: admin)
        #expect(used.status == 409)
    }

    @Test("delete soft-deletes the four rows: gone for reads and login; refused while a vehicle has the driver by default")
    func delete() throws {
        let (harness, admin) = try Self.harness()
        let id = try Self.crear(harness, admin)
        _ = try harness.connection.execute("INSERT INTO ClaseVehiculo (Id, Codigo, Nombre) VALUES (1, 'PICKUP', 'Pick-up')")
        _ = try harness.connection.execute("INSERT INTO EstadoVehiculo (Id, Codigo, Nombre, PermiteAsignacion) VALUES (1, 'ACTIVO', 'Activo', 1)")
        let vehicle = harness.call(.post, "/vehiculo", json: #"{"placa": "P1", "idClaseVehiculo": 1, "idEstadoVehiculo": 1, "idMotoristaPorDefecto": \#(id)}"#,
                                   token: admin)
        #expect(vehicle.status == 201, "\(vehicle.text)")
        let refused = harness.call(.delete, "/motorista/\(id)", token: admin)
        #expect(refused.status == 409 && refused.message == "No se puede eliminar este motorista porque es el motorista por defecto de vehículos activos")
        #expect(harness.call(.put, "/vehiculo/\(vehicle.data?["Id"]?.intValue ?? 0)", json: #"{"idMotoristaPorDefecto": null}"#, token: admin).status == 200)
        let deleted = harness.call(.delete, "/motorista/\(id)", token: admin)
        #expect(deleted.status == 200 && deleted.message == "Motorista eliminado exitosamente")
        #expect(deleted.data?["mensaje"]?.stringValue == "Motorista 'Pedro José Ramos' eliminado exitosamente")
        #expect(harness.call(.get, "/motorista/\(id)", token: admin).message == "Motorista con Id \(id) no encontrado")
        #expect(Self.login(harness, "pedro.ramos@transporte.local", "motorista-2026").status == 401)
        #expect(try harness.count("""
            SELECT COUNT(*) FROM Perfil p JOIN Usuario u ON u.Id = p.IdUsuario JOIN PerfilRol pr ON pr.IdPerfil = p.Id
              JOIN DetallePerfilMotorista d ON d.IdPerfil = p.Id
             WHERE p.Id = \(id) AND p.Eliminado = 1 AND u.Eliminado = 1 AND pr.Eliminado = 1 AND d.Eliminado = 1
            """) == 1)
        // The same e-mail and DUI are free again.
        #expect(harness.call(.post, "/motorista", json: Self.body, token: admin).status == 201)
        #expect(harness.call(.delete, "/tipo-licencia/1", token: admin).status == 409)
    }

    @Test("reads need a token; writes need ADMIN (T12); unknown or malformed ids are the driver's 404")
    func access() throws {
        let (harness, admin) = try Self.harness()
        let id = try Self.crear(harness, admin)
        let routes: [(HTTPMethod, String, String?)] = [
            (.post, "/motorista", Self.body), (.get, "/motorista/todos/lista", nil), (.get, "/motorista", nil),
            (.get, "/motorista/\(id)", nil), (.put, "/motorista/\(id)", #"{"telefono": "1"}"#),
            (.patch, "/motorista/\(id)/disponibilidad", #"{"idTipoDisponibilidad": 1}"#), (.delete, "/motorista/\(id)", nil),
        ]
        try harness.expectAdminWritesTokenReads(routes)
        for bad in ["abc", "0", "99999", "1.5", "12345678901"] {
            for (method, path, json) in [(HTTPMethod.get, "/motorista/\(bad)", nil as String?), (.put, "/motorista/\(bad)", #"{"telefono": "1"}"#),
                                         (.patch, "/motorista/\(bad)/disponibilidad", #"{"idTipoDisponibilidad": 1}"#), (.delete, "/motorista/\(bad)", nil)] {
                let response = harness.call(method, path, json: json, token: admin)
                #expect(response.status == 404 && response.message == "Motorista con Id \(bad) no encontrado", "\(method) \(path): \(response.text)")
            }
        }
        // Seed user 1 is a requester, not a driver.
        #expect(harness.call(.get, "/motorista/1", token: admin).status == 404)
    }
}

/// Ruling 1: a client's text is never a 5xx, also in the ASCII columns (DUI, NIT, IMEI).
@Suite("Motorista and Solicitante: any text is a 4xx or an answer, never a 5xx")
struct PerfilTextoTests {
    @Test("non-ASCII text in the DUI filter, the search and the NIT or IMEI of a write")
    func nonASCII() throws {
        let (harness, admin) = try MotoristaTests.harness()
        for path in ["/motorista?dui=%C3%A9", "/motorista/todos/lista?busqueda=%C3%A9", "/solicitante?dui=%C3%B1",
                     "/solicitante/todos/lista?busqueda=%E2%82%AC"] {
            let response = harness.call(.get, path, token: admin)
            #expect(response.status == 200, "\(path): \(response.text)")
        }
        for (key, value) in [("nit", "é"), ("imei", "ñ123")] {
            let body = String(MotoristaTests.body.dropLast()) + #", "\#(key)": "\#(value)"}"#
            let response = harness.call(.post, "/motorista", json: body, token: admin)
            #expect(response.status == 400 && response.errorFields == [key], "\(key): \(response.text)")
            let externo = String(SolicitanteTests.externo.dropLast()) + #", "nit": "é"}"#
            #expect(harness.call(.post, "/solicitante/externo", json: externo, token: admin).errorFields == ["nit"])
        }
    }
}
