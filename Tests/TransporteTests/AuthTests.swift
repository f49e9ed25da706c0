import AppCore
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing
@testable import Transporte

@Suite("Transporte auth (T5, T8)", .serialized)
struct AuthTests {
    @Test("login answers the token pair and the user with Perfil and roles")
    func login() throws {
        let harness = try TransporteHarness()
        let response = harness.call(.post, "/auth/login", json: #"{"username":"aprobador1","password":"ventanilla"}"#)
        #expect(response.status == 200)
        #expect(response.success == true && response.message == "Inicio de sesión exitoso")
        let data = try #require(response.data)
        #expect(data["token_type"]?.stringValue == "bearer")
        #expect(data["expires_in"]?.intValue == 3_600)
        #expect(data["usuario"]?["IdPerfil"]?.intValue == TransporteHarness.perfiles["aprobador1"])
        #expect(data["usuario"]?["Email"]?.stringValue == "aprobador1@transporte.local")
        #expect(data["usuario"]?["Roles"]?.arrayValue?.compactMap { $0.stringValue } == ["APROBADOR"])
        let access = try #require(data["access_token"]?.stringValue)
        let refresh = try #require(data["refresh_token"]?.stringValue)
        let identity = try #require(harness.module.tokens.claims(from: access, kind: .access)?.identity)
        #expect(identity.perfilID == 3 && identity.username == "aprobador1")
        // Neither token is accepted in the other's place.
        #expect(harness.module.tokens.claims(from: refresh, kind: .access) == nil)
        #expect(harness.module.tokens.claims(from: access, kind: .refresh) == nil)
    }

    @Test("a wrong password, an unknown user and an inactive user get the same 401")
    func refusals() throws {
        let harness = try TransporteHarness()
        _ = try harness.connection.execute("UPDATE Usuario SET Activo = 0 WHERE Username = 'solicitante2'")
        for body in [#"{"username":"admin","password":"nope"}"#, #"{"username":"nadie","password":"ventanilla"}"#,
                     #"{"username":"solicitante2","password":"ventanilla"}"#] {
            let response = harness.call(.post, "/auth/login", json: body)
            #expect(response.status == 401 && response.message == "Usuario o contraseña incorrectos", "\(body)")
            #expect(response.success == false && response.json?["data"] == Input.null)
        }
    }

    @Test("an unknown or inactive user takes a bcrypt round like a wrong password does (timing tells no usernames)")
    func refusalsCostTheSame() throws {
        let harness = try TransporteHarness()
        _ = try harness.connection.execute("UPDATE Usuario SET Activo = 0 WHERE Username = 'solicitante2'")
        // The fastest of several rounds: robust against a busy machine slowing some of them down.
        func fastest(_ username: String) -> Double {
            (0..<5).map { _ in
                Elapsed.measure {
                    harness.call(.post, "/auth/login", json: #"{"username":"\#(username)","password":"otra"}"#)
                }.seconds
            }.min() ?? 0
        }
        let wrong = fastest("admin"), unknown = fastest("nadie"), inactive = fastest("solicitante2")
        // Cost 10 is tens of milliseconds per round; without the dummy verify the others answer in ~1 ms.
        #expect(unknown > wrong * 0.3, "unknown \(unknown) s vs wrong password \(wrong) s")
        #expect(inactive > wrong * 0.3, "inactive \(inactive) s vs wrong password \(wrong) s")
    }

    @Test("missing and mistyped login fields are 400 naming each field")
    func loginValidation() throws {
        let harness = try TransporteHarness()
        let response = harness.call(.post, "/auth/login", json: #"{"password": 5}"#)
        #expect(response.status == 400)
        #expect(response.message == "Error de validación en los datos enviados")
        #expect(response.errorFields == ["username", "password"])
        #expect(response.errorMessages == ["El campo 'username' es obligatorio", "El campo 'password' debe ser texto"])
        #expect(harness.call(.post, "/auth/login", json: "{nope").status == 400)
    }

    @Test("refresh gives a new pair; an access token, a forged or an expired refresh token is 401")
    func refresh() throws {
        let harness = try TransporteHarness()
        let login = harness.call(.post, "/auth/login", json: #"{"username":"admin","password":"ventanilla"}"#)
        let refresh = try #require(login.data?["refresh_token"]?.stringValue)
        let access = try #require(login.data?["access_token"]?.stringValue)
        let renewed = harness.call(.post, "/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#)
        #expect(renewed.status == 200 && renewed.message == "Token renovado exitosamente")
        #expect(renewed.data?["usuario"]?["Roles"]?.arrayValue?.compactMap { $0.stringValue } == ["ADMIN"])
        #expect(harness.call(.post, "/auth/refresh", json: #"{"refresh_token":"\#(access)"}"#).status == 401)
        #expect(harness.call(.post, "/auth/refresh", json: #"{"refresh_token":"\#(refresh)x"}"#).status == 401)
        harness.clock.advance(seconds: TransporteTokens.refreshLifetimeSeconds + 1)
        #expect(harness.call(.post, "/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#).status == 401)
    }

    @Test("a deleted user's refresh token stops working")
    func refreshDeleted() throws {
        let harness = try TransporteHarness()
        let login = harness.call(.post, "/auth/login", json: #"{"username":"solicitante1","password":"ventanilla"}"#)
        let refresh = try #require(login.data?["refresh_token"]?.stringValue)
        _ = try harness.connection.execute("UPDATE Usuario SET Eliminado = 1 WHERE Username = 'solicitante1'")
        #expect(harness.call(.post, "/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#).status == 401)
    }

    @Test("protected routes: no token 401 with WWW-Authenticate, forged and expired 401")
    func accessTokens() throws {
        let harness = try TransporteHarness()
        var router = Router<TransporteContext>()
        router.get("/probe", middleware: [TransporteAuth.admin]) { _, context in
            Envelope.success("ok", data: .integer(try context.caller().perfilID))
        }
        let responder = router.freeze(middleware: [], errors: TransporteErrorRenderer())
        func call(_ token: String?) -> TestResponse {
            var headers = HTTPHeaders()
            if let token { headers.add("Authorization", "Bearer \(token)") }
            let request = Request(method: .get, path: "/probe", rawQuery: "", headers: headers, clientAddress: "127.0.0.1",
                                  body: .empty())
            return TestResponse(responder.respond(to: request, context: harness.module.makeContext(
                connection: harness.connection, logger: .init(label: "t"))))
        }
        let missing = call(nil)
        #expect(missing.status == 401 && missing.message == "No autenticado")
        #expect(missing.headers["WWW-Authenticate"] == "Bearer")
        let admin = try harness.token("admin")
        #expect(call(admin).status == 200 && call(admin).data?.intValue == 5)
        #expect(call(admin + "x").status == 401)
        // Spaces around the token are not part of it (trimmed by byte); spaces alone, or inside it, are no token.
        #expect(call("  " + admin + "   ").data?.intValue == 5)
        #expect(call(admin + " ").data?.intValue == 5)
        #expect(call("   ").status == 401)
        #expect(call(String(admin.prefix(20)) + " " + String(admin.dropFirst(20))).status == 401)
        let forged = HS256Token(secret: "another-secret-0123456789").sign([("sub", .string("5")), ("perfil", .integer(5)),
            ("username", .string("admin")), ("roles", .array([.string("ADMIN")])), ("typ", .string("access")),
            ("exp", .integer(harness.clock.nowSeconds() + 60))])
        #expect(call(forged).message == "Token inválido o expirado")
        let solicitante = call(try harness.token("solicitante1"))
        #expect(solicitante.status == 403 && solicitante.message == "No tiene permisos para realizar esta acción")
        harness.clock.advance(seconds: TransporteTokens.accessLifetimeSeconds)
        #expect(call(admin).status == 401)
    }

    // MARK: revocation (ruling 9)

    /// `GET /lugar` (any token) and `DELETE /lugar/999` (ADMIN: 404 when admitted, 403 otherwise) with `token`.
    private func probe(_ harness: TransporteHarness, _ token: String) -> (read: Int, adminWrite: Int) {
        (harness.call(.get, "/lugar", token: token).status, harness.call(.delete, "/lugar/999", token: token).status)
    }

    @Test("the row decides, not the token: roles it claims but the Perfil lacks are not granted")
    func rolesFromRow() throws {
        let harness = try TransporteHarness()
        let user = try #require(try MariaDBAuthRepository(connection: harness.connection).user(username: "solicitante1"))
        let claimingAdmin = TransporteIdentity(usuarioID: user.usuarioID, perfilID: user.perfilID, username: user.username,
                                               roles: ["ADMIN"])
        let forged = harness.module.tokens.issue(.access, for: claimingAdmin, passwordHash: try #require(user.passwordHash))
        #expect(probe(harness, forged) == (200, 403))
        // A token without the password stamp (issued before it existed) is refused.
        let unstamped = HS256Token(secret: "transporte-tests-secret-0123456789").sign([
            ("sub", .string(String(user.usuarioID))), ("perfil", .integer(user.perfilID)), ("username", .string("solicitante1")),
            ("roles", .array([.string("SOLICITANTE")])), ("typ", .string("access")), ("exp", .integer(harness.clock.nowSeconds() + 60))])
        #expect(harness.call(.get, "/lugar", token: unstamped).status == 401)
    }

    @Test("demoted, deactivated, deleted, new password: the old token loses its rights within 60 s",
          arguments: ["demoted", "deactivated", "deleted", "password"])
    func revocation(change: String) throws {
        let harness = try TransporteHarness()
        let login = harness.call(.post, "/auth/login", json: #"{"username":"admin","password":"ventanilla"}"#)
        let access = try #require(login.data?["access_token"]?.stringValue)
        let refresh = try #require(login.data?["refresh_token"]?.stringValue)
        #expect(probe(harness, access) == (200, 404))
        switch change {
        case "demoted":
            _ = try harness.connection.execute("""
                UPDATE PerfilRol pr JOIN Rol r ON r.Id = pr.IdRol SET pr.Eliminado = 1
                 WHERE pr.IdPerfil = 5 AND r.Codigo = 'ADMIN'
                """)
            _ = try harness.connection.execute("""
                INSERT INTO PerfilRol (IdPerfil, IdRol) SELECT 5, Id FROM Rol WHERE Codigo = 'SOLICITANTE'
                """)
        case "deactivated": _ = try harness.connection.execute("UPDATE Usuario SET Activo = 0 WHERE Username = 'admin'")
        case "deleted": _ = try harness.connection.execute("UPDATE Usuario SET Eliminado = 1 WHERE Username = 'admin'")
        default:
            _ = try harness.connection.execute("UPDATE Usuario SET PasswordHash = \(try PasswordHasher.hash("otra")) WHERE Username = 'admin'")
        }
        // Another worker, or an administrator in SQL: this worker's memory of the row is at most 30 s old. Within
        // them it answers from that memory (no read per request)...
        harness.clock.advance(seconds: 29)
        #expect(probe(harness, access) == (200, 404))
        // ...and after them from the row as it is now.
        harness.clock.advance(seconds: 2)
        let after = probe(harness, access)
        #expect(after == (change == "demoted" ? (200, 403) : (401, 401)), "\(after)")
        // The refresh token reads the row every time: refused at once unless only the roles changed (new roles then).
        let renewed = harness.call(.post, "/auth/refresh", json: #"{"refresh_token":"\#(refresh)"}"#)
        #expect(renewed.status == (change == "demoted" ? 200 : 401))
        if change == "demoted" {
            #expect(renewed.data?["usuario"]?["Roles"]?.arrayValue?.compactMap { $0.stringValue } == ["SOLICITANTE"])
        }
    }
}
