import AppCore
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// `/api/usuarios` (all A): list, get, update, delete (monitor.md §4.2, ruling M10).
@Suite("Monitor usuarios")
struct UsuarioTests {
    static func number(_ input: Input?) -> Int? {
        if case .number(let text)? = input { return Int(text) }
        return nil
    }

    /// A user with `nombre`, password `ventanilla`.
    static func insert(_ h: MonitorHarness, _ username: String, rol: Rol = .operador, nombre: String? = "Nombre") throws -> Int {
        let hash = try PasswordHasher.hash("ventanilla")
        return try h.connection.execute(
            "INSERT INTO usuario (nombre, username, password_hash, rol) VALUES (\(nombre), \(username), \(hash), \(rol.rawValue))"
        ).lastInsertID
    }

    static func row(_ h: MonitorHarness, _ id: Int) throws -> SQLRow? {
        try h.connection.queryFirst("SELECT nombre, username, password_hash, rol FROM usuario WHERE id = \(id)")
    }

    // MARK: route × role

    @Test("Every route × role: no token 401, Tecnico and Operador 403, Administrador 2xx")
    func routesByRole() throws {
        let h = try MonitorHarness()
        let target = try Self.insert(h, "objetivo")
        let tecnico = try h.user(.tecnico).token, operador = try h.user(.operador).token
        let admin = try h.user(.administrador).token
        let routes: [(HTTPMethod, String, String?, Int)] = [
            (.get, "/api/usuarios", nil, 200),
            (.get, "/api/usuarios/\(target)", nil, 200),
            (.put, "/api/usuarios/\(target)", #"{"nombre": "Otro"}"#, 200),
            (.delete, "/api/usuarios/\(target)", nil, 200),
        ]
        for (method, path, json, success) in routes {
            let before = try Self.row(h, target)?.optionalString("nombre")
            let none = h.call(method, path, json: json)
            #expect(none.status == 401 && none.error == "Token requerido", "\(method) \(path)")
            for token in [tecnico, operador] {
                let response = h.call(method, path, json: json, token: token)
                #expect(response.status == 403, "\(method) \(path)")
                #expect(response.text == #"{"error":"Acceso restringido a administradores"}"#)
            }
            #expect(try Self.row(h, target)?.optionalString("nombre") == before, "nothing changed before the admin call")
            let response = h.call(method, path, json: json, token: admin)
            #expect(response.status == success, "\(method) \(path): \(response.text)")
        }
    }

    // MARK: list and get

    @Test("GET /api/usuarios lists {id,nombre,username,rol} by id, never the hash")
    func list() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador, username: "zeta")
        let a = try Self.insert(h, "alfa", rol: .tecnico, nombre: nil)
        let b = try Self.insert(h, "beta", rol: .operador, nombre: "Beta")
        let response = h.call(.get, "/api/usuarios", token: admin.token)
        #expect(response.status == 200)
        #expect(response.text == """
            [{"id":\(admin.id),"nombre":"zeta","username":"zeta","rol":"Administrador"},\
            {"id":\(a),"nombre":null,"username":"alfa","rol":"Tecnico"},\
            {"id":\(b),"nombre":"Beta","username":"beta","rol":"Operador"}]
            """)
    }

    @Test("GET /api/usuarios/:id: the user, 404 Usuario no encontrado; an id that is not a positive integer is 400 ID inválido (ruling 10: the document's integer ≥ 1)")
    func get() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador)
        let id = try Self.insert(h, "uno", rol: .tecnico, nombre: "Uno")
        let expected = #"{"id":\#(id),"nombre":"Uno","username":"uno","rol":"Tecnico"}"#
        for path in ["\(id)", "00\(id)"] {
            let response = h.call(.get, "/api/usuarios/\(path)", token: admin.token)
            #expect(response.status == 200, "\(path)")
            #expect(response.text == expected, "\(path)")
        }
        for path in ["999999", "2147483647"] {
            let response = h.call(.get, "/api/usuarios/\(path)", token: admin.token)
            #expect(response.status == 404, "\(path)")
            #expect(response.text == #"{"error":"Usuario no encontrado"}"#)
        }
        for path in ["abc", "x12", "-", "0x", "%20", "\(id).0", "\(id).9", "\(id)abc", "+\(id)", "0x\(String(id, radix: 16))",
                     "1e5", "0", "-\(id)", "2147483648", "99999999999999999999999"] {
            for method in [HTTPMethod.get, .delete] {
                let response = h.call(method, "/api/usuarios/\(path)", token: admin.token)
                #expect(response.status == 400, "\(method) \(path)")
                #expect(response.text == #"{"error":"ID inválido"}"#)
            }
            let put = h.call(.put, "/api/usuarios/\(path)", json: #"{"nombre": "x"}"#, token: admin.token)
            #expect(put.status == 400, "PUT \(path)")
        }
    }

    // MARK: update

    @Test("PUT: nombre applies when present (null clears), username/rol/password only when non-empty")
    func update() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador)
        let id = try Self.insert(h, "cambia", rol: .operador, nombre: "Antes")
        let originalHash = try #require(try Self.row(h, id)).string("password_hash")

        var response = h.call(.put, "/api/usuarios/\(id)", json: #"{"nombre": "Después"}"#, token: admin.token)
        #expect(response.status == 200)
        #expect(response.text == #"{"id":\#(id),"nombre":"Después","username":"cambia","rol":"Operador"}"#)

        response = h.call(.put, "/api/usuarios/\(id)", json: #"{"username": "", "rol": "", "password": ""}"#, token: admin.token)
        #expect(response.text == #"{"id":\#(id),"nombre":"Después","username":"cambia","rol":"Operador"}"#)
        response = h.call(.put, "/api/usuarios/\(id)", json: #"{"username": null, "rol": null, "password": null}"#, token: admin.token)
        #expect(response.text == #"{"id":\#(id),"nombre":"Después","username":"cambia","rol":"Operador"}"#)
        response = h.call(.put, "/api/usuarios/\(id)", json: "{}", token: admin.token)
        #expect(response.status == 200)
        #expect(try #require(try Self.row(h, id)).string("password_hash") == originalHash)

        response = h.call(.put, "/api/usuarios/\(id)", json: #"{"nombre": null}"#, token: admin.token)
        #expect(response.text == #"{"id":\#(id),"nombre":null,"username":"cambia","rol":"Operador"}"#)
        response = h.call(.put, "/api/usuarios/\(id)", json: #"{"nombre": ""}"#, token: admin.token)
        #expect(response.json?["nombre"] == .string(""))

        response = h.call(.put, "/api/usuarios/\(id)",
                          json: #"{"username": "cambiado", "rol": "Técnico", "password": "nueva", "otro": 1}"#, token: admin.token)
        #expect(response.status == 200)
        #expect(response.text == #"{"id":\#(id),"nombre":"","username":"cambiado","rol":"Tecnico"}"#)
        let row = try #require(try Self.row(h, id))
        #expect(try row.string("rol") == "Tecnico")
        let hash = try row.string("password_hash")
        #expect(hash != originalHash && hash.hasPrefix("$2b$10$"))
        #expect(h.call(.post, "/api/auth/login", json: #"{"username": "cambiado", "password": "nueva"}"#).status == 200)
        #expect(h.call(.post, "/api/auth/login", json: #"{"username": "cambiado", "password": "ventanilla"}"#).status == 401)

        // Same username as its own: no conflict. An admin may change their own role.
        #expect(h.call(.put, "/api/usuarios/\(id)", json: #"{"username": "cambiado"}"#, token: admin.token).status == 200)
        response = h.call(.put, "/api/usuarios/\(admin.id)", json: #"{"rol": "Operador"}"#, token: admin.token)
        #expect(response.status == 200)
        #expect(response.json?["rol"] == .string("Operador"))
    }

    @Test("PUT: the documented messages in the original's order; nothing changes")
    func updateMessages() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador)
        let id = try Self.insert(h, "quieto", nombre: "Quieto")
        _ = try Self.insert(h, "ocupado")
        let cases: [(String, String, Int, String)] = [
            ("abc", #"{"rol": "Jefe"}"#, 400, "ID inválido"),
            ("abc", #"{"nombre": 5}"#, 400, "ID inválido"),
            ("\(id)", #"{"rol": "Jefe", "username": "a b"}"#, 400, "Rol inválido. Debe ser: Administrador, Operador, Tecnico"),
            ("999999", #"{"rol": "Jefe"}"#, 400, "Rol inválido. Debe ser: Administrador, Operador, Tecnico"),
            ("\(id)", #"{"username": "a b"}"#, 400, "El usuario no puede contener espacios"),
            ("999999", #"{"username": "a\u00a0b"}"#, 400, "El usuario no puede contener espacios"),
            ("999999", #"{"username": "ocupado"}"#, 404, "Usuario no encontrado"),
            ("999999", #"{}"#, 404, "Usuario no encontrado"),
            ("\(id)", #"{"username": "ocupado", "nombre": "Cambiaría"}"#, 400, "El username ya está en uso"),
            ("\(id)", #"{"nombre": 5}"#, 400, "El campo 'nombre' debe ser texto"),
            ("\(id)", #"{"username": true}"#, 400, "El campo 'username' debe ser texto"),
            ("\(id)", #"{"password": 1234}"#, 400, "El campo 'password' debe ser texto"),
            ("\(id)", #"{"rol": ["Operador"]}"#, 400, "El campo 'rol' debe ser texto"),
            ("\(id)", #"{"password": "a\u0000b"}"#, 400, "El campo 'password' contiene caracteres no permitidos"),
            ("\(id)", #"{"username": "\#(String(repeating: "u", count: 101))"}"#, 400,
             "El campo 'username' excede la longitud máxima de 100 caracteres"),
            ("\(id)", #"[1]"#, 400, "El cuerpo de la solicitud debe ser un objeto JSON"),
            ("\(id)", #"{"nombre": "#, 400, "El cuerpo de la solicitud no es JSON válido"),
        ]
        for (path, body, status, message) in cases {
            let response = h.call(.put, "/api/usuarios/\(path)", json: body, token: admin.token)
            #expect(response.status == status, "\(path) \(body)")
            #expect(response.error == message, "\(path) \(body)")
        }
        let row = try #require(try Self.row(h, id))
        #expect(try row.optionalString("nombre") == "Quieto")
        #expect(try row.string("username") == "quieto")
        #expect(try row.string("rol") == "Operador")
        #expect(PasswordHasher.verify("ventanilla", hash: try row.string("password_hash")))

        let huge = String(repeating: "n", count: 10 * 1024 * 1024)
        let response = h.call(.put, "/api/usuarios/\(id)", json: #"{"nombre": "\#(huge)"}"#, token: admin.token)
        #expect((400..<500).contains(response.status))
        #expect(try #require(try Self.row(h, id)).optionalString("nombre") == "Quieto")
    }

    // MARK: delete

    @Test("DELETE: {ok, id}; own account 400; unknown 404; bad id 400")
    func delete() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador)
        let id = try Self.insert(h, "borrame")
        var response = h.call(.delete, "/api/usuarios/\(id)", token: admin.token)
        #expect(response.status == 200)
        #expect(response.text == #"{"ok":true,"id":\#(id)}"#)
        #expect(try Self.row(h, id) == nil)

        response = h.call(.delete, "/api/usuarios/\(id)", token: admin.token)
        #expect(response.status == 404)
        #expect(response.text == #"{"error":"Usuario no encontrado"}"#)

        response = h.call(.delete, "/api/usuarios/\(admin.id)", token: admin.token)
        #expect(response.status == 400)
        #expect(response.text == #"{"error":"No puedes eliminar tu propia cuenta"}"#)
        response = h.call(.delete, "/api/usuarios/\(admin.id)xyz", token: admin.token)
        #expect(response.error == "ID inválido")
        #expect(try Self.row(h, admin.id) != nil)

        response = h.call(.delete, "/api/usuarios/abc", token: admin.token)
        #expect(response.status == 400)
        #expect(response.text == #"{"error":"ID inválido"}"#)
    }

    @Test("DELETE of a user still referenced is 409 and deletes nothing (ruling M10)")
    func deleteReferenced() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador)
        let creador = try Self.insert(h, "creador")
        let historial = try Self.insert(h, "historial")
        let comentador = try Self.insert(h, "comentador")
        let subidor = try Self.insert(h, "subidor")
        try h.connection.execute("INSERT INTO expediente (no_siniestro, creado_por, estado) VALUES ('SIN-1', \(creador), 'Ingreso')")
        try h.connection.execute("""
            INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
            VALUES ('SIN-1', NULL, 'Ingreso', UTC_TIMESTAMP(3), \(historial))
            """)
        try h.connection.execute("""
            INSERT INTO comentario (no_siniestro, usuario_id, fecha, hora, comentario)
            VALUES ('SIN-1', \(comentador), '2024-01-01', '10:00:00', 'hola')
            """)
        try h.connection.execute("""
            INSERT INTO evidencia (no_siniestro, tipo, nombre_archivo, ruta, subido_por)
            VALUES ('SIN-1', 'foto', 'a.jpg', 'x/a.jpg', \(subidor))
            """)
        for id in [creador, historial, comentador, subidor] {
            let response = h.call(.delete, "/api/usuarios/\(id)", token: admin.token)
            #expect(response.status == 409, "\(id): \(response.text)")
            #expect(response.text == #"{"error":"No se puede eliminar el usuario porque tiene registros asociados"}"#)
            #expect(try Self.row(h, id) != nil)
        }
    }
}
