import AppCore
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// Ruling 10: what the served document calls invalid is refused with a 4xx, and every success has the content
/// type the document lists. These are the schemathesis findings of issue 12, held by the shared mechanism
/// (`FieldDecoder` and `OpenAPISchema` from the same `Field`, `APIOperation.spec`), not by single routes.
@Suite("Transporte: the document and the behaviour agree (ruling 10)", .serialized)
struct DocumentoConformidadTests {
    /// Whether `text` matches the documented pattern of a code (ICU, which reads the same `\uXXXX` escapes).
    func matches(_ pattern: String, _ text: String) throws -> Bool {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test("a code the decoder accepts is one the documented pattern accepts, and one the pattern refuses is a 400")
    func codigo() throws {
        let samples = ["ABC", " abc ", "\tA_1\r\n", "", "   ", "A B", "A\u{A0}B", "\u{A0}ABC", "A\u{1C}B", "A\u{2003}B",
                       "ÑANDÚ", "A\u{0B}", "\u{0C}A", "a-b.c"]
        for optional in [false, true] {
            let pattern = OpenAPISchema.codePattern(optional: optional)
            let field = CatalogFields.codigo(10, required: !optional)
            for sample in samples {
                var decoder = FieldDecoder()
                let object = InputObject([("codigo", .string(sample))])
                _ = decoder.decode(object, [field])
                let accepted = decoder.errors.isEmpty
                if accepted {
                    #expect(try matches(pattern, sample), "\(optional ? "optional" : "required") code \(sample.debugDescription) accepted but documented invalid")
                }
            }
            #expect(try !matches(pattern, "A B") && !matches(pattern, "A\u{1C}B") && matches(pattern, " abc "))
        }
    }

    @Test("a plate the decoder accepts is exactly one the documented pattern accepts")
    func placa() throws {
        let field = try #require(Flota.vehiculo.field("placa"))
        for sample in ["P503067", " p 503 067 ", "N-1234", "-", " ", "", "P_1", "PLACÁ", "P\t1", "P\u{A0}1", "１２３", "a", "--1--"] {
            var decoder = FieldDecoder()
            _ = decoder.decode(InputObject([("placa", .string(sample))]), [field])
            #expect(decoder.errors.isEmpty == (try matches(OpenAPISchema.platePattern, sample)), "\(sample.debugDescription)")
        }
    }

    @Test("POST /lugar: a code with spaces inside, or longer than documented as sent, is a 400; spaces around are trimmed")
    func lugarCodigo() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let rows = try harness.count("SELECT COUNT(*) FROM Lugares")
        for codigo in ["A B", "A\\u00a0B", "A\\u001cB", "\\u00a0ABC", String(repeating: " ", count: 50) + "ABC"] {
            let refused = harness.call(.post, "/lugar", json: #"{"nombre": "Lugar \#(codigo.count)", "codigo": "\#(codigo)"}"#, token: admin)
            #expect(refused.status == 400 && refused.errorFields == ["codigo"], "\(codigo): \(refused.text)")
        }
        #expect(try harness.count("SELECT COUNT(*) FROM Lugares") == rows)
        let trimmed = harness.call(.post, "/lugar", json: #"{"nombre": "Lugar nuevo", "codigo": "  punto_nuevo\t"}"#, token: admin)
        #expect(trimmed.status == 201 && trimmed.data?["Codigo"]?.stringValue == "PUNTO_NUEVO", "\(trimmed.text)")
    }

    @Test("a JSON body keeps its types: a number or a boolean in a string is a 400 (the document says integer, number, boolean)")
    func tiposJSON() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let refused = harness.call(.post, "/lugar", json: #"{"nombre": "Tipos", "latitud": "13.7", "esPuntoFrecuente": "true"}"#,
                                   token: admin)
        #expect(refused.status == 400 && refused.errorFields == ["latitud", "esPuntoFrecuente"], "\(refused.text)")
        let id = harness.call(.post, "/departamento", json: #"{"codigo": "D_TIPOS", "nombre": "Tipos", "nivelJerarquico": "1"}"#,
                              token: admin)
        #expect(id.status == 400 && id.errorFields == ["nivelJerarquico"], "\(id.text)")
    }

    @Test("a scalar query parameter sent twice, with brackets or not as a decimal integer is a 400 on every list route")
    func consulta() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let lists = Catalogs.all.flatMap { ["/\($0.prefix)", "/\($0.prefix)/todos/lista"] } + ["/solicitud", "/mision"]
        for list in lists {
            let paginated = !list.hasSuffix("/todos/lista")
            let queries: [(String, String)] = paginated
                ? [("por_pagina[x]=1", "por_pagina"), ("pagina[]=1", "pagina"), ("pagina=1&pagina=2", "pagina"),
                   ("por_pagina=1.0", "por_pagina"), ("pagina=+1", "pagina"), ("pagina=%201", "pagina")]
                : []
            for (query, field) in queries {
                let response = harness.call(.get, "\(list)?\(query)", token: admin)
                #expect(response.status == 400 && response.errorFields == [field], "\(list)?\(query): \(response.text)")
            }
            #expect(harness.call(.get, "\(list)?\(paginated ? "pagina=1&por_pagina=5" : "")", token: admin).status == 200, "\(list)")
        }
        let filtro = harness.call(.get, "/lugar/todos/lista?codigo[a]=X", token: admin)
        #expect(filtro.status == 400 && filtro.errorFields == ["codigo"])
        // An empty value is the same as not sending it (documented as allowed).
        #expect(harness.call(.get, "/lugar?pagina=&codigo=", token: admin).status == 200)
    }

    @Test("the routes nginx rate-limits (ruling 8: /auth/login, /auth/refresh) document its 429")
    func limiteDocumentado() throws {
        let document = try OpenAPITests.document()
        for path in ["/auth/login", "/auth/refresh"] {
            let response = document["paths"]?[path]?["post"]?["responses"]?["429"]
            #expect(response?["$ref"]?.stringValue == "#/components/responses/Error429", "\(path)")
        }
        #expect(document["components"]?["responses"]?["Error429"] != nil)
        // The nginx configuration still limits exactly these (the document follows it).
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let site = try String(contentsOf: root.appendingPathComponent("nginx/sites/transporte.conf"), encoding: .utf8)
        #expect(site.contains("location ~ ^/auth/(login|refresh)$ {\n        limit_req"))
    }

    @Test("every public operation answers the content type its documented success lists")
    func tiposDeContenido() throws {
        let document = try OpenAPITests.document()
        for (path, expected) in [("/", "text/html"), ("/docs", "text/html"), ("/openapi.json", "application/json")] {
            let response = try OpenAPITests.get(path)
            let served = response.headers["Content-Type"]?.split(separator: ";").first.map(String.init)
            let content = document["paths"]?[path]?["get"]?["responses"]?["200"]?["content"]?.objectValue?.keys ?? []
            #expect(served == expected && content == [expected], "\(path): served \(served ?? "-"), documented \(content)")
        }
        // The document itself is not in the envelope, and its documented schema does not ask for one.
        let schema = document["paths"]?["/openapi.json"]?["get"]?["responses"]?["200"]?["content"]?["application/json"]?["schema"]
        #expect(schema?["allOf"] == nil && schema?["required"] == .array([.string("openapi"), .string("info"), .string("paths")]))
    }
}
