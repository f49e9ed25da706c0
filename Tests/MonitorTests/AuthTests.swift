import App
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// `POST /api/auth/login`, `POST /api/auth/register` and the token checks (monitor.md §2, §4.1, ruling M5).
@Suite("Monitor auth")
struct AuthTests {
    /// The harness's `JWT_SECRET`.
    static let secret = MonitorHarness.secret

    /// A clock stopped at `milliseconds`.
    struct StoppedClock: Clock {
        let milliseconds: Int64
        func nowMilliseconds() -> Int64 { milliseconds }
    }

    /// The claims of a token, unverified.
    static func claims(_ token: String) throws -> Input {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        try #require(parts.count == 3)
        return try JSONParser.parse(try #require(Base64URL.decode(parts[1])))
    }

    static func number(_ input: Input?) -> Int? {
        if case .number(let text)? = input { return Int(text) }
        return nil
    }

    /// The development seed (admin, operador, tecnico; password `ventanilla`).
    static func seed(_ h: MonitorHarness) throws {
        let root = ProcessInfo.processInfo.environment["VENTANILLA_TEST_SQL_DIR"] ?? "sql"
        try Seeder(directory: root + "/monitor", logger: Logger(label: "test.seed")).run(on: h.connection)
    }

    static func login(_ h: MonitorHarness, _ username: String, _ password: String = "ventanilla") -> TestResponse {
        h.call(.post, "/api/auth/login", json: #"{"username": "\#(username)", "password": "\#(password)"}"#)
    }

    // MARK: login

    @Test("Login with each seeded user answers the token and the user; the token carries id, username, rol, 8 h")
    func loginSeededUsers() throws {
        let h = try MonitorHarness()
        try Self.seed(h)
        for (username, nombre, rol) in [("admin", "Admin", "Administrador"), ("operador", "Operador", "Operador"),
                                        ("tecnico", "Técnico", "Tecnico")] {
            let response = Self.login(h, username)
            #expect(response.status == 200, "\(username): \(response.text)")
            let json = try #require(response.json)
            #expect(json.objectValue?.keys == ["token", "usuario"])
            let usuario = try #require(json["usuario"])
            #expect(usuario.objectValue?.keys == ["id", "nombre", "username", "rol"])
            let id = try #require(Self.number(usuario["id"]))
            #expect(id == (try h.count("SELECT id FROM usuario WHERE username = \(username)")))
            #expect(usuario["nombre"] == .string(nombre))
            #expect(usuario["username"] == .string(username))
            #expect(usuario["rol"] == .string(rol))
            #expect(!response.text.contains("password") && !response.text.contains("$2b$"))

            let token = try #require(json["token"]?.stringValue)
            let claims = try Self.claims(token)
            #expect(Self.number(claims["id"]) == id)
            #expect(claims["username"] == .string(username))
            #expect(claims["rol"] == .string(rol))
            let iat = try #require(Self.number(claims["iat"])), exp = try #require(Self.number(claims["exp"]))
            #expect(exp - iat == 28_800)
            #expect(iat == h.clock.nowSeconds())
            let header = try JSONParser.parse(try #require(Base64URL.decode(token.split(separator: ".")[0])))
            #expect(header["alg"] == .string("HS256"))

            // The token works on a route of its role.
            #expect(h.call(.get, "/api/expedientes-nonexistent", token: token).status == 404)
            #expect(h.call(.get, "/api/usuarios", token: token).status == (rol == "Administrador" ? 200 : 403))
        }
    }

    @Test("A hash from the original system (bcrypt $2b$, cost 10) still logs in")
    func loginWithExistingHash() throws {
        let h = try MonitorHarness()
        // The development seed's admin hash, generated outside this program (libxcrypt), as a migrated hash would be.
        try h.connection.execute("""
            INSERT INTO usuario (nombre, username, password_hash, rol)
            VALUES ('Viejo', 'viejo', '$2b$10$/WePNMr1c1MmbW01M/OrQuxpCnph4sYYERfd0yanKwg9B62PL4qMG', 'Operador')
            """)
        let response = Self.login(h, "viejo")
        #expect(response.status == 200)
        #expect(response.json?["usuario"]?["rol"] == .string("Operador"))
    }

    @Test("Login: missing, null, empty or falsy credentials are 400 Usuario y contraseña requeridos", arguments: [
        #"{}"#, #"{"username": "admin"}"#, #"{"password": "ventanilla"}"#, #"{"username": "", "password": "ventanilla"}"#,
        #"{"username": "admin", "password": ""}"#, #"{"username": null, "password": "x"}"#,
        #"{"username": "admin", "password": null}"#, #"{"username": "a b", "password": ""}"#,
    ])
    func loginRequired(body: String) throws {
        let h = try MonitorHarness()
        let response = h.call(.post, "/api/auth/login", json: body)
        #expect(response.status == 400)
        #expect(response.text == #"{"error":"Usuario y contraseña requeridos"}"#)
    }

    @Test("Login without a body is 400 Usuario y contraseña requeridos")
    func loginEmptyBody() throws {
        let h = try MonitorHarness()
        let response = h.call(.post, "/api/auth/login")
        #expect(response.status == 400)
        #expect(response.error == "Usuario y contraseña requeridos")
    }

    @Test("Login: whitespace anywhere in the username is 400 before the user is looked up", arguments: [
        "a b", " admin", "admin ", "ad\\tmin", "ad\\nmin", "ad\\u00a0min", "ad\\u2028min", "ad\\ufeffmin", "ad\\u3000min",
    ])
    func loginWhitespace(username: String) throws {
        let h = try MonitorHarness()
        let response = h.call(.post, "/api/auth/login", json: #"{"username": "\#(username)", "password": "x"}"#)
        #expect(response.status == 400)
        #expect(response.error == "El usuario no puede contener espacios")
    }

    @Test("Login: unknown user, wrong password, other case are all 401 Credenciales inválidas")
    func loginInvalid() throws {
        let h = try MonitorHarness()
        try Self.seed(h)
        for (username, password) in [("nadie", "ventanilla"), ("admin", "otra"), ("Admin", "ventanilla"),
                                     ("admin", "Ventanilla"), ("admin", "ventanilla ")] {
            let response = Self.login(h, username, password)
            #expect(response.status == 401, "\(username)/\(password)")
            #expect(response.text == #"{"error":"Credenciales inválidas"}"#)
        }
    }

    @Test("Login: an unknown user takes a bcrypt round like a wrong password does")
    func loginUnknownUserRunsBcrypt() throws {
        let h = try MonitorHarness()
        try Self.seed(h)
        // The fastest of several rounds: robust against a busy machine slowing some of them down.
        func fastest(_ username: String) -> Double {
            (0..<5).map { _ in
                Elapsed.measure { Self.login(h, username, "otra") }.seconds
            }.min() ?? 0
        }
        let unknown = fastest("nadie"), wrong = fastest("admin")
        // Cost 10 is tens of milliseconds per round; without the dummy verify an unknown user answers in ~1 ms.
        #expect(unknown > wrong * 0.3, "unknown \(unknown) s vs wrong password \(wrong) s")
    }

    @Test("Login: wrong types and malformed bodies are 4xx naming the problem", arguments: [
        (#"{"username": 5, "password": "x"}"#, "El campo 'username' debe ser texto"),
        (#"{"username": "admin", "password": true}"#, "El campo 'password' debe ser texto"),
        (#"{"username": ["admin"], "password": "x"}"#, "El campo 'username' debe ser texto"),
        (#"{"username": {"a": 1}, "password": "x"}"#, "El campo 'username' debe ser texto"),
        (#"["admin", "ventanilla"]"#, "El cuerpo de la solicitud debe ser un objeto JSON"),
        (#""admin""#, "El cuerpo de la solicitud debe ser un objeto JSON"),
        (#"{"username": "admin", "password": "#, "El cuerpo de la solicitud no es JSON válido"),
        (#"{"username": "admin" "password": "x"}"#, "El cuerpo de la solicitud no es JSON válido"),
    ])
    func loginBadInput(body: String, message: String) throws {
        let h = try MonitorHarness()
        let response = h.call(.post, "/api/auth/login", json: body)
        #expect(response.status == 400)
        #expect(response.error == message)
    }

    @Test("Login: a huge username or invalid UTF-8 is a 4xx, never a 5xx")
    func loginHugeAndInvalid() throws {
        let h = try MonitorHarness()
        let long = String(repeating: "a", count: 101)
        let tooLong = h.call(.post, "/api/auth/login", json: #"{"username": "\#(long)", "password": "x"}"#)
        #expect(tooLong.status == 400)
        #expect(tooLong.error == "El campo 'username' excede la longitud máxima de 100 caracteres")
        let huge = String(repeating: "a", count: 10 * 1024 * 1024)
        let response = h.call(.post, "/api/auth/login", json: #"{"username": "\#(huge)", "password": "x"}"#)
        #expect((400..<500).contains(response.status), "\(response.status) \(response.text.prefix(200))")
        #expect(response.error != nil)
        var bytes = Array(#"{"username": "adm"#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(#"in", "password": "x"}"#.utf8)
        let invalid = h.call(.post, "/api/auth/login", body: bytes, contentType: "application/json")
        #expect((400..<500).contains(invalid.status))
        #expect(invalid.error != nil)
    }

    // MARK: tokens

    @Test("Missing header, another scheme, lowercase bearer: 401 Token requerido")
    func tokenRequired() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.administrador)
        for headers in [[], [("Authorization", "Basic YWRtaW46dmVudGFuaWxsYQ==")], [("Authorization", "bearer \(token)")],
                        [("Authorization", "Bearer")], [("Authorization", "Token \(token)")], [("Authorization", token)]] {
            let response = h.call(.get, "/api/usuarios", headers: headers)
            #expect(response.status == 401, "\(headers)")
            #expect(response.text == #"{"error":"Token requerido"}"#)
        }
    }

    @Test("Tampered, expired, alg none, other secret, garbage: 401 Token inválido o expirado")
    func tokenInvalid() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.tecnico)
        let now = h.clock.nowSeconds()
        let claims: [(String, JSONValue)] = [("id", .integer(id)), ("username", .string("x")), ("rol", .string("Administrador")),
                                             ("iat", .integer(now)), ("exp", .integer(now + 28_800))]
        let parts = token.split(separator: ".").map(String.init)
        let promoted = Base64URL.encode(JSONWriter.encode(.object(claims)))
        let tampered = parts[0] + "." + promoted + "." + parts[2]
        let header = { (alg: String) in Base64URL.encode(JSONWriter.encode(.object([("alg", .string(alg)), ("typ", .string("JWT"))]))) }
        let algNone = header("none") + "." + promoted + "."
        let algNoneSigned = header("none") + "." + promoted + "." + parts[2]
        let otherSecret = HS256Token(secret: "another-secret-0123456789abcdef").sign(claims)
        let past = Int64(now - 28_800 - 5) * 1_000
        let expired = try h.token(id: id, tokens: MonitorTokens(secret: Self.secret, clock: StoppedClock(milliseconds: past)))
        let badRole = HS256Token(secret: Self.secret).sign([("id", .integer(id)), ("username", .string("x")),
                                                            ("rol", .string("Root")), ("exp", .integer(now + 60))])
        let noID = HS256Token(secret: Self.secret).sign([("username", .string("x")), ("rol", .string("Administrador")),
                                                         ("exp", .integer(now + 60))])
        for bad in [tampered, algNone, algNoneSigned, otherSecret, expired, badRole, noID, "abc", "a.b.c", "", token + "x"] {
            let response = h.call(.get, "/api/usuarios", headers: [("Authorization", "Bearer " + bad)])
            #expect(response.status == 401, "\(bad)")
            #expect(response.text == #"{"error":"Token inválido o expirado"}"#)
        }
        // Still valid a moment before expiry, signed with the module's secret.
        let admin = try h.user(.administrador)
        let almost = try h.token(id: admin.id, tokens: MonitorTokens(secret: Self.secret,
                                                                     clock: StoppedClock(milliseconds: Int64(now - 28_800 + 30) * 1_000)))
        #expect(h.call(.get, "/api/usuarios", token: almost).status == 200)
    }

    // MARK: revocation (ruling 9, M17)

    @Test("The row decides, not the token: a token claiming Administrador for a Tecnico, even validly signed, is a Tecnico")
    func roleFromRow() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.tecnico)
        let row = try #require(try h.connection.queryFirst("SELECT password_hash FROM usuario WHERE id = \(id)"))
        let forged = h.module.tokens.issue(for: MonitorIdentity(id: id, username: "x", rol: .administrador),
                                           passwordHash: try row.string("password_hash"))
        #expect(h.call(.get, "/api/usuarios", token: forged).status == 403)
        #expect(h.call(.get, "/api/usuarios", token: token).status == 403)
        // A token without the password stamp (issued before it existed) is refused.
        let now = h.clock.nowSeconds()
        let unstamped = HS256Token(secret: Self.secret).sign([("id", .integer(id)), ("username", .string("x")), ("rol", .string("Tecnico")),
                                                              ("iat", .integer(now)), ("exp", .integer(now + 60))])
        #expect(h.call(.get, "/api/comentarios/SIN-1", token: unstamped).status == 401)
    }

    @Test("Demoted, deleted or with a new password: the old token loses its rights within 60 s, whichever worker served it",
          arguments: ["demoted", "deleted", "password"])
    func revocation(change: String) throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.administrador)
        #expect(h.call(.get, "/api/usuarios", token: token).status == 200)
        // Another worker (or an administrator in SQL) changes the row: this worker's memory of it is at most 30 s old.
        switch change {
        case "demoted": _ = try h.connection.execute("UPDATE usuario SET rol = 'Operador' WHERE id = \(id)")
        case "deleted": _ = try h.connection.execute("DELETE FROM usuario WHERE id = \(id)")
        default: _ = try h.connection.execute("UPDATE usuario SET password_hash = \(try PasswordHasher.hash("otra")) WHERE id = \(id)")
        }
        // Within the 30 s the worker answers from its memory of the row (no read per request)...
        h.clock.advance(seconds: 29)
        #expect(h.call(.get, "/api/usuarios", token: token).status == 200)
        // ...and after them from the row as it is now.
        h.clock.advance(seconds: 2)
        let response = h.call(.get, "/api/usuarios", token: token)
        #expect(response.status == (change == "demoted" ? 403 : 401), "\(response.text)")
        if change == "demoted" {
            // Still a valid session, now with the Operador's rights.
            #expect(h.call(.get, "/api/comentarios/SIN-1", token: token).status == 200)
        } else {
            #expect(response.text == #"{"error":"Token inválido o expirado"}"#)
        }
    }

    @Test("The worker's verified-token cache: a cached token is refused once it expires, a forgery of it is never accepted, and the row still decides")
    func verifiedTokenCache() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.administrador)
        // Verified once, then served from the worker's cache...
        #expect(h.call(.get, "/api/usuarios", token: token).status == 200)
        #expect(h.call(.get, "/api/usuarios", token: token).status == 200)
        // ...but a forgery of it (same header and payload, another signature) is checked in full and refused.
        let parts = token.split(separator: ".").map(String.init)
        let resigned = parts[0] + "." + parts[1] + "." + HS256Token(secret: "another-secret-0123456789abcdef")
            .sign([("id", .integer(id))]).split(separator: ".").map(String.init)[2]
        #expect(h.call(.get, "/api/usuarios", token: resigned).status == 401)
        // The row is still read and checked for a cached token: demoted in SQL, the token is the Operador's after 30 s.
        _ = try h.connection.execute("UPDATE usuario SET rol = 'Operador' WHERE id = \(id)")
        h.clock.advance(seconds: 31)
        #expect(h.call(.get, "/api/usuarios", token: token).status == 403)
        #expect(h.call(.get, "/api/comentarios/SIN-1", token: token).status == 200)
        // At its exp (8 h after issue) the cached token is refused like any expired token.
        h.clock.advance(seconds: MonitorTokens.lifetimeSeconds - 31 - 1)
        #expect(h.call(.get, "/api/comentarios/SIN-1", token: token).status == 200)
        h.clock.advance(seconds: 1)
        let expired = h.call(.get, "/api/comentarios/SIN-1", token: token)
        #expect(expired.status == 401)
        #expect(expired.text == #"{"error":"Token inválido o expirado"}"#)
    }

    @Test("Through the API on the same worker the change is immediate: PUT rol, PUT password, DELETE")
    func revocationThroughAPI() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador)
        let (operador, operadorToken) = try h.user(.operador)
        let (otro, otroToken) = try h.user(.administrador)
        #expect(h.call(.get, "/api/usuarios", token: otroToken).status == 200)
        #expect(h.call(.put, "/api/usuarios/\(otro)", json: #"{"rol":"Tecnico"}"#, token: admin.token).status == 200)
        #expect(h.call(.get, "/api/usuarios", token: otroToken).status == 403)
        #expect(h.call(.get, "/api/comentarios/SIN-1", token: operadorToken).status == 200)
        #expect(h.call(.put, "/api/usuarios/\(operador)", json: #"{"password":"nueva-clave"}"#, token: admin.token).status == 200)
        #expect(h.call(.get, "/api/comentarios/SIN-1", token: operadorToken).status == 401)
        let relogin = h.call(.post, "/api/auth/login", json: #"{"username":"\#(try h.username(id: operador))","password":"nueva-clave"}"#)
        #expect(relogin.status == 200)
        let fresh = try #require(relogin.json?["token"]?.stringValue)
        #expect(h.call(.get, "/api/comentarios/SIN-1", token: fresh).status == 200)
        #expect(h.call(.delete, "/api/usuarios/\(otro)", token: admin.token).status == 200)
        #expect(h.call(.get, "/api/comentarios/SIN-1", token: otroToken).status == 401)
    }

    // MARK: register

    @Test("Register × role: none 401, Tecnico and Operador 403, Administrador 201")
    func registerRoles() throws {
        let h = try MonitorHarness()
        let body = #"{"username": "nuevo", "password": "clave", "rol": "Operador"}"#
        #expect(h.call(.post, "/api/auth/register", json: body).error == "Token requerido")
        for rol in [Rol.tecnico, .operador] {
            let response = h.call(.post, "/api/auth/register", json: body, token: try h.user(rol).token)
            #expect(response.status == 403)
            #expect(response.text == #"{"error":"Acceso restringido a administradores"}"#)
        }
        #expect(try h.count("SELECT COUNT(*) FROM usuario WHERE username = 'nuevo'") == 0)
        let response = h.call(.post, "/api/auth/register", json: body, token: try h.user(.administrador).token)
        #expect(response.status == 201)
    }

    @Test("Register creates the user with a bcrypt hash, answers it without the hash, and the user can log in")
    func registerCreates() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador)
        let response = h.call(.post, "/api/auth/register",
                              json: #"{"username": "ltorres", "password": "s3creta", "rol": "Técnico", "nombre": "Luis Torres", "extra": 1}"#,
                              token: admin.token)
        #expect(response.status == 201)
        let id = try #require(Self.number(response.json?["id"]))
        #expect(response.text == #"{"id":\#(id),"nombre":"Luis Torres","username":"ltorres","rol":"Tecnico"}"#)
        let row = try #require(try h.connection.queryFirst("SELECT nombre, rol, password_hash FROM usuario WHERE id = \(id)"))
        #expect(try row.string("rol") == "Tecnico")
        let hash = try row.string("password_hash")
        #expect(hash.hasPrefix("$2b$10$") && hash.utf8.count == 60)
        #expect(PasswordHasher.verify("s3creta", hash: hash))
        let login = Self.login(h, "ltorres", "s3creta")
        #expect(login.status == 200)
        #expect(login.json?["usuario"]?["rol"] == .string("Tecnico"))

        let sinNombre = h.call(.post, "/api/auth/register", json: #"{"username": "sin", "password": "x", "rol": "Operador"}"#,
                               token: admin.token)
        #expect(sinNombre.status == 201)
        #expect(sinNombre.json?["nombre"] == .null)
        for rol in ["Administrador", "Operador", "Tecnico"] {
            let r = h.call(.post, "/api/auth/register", json: #"{"username": "u\#(rol)", "password": "x", "rol": "\#(rol)"}"#,
                           token: admin.token)
            #expect(r.status == 201)
            #expect(r.json?["rol"] == .string(rol))
        }
    }

    @Test("Register: the documented messages, in the original's order of checks", arguments: [
        (#"{}"#, "username, password y rol son requeridos"),
        (#"{"password": "x", "rol": "Operador"}"#, "username, password y rol son requeridos"),
        (#"{"username": "a", "rol": "Operador"}"#, "username, password y rol son requeridos"),
        (#"{"username": "a", "password": "x"}"#, "username, password y rol son requeridos"),
        (#"{"username": "", "password": "x", "rol": "Operador"}"#, "username, password y rol son requeridos"),
        (#"{"username": "a", "password": "", "rol": "Operador"}"#, "username, password y rol son requeridos"),
        (#"{"username": "a", "password": "x", "rol": ""}"#, "username, password y rol son requeridos"),
        (#"{"username": "a", "password": "x", "rol": null}"#, "username, password y rol son requeridos"),
        (#"{"username": "a b", "password": "x"}"#, "username, password y rol son requeridos"),
        (#"{"username": "a b", "password": "x", "rol": "Jefe"}"#, "El usuario no puede contener espacios"),
        (#"{"username": "a\tb", "password": "x", "rol": "Operador"}"#, "El usuario no puede contener espacios"),
        (#"{"username": "ab", "password": "x", "rol": "Jefe"}"#, "Rol inválido. Debe ser: Administrador, Operador, Tecnico"),
        (#"{"username": "ab", "password": "x", "rol": "administrador"}"#, "Rol inválido. Debe ser: Administrador, Operador, Tecnico"),
        (#"{"username": "ab", "password": "x", "rol": "TECNICO"}"#, "Rol inválido. Debe ser: Administrador, Operador, Tecnico"),
        (#"{"username": "ab", "password": "x", "rol": "Técnica"}"#, "Rol inválido. Debe ser: Administrador, Operador, Tecnico"),
        (#"{"username": 7, "password": "x", "rol": "Operador"}"#, "El campo 'username' debe ser texto"),
        (#"{"username": "ab", "password": 1234, "rol": "Operador"}"#, "El campo 'password' debe ser texto"),
        (#"{"username": "ab", "password": "x", "rol": 1}"#, "El campo 'rol' debe ser texto"),
        (#"{"username": "ab", "password": "x", "rol": "Operador", "nombre": false}"#, "El campo 'nombre' debe ser texto"),
        (#"{"username": "ab", "password": "x\u0000y", "rol": "Operador"}"#, "El campo 'password' contiene caracteres no permitidos"),
        (#"["ab"]"#, "El cuerpo de la solicitud debe ser un objeto JSON"),
        (#"{"username": "ab", "#, "El cuerpo de la solicitud no es JSON válido"),
    ])
    func registerMessages(body: String, message: String) throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador)
        let before = try h.count("SELECT COUNT(*) FROM usuario")
        let response = h.call(.post, "/api/auth/register", json: body, token: admin.token)
        #expect(response.status == 400)
        #expect(response.error == message)
        #expect(try h.count("SELECT COUNT(*) FROM usuario") == before)
    }

    @Test("Register: a taken username is 400 El username ya está en uso; usernames are case-sensitive")
    func registerDuplicate() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador, username: "jefa")
        let before = try h.count("SELECT COUNT(*) FROM usuario")
        let response = h.call(.post, "/api/auth/register", json: #"{"username": "jefa", "password": "x", "rol": "Operador"}"#,
                              token: admin.token)
        #expect(response.status == 400)
        #expect(response.text == #"{"error":"El username ya está en uso"}"#)
        #expect(try h.count("SELECT COUNT(*) FROM usuario") == before)
        let other = h.call(.post, "/api/auth/register", json: #"{"username": "Jefa", "password": "x", "rol": "Operador"}"#,
                           token: admin.token)
        #expect(other.status == 201)
    }

    @Test("Register: too long fields, a 10 MB username, no body, invalid UTF-8 are 4xx and write nothing")
    func registerBadInput() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador)
        let before = try h.count("SELECT COUNT(*) FROM usuario")
        let long = String(repeating: "ñ", count: 101)
        let cases: [(String, String?)] = [
            (#"{"username": "\#(long)", "password": "x", "rol": "Operador"}"#,
             "El campo 'username' excede la longitud máxima de 100 caracteres"),
            (#"{"username": "ab", "password": "\#(String(repeating: "p", count: 101))", "rol": "Operador"}"#,
             "El campo 'password' excede la longitud máxima de 100 caracteres"),
            (#"{"username": "ab", "password": "x", "rol": "Operador", "nombre": "\#(String(repeating: "n", count: 256))"}"#,
             "El campo 'nombre' excede la longitud máxima de 255 caracteres"),
            (#"{"username": "\#(String(repeating: "u", count: 600_000))", "password": "x", "rol": "Operador"}"#,
             "El campo 'username' excede la longitud máxima de 100 caracteres"),
            (#"{"username": "\#(String(repeating: "u", count: 10 * 1024 * 1024))", "password": "x", "rol": "Operador"}"#, nil),
            ("", nil),
        ]
        for (body, message) in cases {
            let response = h.call(.post, "/api/auth/register", json: body, token: admin.token)
            #expect((400..<500).contains(response.status), "\(response.status) \(response.text.prefix(200))")
            #expect(response.error != nil)
            if let message { #expect(response.error == message) }
        }
        let empty = h.call(.post, "/api/auth/register", token: admin.token)
        #expect(empty.status == 400)
        #expect(empty.error == "username, password y rol son requeridos")
        var bytes = Array(#"{"username": "ab"#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#"", "password": "x", "rol": "Operador"}"#.utf8)
        let invalid = h.call(.post, "/api/auth/register", token: admin.token, body: bytes, contentType: "application/json")
        #expect((400..<500).contains(invalid.status))
        #expect(try h.count("SELECT COUNT(*) FROM usuario") == before)
    }
}
