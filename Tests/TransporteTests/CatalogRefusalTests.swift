import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// What every catalog refuses, and that a refusal writes nothing (rulings 1, 2, T2).
@Suite("Catalogs: refusals (409, 404, 400, 401, 403) write nothing")
struct CatalogRefusalTests {
    static let prefixes = (Catalogs.all + Flota.all).map(\.prefix)

    @Test("a unique value held by an active row is 409 on create and on update", arguments: prefixes)
    func duplicates(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness(for: catalog)
        let admin = try harness.token("admin")
        let first = CatalogSample(catalog, seed: 1)
        _ = try harness.create(first, token: admin)
        let otherID = try #require(try harness.create(CatalogSample(catalog, seed: 2), token: admin)["Id"]?.intValue)
        let snapshot = try harness.snapshot(catalog)
        for key in catalog.uniqueKeys {
            let member = try #require(first[key.key])
            let value: FieldValue = switch member.stored {
            case .number(let text): .integer(Int(text) ?? 0)
            default: .text(member.stored.stringValue ?? "")
            }
            let message = catalog.naming.duplicate(label: key.label, value: key.display(value), article: key.article)
            let create = harness.call(.post, "/\(prefix)", json: CatalogSample(catalog, seed: 3).body([key.key: member.json]),
                                      token: admin)
            #expect(create.status == 409 && create.message == message, "\(create.text)")
            let update = harness.call(.put, "/\(prefix)/\(otherID)", json: #"{"\#(key.key)": \#(member.json)}"#, token: admin)
            #expect(update.status == 409 && update.message == message, "\(update.text)")
        }
        #expect(try harness.snapshot(catalog) == snapshot)
    }

    @Test("names collide whatever their case and accents (the index's collation decides)", arguments: prefixes)
    func nameCollation(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        guard catalog.uniqueKeys.contains(where: { $0.key == "nombre" }) else { return }
        let harness = try TransporteHarness(for: catalog)
        let admin = try harness.token("admin")
        _ = try harness.create(CatalogSample(catalog, seed: 1, requiredOnly: true), token: admin)
        let response = harness.call(.post, "/\(prefix)", json: CatalogSample(catalog, seed: 2).body(["nombre": #""NÓMBRE 1""#]),
                                    token: admin)
        #expect(response.status == 409 && response.message == catalog.naming.duplicate(label: "nombre", value: "'NÓMBRE 1'"))
    }

    @Test("a create that would reactivate a deleted row but collides with a live one is 409 and changes nothing",
          arguments: prefixes)
    func reactivationConflict(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        guard catalog.uniqueKeys.count >= 2 else { return }
        let harness = try TransporteHarness(for: catalog)
        let admin = try harness.token("admin")
        let deleted = CatalogSample(catalog, seed: 1)
        let deletedID = try #require(try harness.create(deleted, token: admin)["Id"]?.intValue)
        #expect(harness.call(.delete, "/\(prefix)/\(deletedID)", token: admin).status == 200)
        let live = CatalogSample(catalog, seed: 2)
        _ = try harness.create(live, token: admin)
        let snapshot = try harness.snapshot(catalog)
        let first = catalog.uniqueKeys[0], second = catalog.uniqueKeys[1]
        let body = CatalogSample(catalog, seed: 3).body([first.key: deleted[first.key]!.json, second.key: live[second.key]!.json])
        let response = harness.call(.post, "/\(prefix)", json: body, token: admin)
        #expect(response.status == 409 && response.message?.contains("con el \(second.label)") == true, "\(response.text)")
        #expect(try harness.snapshot(catalog) == snapshot)
    }

    @Test("a non-integer or unknown id is the entity's 404, on every id route", arguments: prefixes)
    func unknownIDs(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness(for: catalog)
        let admin = try harness.token("admin")
        for id in ["abc", "999999", "-1", "1.5", "0", "12345678901234567890", "todos"] {
            for method in [HTTPMethod.get, .put, .delete] {
                let response = harness.call(method, "/\(prefix)/\(id)", json: method == .put ? #"{"nombre": "X"}"# : nil, token: admin)
                #expect(response.status == 404 && response.message == catalog.naming.notFound(id), "\(method) \(id): \(response.text)")
            }
        }
    }

    @Test("missing required fields and wrong types are one 400 naming every field", arguments: prefixes)
    func wrongTypes(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness(for: catalog)
        let admin = try harness.token("admin")
        let rows = try harness.rowCount(catalog)

        let missing = harness.call(.post, "/\(prefix)", json: "{}", token: admin)
        #expect(missing.status == 400 && missing.message == "Error de validación en los datos enviados")
        let required = catalog.fields.filter(\.required).map(\.key)
        #expect(missing.errorFields == required)
        #expect(missing.errorMessages == required.map { "El campo '\($0)' es obligatorio" })

        var wrong: [String: String] = [:]
        var messages: [String] = []
        for field in catalog.fields {
            switch field.kind {
            case .code, .text, .upperText, .plate: wrong[field.key] = "5"; messages.append("El campo '\(field.key)' debe ser texto")
            case .boolean: wrong[field.key] = #""quizás""#; messages.append("El campo '\(field.key)' debe ser verdadero o falso")
            case .integer: wrong[field.key] = #""uno""#; messages.append("El campo '\(field.key)' debe ser un número entero")
            case .decimal: wrong[field.key] = "[1]"; messages.append("El campo '\(field.key)' debe ser un número")
            case .date: wrong[field.key] = #""15/03/2026""#; messages.append("El campo '\(field.key)' debe ser una fecha válida (YYYY-MM-DD)")
            case .time, .dateTime: Issue.record("no catalog field is a time")
            }
        }
        let typed = harness.call(.post, "/\(prefix)", json: CatalogSample(catalog, seed: 1).body(wrong), token: admin)
        #expect(typed.status == 400 && typed.errorFields == catalog.fields.map(\.key))
        #expect(typed.errorMessages == messages)
        let id = try #require(try harness.create(CatalogSample(catalog, seed: 2), token: admin)["Id"]?.intValue)
        let snapshot = try harness.snapshot(catalog)
        let update = harness.call(.put, "/\(prefix)/\(id)", json: CatalogSample(catalog, seed: 3).body(wrong), token: admin)
        #expect(update.status == 400 && update.errorFields == catalog.fields.map(\.key))
        #expect(try harness.snapshot(catalog) == snapshot)
        #expect(try harness.rowCount(catalog) == rows + 1)
    }

    @Test("every length and range is the schema's: the limit is accepted, one more is a 400 naming the field",
          arguments: prefixes)
    func limits(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness(for: catalog)
        let admin = try harness.token("admin")
        var atLimit: [String: String] = [:]
        var overLimit: [(key: String, json: String)] = []
        for field in catalog.fields {
            switch field.kind {
            case .plate(let max):
                atLimit[field.key] = "\"\(String(repeating: "K", count: max))\""
                overLimit.append((field.key, "\"\(String(repeating: "K", count: max + 1))\""))
            case .code(let max), .text(_, let max), .upperText(let max):
                // Characters, not bytes, for VARCHAR (é is two bytes); TEXT (observaciones) holds 65,535 bytes.
                let letter = field.key == "codigo" ? "K" : max >= 65_535 ? "a" : "é"
                atLimit[field.key] = "\"\(String(repeating: letter, count: max))\""
                overLimit.append((field.key, "\"\(String(repeating: letter, count: max + 1))\""))
            case .integer(let range):
                if !catalog.references.contains(where: { $0.key == field.key }) { atLimit[field.key] = String(range.upperBound) }
                overLimit.append((field.key, String(range.lowerBound - 1)))
                overLimit.append((field.key, String(range.upperBound + 1)))
            case .decimal(let range):
                atLimit[field.key] = String(range.lowerBound)
                overLimit.append((field.key, String(range.lowerBound - 0.000001)))
                overLimit.append((field.key, String(range.upperBound + 0.000001)))
            case .boolean, .date, .time, .dateTime:
                continue
            }
        }
        let rows = try harness.rowCount(catalog)
        for (key, json) in overLimit {
            let response = harness.call(.post, "/\(prefix)", json: CatalogSample(catalog, seed: 1).body([key: json]), token: admin)
            #expect(response.status == 400 && response.errorFields == [key], "\(key)=\(json.prefix(30)): \(response.text.prefix(300))")
        }
        #expect(try harness.rowCount(catalog) == rows)
        let accepted = harness.call(.post, "/\(prefix)", json: CatalogSample(catalog, seed: 1).body(atLimit), token: admin)
        #expect(accepted.status == 201, "\(accepted.text.prefix(400))")
        #expect(try harness.rowCount(catalog) == rows + 1)
    }

    @Test("codigo: spaces inside are refused with the §10 message; a blank nombre is refused", arguments: Catalogs.all.map(\.prefix))
    func textRules(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness(for: catalog)
        let admin = try harness.token("admin")
        let rows = try harness.rowCount(catalog)
        if catalog.field("codigo") != nil {
            let spaced = harness.call(.post, "/\(prefix)", json: CatalogSample(catalog, seed: 1).body(["codigo": #""EN RUTA""#]),
                                      token: admin)
            #expect(spaced.status == 400 && spaced.errorFields == ["codigo"])
            #expect(spaced.errorMessages == ["El código no debe contener espacios, use guion bajo (_) como separador"])
        }
        if catalog.field("nombre") != nil {
            let blank = harness.call(.post, "/\(prefix)", json: CatalogSample(catalog, seed: 1).body(["nombre": #""   ""#]), token: admin)
            #expect(blank.status == 400 && blank.errorMessages == ["El campo 'nombre' no puede estar vacío"])
        }
        #expect(try harness.rowCount(catalog) == rows)
    }

    @Test("reads need a token (401); writes need ADMIN (403) and leave the table as it was", arguments: prefixes)
    func authorization(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness(for: catalog)
        let id = try #require(try harness.create(CatalogSample(catalog, seed: 1), token: try harness.token("admin"))["Id"]?.intValue)
        let body = CatalogSample(catalog, seed: 2).body()
        let routes: [(HTTPMethod, String, String?)] = [
            (.post, "/\(prefix)", body), (.get, "/\(prefix)/todos/lista", nil), (.get, "/\(prefix)/\(id)", nil),
            (.get, "/\(prefix)", nil), (.put, "/\(prefix)/\(id)", body), (.delete, "/\(prefix)/\(id)", nil),
        ]
        let snapshot = try harness.snapshot(catalog)
        for (method, path, json) in routes {
            let anonymous = harness.call(method, path, json: json)
            #expect(anonymous.status == 401 && anonymous.message == "No autenticado", "\(method) \(path)")
        }
        for username in ["solicitante1", "aprobador1"] {
            let token = try harness.token(username)
            for (method, path, json) in routes {
                let response = harness.call(method, path, json: json, token: token)
                #expect(response.status == (method == .get ? 200 : 403), "\(username) \(method) \(path)")
            }
        }
        #expect(try harness.snapshot(catalog) == snapshot)
    }
}
