import AppCore
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// Issue 12 §1, Monitor: what schemathesis found, each decided from the contract and held here.
@Suite("Monitor schemathesis findings (issue 12 §1)", .serialized)
struct SchemathesisFindingTests {
    // MARK: every CHECK a client value reaches, mirrored by validation with one notion of white space

    /// The white space of AppCore's `Whitespace`, one of each kind, as JSON escapes.
    static let spaces = [#"\t"#, #"\n"#, " ", #"\u000b"#, #"\u0085"#, #"\u00a0"#, #"\u1680"#, #"\u2003"#, #"\u2028"#,
                         #"\u202f"#, #"\u205f"#, #"\u3000"#, #"\ufeff"#]
    /// Characters that are not white space but that utf8mb4_unicode_ci weighs as nothing (so `'<c>' <> ''` was
    /// false under the old CHECKs): C0/C1 controls, format characters.
    static let ignorables = [#"\u008d"#, #"\u0001"#, #"\u200b"#, #"\u00ad"#, #"\u2060"#]

    @Test("ck_comentario_texto: a comentario of white space only is 400; one that is only ignorable characters is stored (was a 500)")
    func comentarioCheck() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-DEV-003")
        for text in Self.ignorables {
            let response = h.call(.post, "/api/comentarios", json: #"{"no_siniestro": "SIN-DEV-003", "comentario": "\#(text)"}"#,
                                  token: tokens.tecnico)
            #expect(response.status == 201, "\(text): \(response.text)")
        }
        for text in Self.spaces + [Self.spaces.joined(), ""] {
            let response = h.call(.post, "/api/comentarios", json: #"{"no_siniestro": "SIN-DEV-003", "comentario": "\#(text)"}"#,
                                  token: tokens.tecnico)
            #expect(response.status == 400, "\(text)")
            #expect(response.error == "no_siniestro y comentario son obligatorios")
        }
        #expect(try h.count("SELECT COUNT(*) FROM comentario") == Self.ignorables.count)
    }

    @Test("ck_expediente_no_siniestro: white space only is 400 El No. Siniestro es obligatorio; ignorable characters are a key")
    func noSiniestroCheck() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        for text in Self.spaces + [Self.spaces.joined()] {
            let response = h.call(.post, "/api/expedientes", json: #"{"no_siniestro": "\#(text)"}"#, token: tokens.administrador)
            #expect(response.status == 400, "\(text)")
            #expect(response.error == "El No. Siniestro es obligatorio")
        }
        for text in Self.ignorables {
            let response = h.call(.post, "/api/expedientes", json: #"{"no_siniestro": "\#(Self.spaces.joined())\#(text)\#(Self.spaces.joined())"}"#,
                                  token: tokens.administrador)
            #expect(response.status == 201, "\(text): \(response.text)")
        }
        #expect(try h.count("SELECT COUNT(*) FROM expediente") == Self.ignorables.count)
    }

    @Test("ck_usuario_username: any white space is 400 El usuario no puede contener espacios; ignorable characters are a name")
    func usernameCheck() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador)
        for space in Self.spaces {
            let response = h.call(.post, "/api/auth/register", json: #"{"username": "a\#(space)b", "password": "x", "rol": "Operador"}"#,
                                  token: admin.token)
            #expect(response.status == 400, "\(space)")
            #expect(response.error == "El usuario no puede contener espacios")
        }
        for (index, text) in Self.ignorables.enumerated() {
            let response = h.call(.post, "/api/auth/register", json: #"{"username": "\#(text)", "password": "x", "rol": "Operador"}"#,
                                  token: admin.token)
            #expect(response.status == 201, "\(text): \(response.text)")
            let id = try #require(AuthTests.number(response.json?["id"]))
            let renamed = h.call(.put, "/api/usuarios/\(id)", json: #"{"username": "u\#(index)\#(text)"}"#, token: admin.token)
            #expect(renamed.status == 200, "\(text)")
            let spaced = h.call(.put, "/api/usuarios/\(id)", json: #"{"username": "u\u2028\#(index)"}"#, token: admin.token)
            #expect(spaced.error == "El usuario no puede contener espacios")
        }
    }

    @Test("ck_usuario_rol: only the three roles reach the table (Técnico is stored Tecnico); anything else is 400")
    func rolCheck() throws {
        let h = try MonitorHarness()
        let admin = try h.user(.administrador)
        let stored = h.call(.post, "/api/auth/register", json: #"{"username": "t1", "password": "x", "rol": "Técnico"}"#, token: admin.token)
        #expect(stored.json?["rol"]?.stringValue == "Tecnico")
        for rol in ["tecnico", "TECNICO", "Tecnico ", "Tecnico\\u200b", "Admin"] {
            let response = h.call(.post, "/api/auth/register", json: #"{"username": "t2", "password": "x", "rol": "\#(rol)"}"#, token: admin.token)
            #expect(response.status == 400, "\(rol)")
            #expect(response.error == "Rol inválido. Debe ser: Administrador, Operador, Tecnico")
        }
    }

    @Test("the boolean CHECKs (col IN (0, 1)) only ever see what a JSON boolean decodes to; anything else is 400")
    func booleanChecks() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-B")
        for (path, field) in [("/api/checklist", "aprobada"), ("/api/levantamientos", "cristales")] {
            for value in ["2", "1", #""true""#] {
                let response = h.call(.post, path, json: #"{"no_siniestro": "SIN-B", "\#(field)": \#(value)}"#, token: tokens.tecnico)
                #expect(response.status == 400, "\(path) \(value)")
                #expect(response.error == "El campo '\(field)' debe ser verdadero o falso")
            }
        }
        let put = h.call(.put, "/api/expedientes/SIN-B", json: #"{"doc_finiquito": 1}"#, token: tokens.administrador)
        #expect(put.error == "El campo 'doc_finiquito' debe ser verdadero o falso")
    }

    @Test("the CHECKs in sql/monitor spell exactly AppCore's Whitespace, which is Unicode White_Space plus U+FEFF")
    func oneDefinitionOfWhiteSpace() throws {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Whitespace.contains(scalar) == (scalar.properties.isWhitespace || value == 0xFEFF), "U+\(String(value, radix: 16))")
        }
        let sql = try String(contentsOfFile: try TestEnvironment.sqlDirectory() + "/monitor/0004_checks_whitespace.sql", encoding: .utf8)
        let escaped = Whitespace.sqlCharacterClass.replacingOccurrences(of: "\\", with: "\\\\")
        #expect(sql.components(separatedBy: "'[^\(escaped)]'").count - 1 == 2, "not blank: no_siniestro, comentario")
        #expect(sql.components(separatedBy: "NOT REGEXP\n        '[\(escaped)]'").count - 1 == 1, "no white space: username")
        #expect(" \u{FEFF}a\u{3000}".trimmingWhitespace == "a")
        #expect("\u{8D}".isBlank == false && "\u{2028}\u{A0}".isBlank && "".isBlank)
    }

    // MARK: a missing body is a 400 (requestBody required: true)

    @Test("a write without a body is a 400: El cuerpo de la solicitud es obligatorio where {} would succeed (it was 201/200), the route's own 400 elsewhere")
    func missingBody() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-MB")
        let user = try h.user(.operador)
        let checklist = try #require(Rec.int(h.call(.post, "/api/checklist", json: "{}", token: tokens.tecnico).json?["id"]))
        let levantamiento = try #require(Rec.int(h.call(.post, "/api/levantamientos", json: #"{"no_siniestro": "SIN-MB"}"#,
                                                        token: tokens.tecnico).json?["id"]))
        let before = try h.footprint()
        for (method, path) in [(HTTPMethod.post, "/api/checklist"), (.put, "/api/checklist/\(checklist)"),
                               (.post, "/api/checklist/\(checklist)/items"), (.put, "/api/checklist/\(checklist)/items/bulk"),
                               (.post, "/api/levantamientos"), (.put, "/api/levantamientos/\(levantamiento)"),
                               (.post, "/api/levantamientos/\(levantamiento)/conceptos"),
                               (.put, "/api/expedientes/SIN-MB"), (.put, "/api/usuarios/\(user.id)")] {
            // No body, an empty one, and one of nothing but white space (which JSON reads as nothing).
            for body: [UInt8]? in [nil, [], Array(" \t\r\n".utf8)] {
                let response = h.call(method, path, token: tokens.administrador, body: body, contentType: "application/json")
                #expect(response.status == 400, "\(method) \(path)")
                #expect(response.error == "El cuerpo de la solicitud es obligatorio", "\(method) \(path)")
            }
        }
        // Where `{}` is already refused, a missing body gets that documented 400.
        for (method, path, message) in [(HTTPMethod.post, "/api/expedientes", "El No. Siniestro es obligatorio"),
                                         (.patch, "/api/expedientes/SIN-MB/estado", Estado.invalidMessage),
                                         (.post, "/api/comentarios", "no_siniestro y comentario son obligatorios"),
                                         (.post, "/api/auth/register", "username, password y rol son requeridos"),
                                         (.post, "/api/auth/login", "Usuario y contraseña requeridos")] {
            let response = h.call(method, path, token: tokens.administrador)
            #expect(response.status == 400, "\(method) \(path)")
            #expect(response.error == message, "\(method) \(path)")
        }
        #expect(try h.footprint() == before)
    }

    // MARK: timestamps accept what the document's pattern says

    @Test("a timestamp or date field takes the ISO 8601 forms the document's pattern lists and refuses the rest with a 400 naming it", arguments: [
        ("comentarios_aseguradora_fh", "debe ser una fecha y hora ISO 8601 válida"),
        ("fecha_ingreso", "debe ser una fecha válida (YYYY-MM-DD)"),
    ])
    func timestampAndDateForms(field: String, problem: String) throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        #expect(h.createExpediente("SIN-TS", token: tokens.administrador).status == 201)
        let pattern = try Regex(try Self.inputPattern(field))
        for good in ["2024-03-20T10:30:00.000Z", "2024-03-20T10:30:00Z", "2024-03-20t10:30z", "2024-03-20 10:30",
                     "2024-03-20T04:30:00-06:00", "2024-03-20T04:30:00,5+0100", "2024-03-20"] {
            #expect(good.wholeMatch(of: pattern) != nil, "\(good)")
            let response = h.call(.put, "/api/expedientes/SIN-TS", json: #"{"\#(field)": "\#(good)"}"#, token: tokens.administrador)
            #expect(response.status == 200, "\(good): \(response.text)")
        }
        for bad in ["20/03/2024", "2024-03-20T10", "2024-03-20T10:30:00+6", "2024-03-20T10:30:00.Z", "mañana", "2024-03-20T10:30:00 Z",
                    "1710930600000", "2024-3-20", ""] {
            #expect(bad.wholeMatch(of: pattern) == nil, "\(bad)")
            let response = h.call(.put, "/api/expedientes/SIN-TS", json: #"{"\#(field)": "\#(bad)"}"#, token: tokens.administrador)
            #expect(response.status == 400, "\(bad)")
            #expect(response.error == "El campo '\(field)' \(problem)")
        }
    }

    /// The `pattern` the document gives `field` in the update body.
    static func inputPattern(_ field: String) throws -> String {
        let document = try OpenAPITests.document()
        let schema = document["paths"]?["/api/expedientes/{no_siniestro}"]?["put"]?["requestBody"]?["content"]?["application/json"]?["schema"]?["properties"]?[field]
        return try #require(schema?["pattern"]?.stringValue)
    }

    // MARK: GET / and /docs (issue 12 §2)

    @Test("GET / is the JSON banner for API clients and the HTML landing for a browser; /docs is HTML; both as documented")
    func landingAndDocs() throws {
        let h = try MonitorHarness()
        for accept in [nil, "*/*", "application/json", "application/json, text/html;q=0.5"] {
            let response = h.call(.get, "/", headers: accept.map { [("Accept", $0)] } ?? [])
            #expect(response.text == #"{"nombre":"Monitor API","estado":"OK"}"#, "\(accept ?? "none")")
            #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true)
        }
        let browser = h.call(.get, "/", headers: [("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")])
        #expect(browser.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(browser.text.contains(#"<a href="/docs">"#))
        let docs = h.call(.get, "/docs")
        #expect(docs.status == 200)
        #expect(docs.headers["Content-Type"] == "text/html; charset=utf-8")
        // Every operation of the document is on the page, and the page loads nothing from elsewhere.
        var router = Router<MonitorContext>()
        MonitorRoutes.register(in: &router)
        let operations = router.operations
        #expect(operations.count > 40)
        for op in operations {
            #expect(docs.text.contains(#"<span class="m">\#(op.method.rawValue)</span><code>\#(HTMLReference.escape(op.path))</code>"#),
                    "\(op.method) \(op.path)")
        }
        #expect(docs.text.contains("<td><code>no_siniestro</code></td>"), "request bodies are on the page")
        for page in [docs.text, browser.text] {
            #expect(!page.contains("<script") && !page.contains("http://") && !page.contains("https://") && !page.contains("src="))
            #expect(page.contains(HTMLReference.noFavicon))
        }
        // The document lists these media types.
        let document = try OpenAPITests.document()
        let root = document["paths"]?["/"]?["get"]?["responses"]?["200"]?["content"]?.objectValue?.keys
        #expect(root == ["application/json", "text/html"])
        #expect(document["paths"]?["/docs"]?["get"]?["responses"]?["200"]?["content"]?.objectValue?.keys == ["text/html"])
    }
}
