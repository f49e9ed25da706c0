import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// `/solicitante` as transporte.md §9.3 and rulings T12, 2 and 5 say. The seed's Perfiles 1 and 2 are internal
/// requesters; 3 and 4 approvers; 5 the ADMIN.
@Suite("Solicitante (§9.3)")
struct SolicitanteTests {
    static let externo = #"{"dui": "04567890-1", "nombre1": "Rosa", "apellido1": "Martínez", "apellido2": "Cruz", "email": "rosa.martinez@example.org", "telefono": "7222-0000", "direccion": "San Salvador", "idDepartamento": 2}"#

    static func harness() throws -> (TransporteHarness, String) {
        let harness = try TransporteHarness()
        return (harness, try harness.token("admin"))
    }

    @Test("interno gives an existing Perfil the role: 201 with the record; 409 when it has it; 404 for no Perfil")
    func interno() throws {
        let (harness, admin) = try Self.harness()
        let created = harness.call(.post, "/solicitante/interno", json: #"{"idPerfil": 3}"#, token: admin)
        #expect(created.status == 201 && created.message == "Solicitante creado exitosamente", "\(created.text)")
        #expect(created.data?["IdPerfil"]?.intValue == 3 && created.data?["Tipo"]?.stringValue == "INTERNO")
        #expect(created.data?["NombreCompleto"]?.stringValue?.hasPrefix("María") == true)
        let again = harness.call(.post, "/solicitante/interno", json: #"{"idPerfil": 3}"#, token: admin)
        #expect(again.status == 409 && again.message == "El perfil con Id 3 ya tiene el rol de solicitante" && again.errorFields == ["idPerfil"])
        let missing = harness.call(.post, "/solicitante/interno", json: #"{"idPerfil": 999}"#, token: admin)
        #expect(missing.status == 404 && missing.message == "Perfil con Id 999 no encontrado")
        #expect(harness.call(.post, "/solicitante/interno", json: "{}", token: admin).errorFields == ["idPerfil"])
        #expect(try harness.count("SELECT COUNT(*) FROM PerfilRol WHERE IdPerfil = 3 AND Eliminado = 0") == 2)
    }

    @Test("externo creates a phantom account that cannot log in, its Perfil and the role")
    func externo() throws {
        let (harness, admin) = try Self.harness()
        let created = harness.call(.post, "/solicitante/externo", json: Self.externo, token: admin)
        #expect(created.status == 201 && created.message == "Solicitante creado exitosamente", "\(created.text)")
        let id = try #require(created.data?["IdPerfil"]?.intValue)
        #expect(created.data?["Tipo"]?.stringValue == "EXTERNO" && created.data?["NombreCompleto"]?.stringValue == "Rosa Martínez Cruz")
        #expect(created.data?["NombreDepartamento"]?.stringValue == "Logística" && created.data?["Dui"]?.stringValue == "04567890-1")
        #expect(try harness.count("""
            SELECT COUNT(*) FROM Usuario u JOIN Perfil p ON p.IdUsuario = u.Id
             WHERE p.Id = \(id) AND u.Activo = 0 AND u.PasswordHash IS NULL AND u.Email IS NULL
            """) == 1)
        let login = harness.call(.post, "/auth/login", json: #"{"username": "externo-04567890-1", "password": "x"}"#)
        #expect(login.status == 401)
        let read = harness.call(.get, "/solicitante/\(id)", token: try harness.token("aprobador1"))
        #expect(read.status == 200 && read.message == "Solicitante obtenido exitosamente" && read.data == created.data)
    }

    @Test("externo: DUI required and 12345678-9, unique; e-mail unique; department must exist; nothing written on refusal")
    func externoRefusals() throws {
        let (harness, admin) = try Self.harness()
        #expect(harness.call(.post, "/solicitante/externo", json: Self.externo, token: admin).status == 201)
        let perfiles = try harness.count("SELECT COUNT(*) FROM Perfil")
        let missing = harness.call(.post, "/solicitante/externo", json: "{}", token: admin)
        #expect(missing.status == 400 && missing.errorFields == ["dui", "nombre1", "apellido1"])
        let cases: [(String, String, Int, String)] = [
            ("dui", #""04567890-1""#, 409, "Ya existe un perfil con el DUI '04567890-1'"),
            ("dui", #""045678901A""#, 400, PerfilFormato.duiInvalido),
            ("email", #""solicitante1@transporte.local""#, 409, "Ya existe un usuario con el correo 'solicitante1@transporte.local'"),
            ("email", #""rosa""#, 400, PerfilFormato.emailInvalido),
            ("idDepartamento", "77", 400, "El departamento con Id 77 no existe o está eliminado"),
        ]
        for (key, value, status, message) in cases {
            let json = Self.externo.replacingOccurrences(of: "04567890-1", with: "09999999-9").replacingOccurrences(of: "rosa.martinez@", with: "otra@")
            let response = harness.call(.post, "/solicitante/externo", json: String(json.dropLast()) + #", "\#(key)": \#(value)}"#, token: admin)
            #expect(response.status == status && response.message == message && response.errorFields == [key], "\(key): \(response.text)")
        }
        #expect(try harness.count("SELECT COUNT(*) FROM Perfil") == perfiles)
    }

    @Test("lists: the seed's internal requesters and the external ones; filters tipo, dui, nombre, busqueda; the page")
    func lists() throws {
        let (harness, admin) = try Self.harness()
        #expect(harness.call(.post, "/solicitante/externo", json: Self.externo, token: admin).status == 201)
        let reader = try harness.token("solicitante2")
        func ids(_ query: String) -> [Int] {
            harness.call(.get, "/solicitante/todos/lista" + query, token: reader).data?.arrayValue?.compactMap { $0["IdPerfil"]?.intValue } ?? []
        }
        #expect(Set(ids("")) == [1, 2, 6])
        #expect(ids("?tipo=externo") == [6])
        #expect(Set(ids("?tipo=INTERNO")) == [1, 2])
        #expect(ids("?dui=4567") == [6])
        #expect(ids("?nombre=rosa mart") == [6])
        #expect(ids("?busqueda=7222") == [6])
        let page = harness.call(.get, "/solicitante?por_pagina=2", token: reader)
        #expect(page.status == 200 && page.message == "Listado de solicitantes obtenido exitosamente")
        #expect(page.data?["total"]?.intValue == 3 && page.data?["registros"]?.arrayValue?.count == 2)
        #expect(harness.call(.get, "/solicitante/", token: reader).status == 200)
        #expect(harness.call(.get, "/solicitante?pagina=0", token: reader).errorFields == ["pagina"])
    }

    @Test("PUT changes only the fields sent; null clears an optional one; required ones cannot be null")
    func update() throws {
        let (harness, admin) = try Self.harness()
        let id = try #require(harness.call(.post, "/solicitante/externo", json: Self.externo, token: admin).data?["IdPerfil"]?.intValue)
        let updated = harness.call(.put, "/solicitante/\(id)", json: #"{"telefono": "7333-1111", "apellido2": null}"#, token: admin)
        #expect(updated.status == 200 && updated.message == "Solicitante actualizado exitosamente", "\(updated.text)")
        #expect(updated.data?["Telefono"]?.stringValue == "7333-1111" && updated.data?["Apellido2"] == .null)
        #expect(updated.data?["Dui"]?.stringValue == "04567890-1" && updated.data?["Tipo"]?.stringValue == "EXTERNO")
        #expect(harness.call(.put, "/solicitante/\(id)", json: #"{"nombre1": null}"#, token: admin).errorFields == ["nombre1"])
        #expect(harness.call(.put, "/solicitante/\(id)", json: "{}", token: admin).message == "No se proporcionaron campos para actualizar")
        let clash = harness.call(.put, "/solicitante/\(id)", json: #"{"email": "solicitante1@transporte.local"}"#, token: admin)
        #expect(clash.status == 409)
        // An internal requester keeps its own e-mail.
        #expect(harness.call(.put, "/solicitante/1", json: #"{"email": "solicitante1@transporte.local"}"#, token: admin).status == 200)
    }

    @Test("delete removes the role (an external requester's Perfil and account too); refused while a solicitud is open")
    func delete() throws {
        let (harness, admin) = try Self.harness()
        try harness.insertSolicitud()
        let busy = harness.call(.delete, "/solicitante/1", token: admin)
        #expect(busy.status == 409 && busy.message == "No se puede eliminar este solicitante porque tiene solicitudes activas asociadas")
        let interno = harness.call(.delete, "/solicitante/2", token: admin)
        #expect(interno.status == 200 && interno.message == "Solicitante eliminado exitosamente", "\(interno.text)")
        #expect(interno.data?["mensaje"]?.stringValue?.hasPrefix("Solicitante '") == true)
        #expect(harness.call(.get, "/solicitante/2", token: admin).message == "Solicitante con Id 2 no encontrado")
        #expect(try harness.count("SELECT COUNT(*) FROM Perfil WHERE Id = 2 AND Eliminado = 0") == 1)
        let id = try #require(harness.call(.post, "/solicitante/externo", json: Self.externo, token: admin).data?["IdPerfil"]?.intValue)
        #expect(harness.call(.delete, "/solicitante/\(id)", token: admin).status == 200)
        #expect(try harness.count("""
            SELECT COUNT(*) FROM Perfil p JOIN Usuario u ON u.Id = p.IdUsuario WHERE p.Id = \(id) AND p.Eliminado = 1 AND u.Eliminado = 1
            """) == 1)
        #expect(harness.call(.post, "/solicitante/externo", json: Self.externo, token: admin).status == 201, "the DUI is free again")
    }

    @Test("reads need a token; writes need ADMIN (T12); unknown or malformed ids are the requester's 404")
    func access() throws {
        let (harness, admin) = try Self.harness()
        let routes: [(HTTPMethod, String, String?)] = [
            (.post, "/solicitante/interno", #"{"idPerfil": 4}"#), (.post, "/solicitante/externo", Self.externo),
            (.get, "/solicitante/todos/lista", nil), (.get, "/solicitante", nil), (.get, "/solicitante/1", nil),
            (.put, "/solicitante/1", #"{"telefono": "1"}"#), (.delete, "/solicitante/1", nil),
        ]
        try harness.expectAdminWritesTokenReads(routes)
        for bad in ["abc", "0", "3", "99999", "12345678901"] {
            for (method, json) in [(HTTPMethod.get, nil as String?), (.put, #"{"telefono": "1"}"#), (.delete, nil)] {
                let response = harness.call(method, "/solicitante/\(bad)", json: json, token: admin)
                #expect(response.status == 404 && response.message == "Solicitante con Id \(bad) no encontrado", "\(method) \(bad): \(response.text)")
            }
        }
    }
}
