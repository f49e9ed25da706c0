import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// The six endpoints of every catalog (transporte.md §1.4, §1.5, §10), run over all twelve definitions.
@Suite("Catalogs: create, read, list, update, delete, reactivate")
struct CatalogCrudTests {
    static let prefixes = Catalogs.all.map(\.prefix)
    static let audit = ["Eliminado", "FechaHoraCreacion", "FechaHoraActualizacion", "FechaHoraEliminacion"]

    @Test("create is 201 with the record (exactly the visible columns); get returns the same record", arguments: prefixes)
    func createAndGet(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness()
        let sample = CatalogSample(catalog, seed: 1)
        let created = harness.call(.post, "/\(prefix)", json: sample.body(), token: try harness.token("admin"))
        #expect(created.status == 201)
        #expect(created.success == true && created.message == catalog.naming.created)
        let record = try #require(created.data)
        #expect(record.objectValue?.keys == ["Id"] + catalog.fields.map(\.column) + Self.audit)
        #expect(sample.matches(record), "\(created.text)")
        #expect(record["Eliminado"] == .bool(false) && record["FechaHoraEliminacion"] == .null)
        let stamp = try #require(record["FechaHoraCreacion"]?.stringValue)
        #expect(stamp.count == 19 && Array(stamp)[10] == "T", "T7 local timestamp: \(stamp)")
        let id = try #require(record["Id"]?.intValue)

        let fetched = harness.call(.get, "/\(prefix)/\(id)", token: try harness.token("solicitante1"))
        #expect(fetched.status == 200 && fetched.message == catalog.naming.obtained)
        #expect(fetched.data == record)
    }

    @Test("the paginated list counts and pages the active rows in the catalog's order", arguments: prefixes)
    func paginatedList(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        var created: [Int] = []
        for seed in 1...4 { created.append(try #require(try harness.create(CatalogSample(catalog, seed: seed), token: admin)["Id"]?.intValue)) }
        #expect(harness.call(.delete, "/\(prefix)/\(created[1])", token: admin).status == 200)
        let expected = try harness.connection.query(SQLQuery(unsafeSQL: """
            SELECT Id FROM \(catalog.table) WHERE Eliminado = 0 ORDER BY \((catalog.orderBy + ["Id"]).joined(separator: ", "))
            """)).map { try $0.int("Id") }
        let active = try harness.activeCount(catalog)
        #expect(!expected.contains(created[1]) && expected.count == active)

        var seen: [Int] = []
        for pagina in 1...((expected.count + 1) / 2 + 1) {
            let page = harness.call(.get, "/\(prefix)?pagina=\(pagina)&por_pagina=2", token: admin)
            #expect(page.status == 200 && page.message == catalog.naming.listed)
            #expect(page.data?["total"]?.intValue == expected.count)
            #expect(page.data?["pagina"]?.intValue == pagina && page.data?["porPagina"]?.intValue == 2)
            seen += page.data?["registros"]?.arrayValue?.compactMap { $0["Id"]?.intValue } ?? []
        }
        #expect(seen == expected)

        let first = harness.call(.get, "/\(prefix)", token: admin)
        #expect(first.data?["pagina"]?.intValue == 1 && first.data?["porPagina"]?.intValue == 10)
        #expect(harness.call(.get, "/\(prefix)/", token: admin).data == first.data, "the original's route was \"/\"")

        let all = harness.call(.get, "/\(prefix)/todos/lista?pagina=7", token: admin)
        #expect(all.status == 200 && all.message == catalog.naming.listedAll)
        #expect(all.data?.arrayValue?.compactMap { $0["Id"]?.intValue } == expected)
    }

    @Test("codigo, nombre and busqueda filter partially; codes match whatever the case", arguments: prefixes)
    func textFilters(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let sample = CatalogSample(catalog, seed: 27)
        let id = try #require(try harness.create(sample, token: admin)["Id"]?.intValue)
        _ = try harness.create(CatalogSample(catalog, seed: 3), token: admin)
        func ids(_ query: String) -> [Int] {
            let response = harness.call(.get, "/\(prefix)/todos/lista?\(query)", token: admin)
            #expect(response.status == 200, "\(query): \(response.text)")
            return response.data?.arrayValue?.compactMap { $0["Id"]?.intValue } ?? []
        }
        #expect(ids("nombre=OMBRE+27") == [id])
        #expect(ids("busqueda=ombre%2027") == [id])
        #expect(ids("nombre=%25").isEmpty && ids("nombre=_").isEmpty, "% and _ are literal characters")
        if catalog.field("codigo") != nil {
            #expect(ids("codigo=c27_") == [id])
            #expect(ids("busqueda=c27_") == [id], "the code arm of busqueda is upper-cased too")
            #expect(ids("codigo=c2_").isEmpty)
        }
        let paged = harness.call(.get, "/\(prefix)?nombre=ombre%2027", token: admin)
        #expect(paged.data?["total"]?.intValue == 1)
    }

    @Test("the extra filters of §10 match exactly; bad filter and page values are 400 naming them", arguments: prefixes)
    func extraFilters(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let sample = CatalogSample(catalog, seed: 4)
        let id = try #require(try harness.create(sample, token: admin)["Id"]?.intValue)
        for filter in catalog.filters {
            guard case .exact = filter.match, let member = sample[filter.field.key] else { continue }
            let value = member.json.trimmingCharacters(in: "\"").replacingSpaces
            let response = harness.call(.get, "/\(prefix)/todos/lista?\(filter.field.key)=\(value)", token: admin)
            let records = response.data?.arrayValue ?? []
            #expect(records.contains { $0["Id"]?.intValue == id }, "\(filter.field.key)=\(value)")
            #expect(records.allSatisfy { CatalogSample.same($0[filter.field.column], member.stored) })
            if case .upperText = filter.field.kind { continue }  // any text is a valid tipoLugar
            let bad = harness.call(.get, "/\(prefix)?\(filter.field.key)=x%20y&pagina=1", token: admin)
            #expect(bad.status == 400 && bad.errorFields == [filter.field.key], "\(bad.text)")
        }
        let page = harness.call(.get, "/\(prefix)?pagina=0&por_pagina=101", token: admin)
        #expect(page.status == 400 && page.errorFields == ["pagina", "por_pagina"])
        #expect(page.errorMessages == ["El campo 'pagina' debe ser mayor o igual al mínimo permitido",
                                       "El campo 'por_pagina' debe ser menor o igual al máximo permitido"])
        #expect(harness.call(.get, "/\(prefix)?pagina=uno", token: admin).errorFields == ["pagina"])
    }

    @Test("PUT changes only the fields sent (ruling 5) and answers the record", arguments: prefixes)
    func partialUpdate(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let before = try harness.create(CatalogSample(catalog, seed: 5), token: admin)
        let id = try #require(before["Id"]?.intValue)
        let response = harness.call(.put, "/\(prefix)/\(id)", json: #"{"nombre": "  Renombrado  ", "desconocido": 1}"#, token: admin)
        #expect(response.status == 200 && response.message == catalog.naming.updated)
        let after = try #require(response.data)
        #expect(after["Nombre"] == .string("Renombrado"))
        for key in before.objectValue?.keys ?? [] where !["Nombre", "FechaHoraActualizacion"].contains(key) {
            #expect(after[key] == before[key], "\(key) must not change")
        }
        #expect(harness.call(.get, "/\(prefix)/\(id)", token: admin).data == after)
        // Sending a row's own unique values again is no conflict with itself.
        #expect(harness.call(.put, "/\(prefix)/\(id)", json: CatalogSample(catalog, seed: 5).body(), token: admin).status == 200)
    }

    @Test("null clears an optional column; null on a required one is 400 and writes nothing", arguments: prefixes)
    func nullOnUpdate(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let id = try #require(try harness.create(CatalogSample(catalog, seed: 6), token: admin)["Id"]?.intValue)
        for field in catalog.fields where !field.required {
            let response = harness.call(.put, "/\(prefix)/\(id)", json: #"{"\#(field.key)": null}"#, token: admin)
            #expect(response.status == 200 && response.data?[field.column] == .null, "\(field.key): \(response.text)")
        }
        let snapshot = try harness.snapshot(catalog)
        for field in catalog.fields where field.required {
            let response = harness.call(.put, "/\(prefix)/\(id)", json: #"{"\#(field.key)": null}"#, token: admin)
            #expect(response.status == 400 && response.errorFields == [field.key])
            #expect(response.errorMessages == ["El campo '\(field.key)' no puede ser nulo"])
        }
        #expect(try harness.snapshot(catalog) == snapshot)
    }

    @Test("an empty PUT is 400 'No se proporcionaron campos para actualizar'", arguments: prefixes)
    func emptyUpdate(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let id = try #require(try harness.create(CatalogSample(catalog, seed: 7), token: admin)["Id"]?.intValue)
        let snapshot = try harness.snapshot(catalog)
        for body in ["{}", #"{"desconocido": "x"}"#, ""] {
            let response = harness.call(.put, "/\(prefix)/\(id)", json: body, token: admin)
            #expect(response.status == 400 && response.message == "No se proporcionaron campos para actualizar", "\(body)")
        }
        #expect(try harness.snapshot(catalog) == snapshot)
    }

    @Test("delete answers the named message; the row is then gone for get, put, delete and lists", arguments: prefixes)
    func delete(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let record = try harness.create(CatalogSample(catalog, seed: 8), token: admin)
        let id = try #require(record["Id"]?.intValue)
        let nombre = try #require(record["Nombre"]?.stringValue)
        let deleted = harness.call(.delete, "/\(prefix)/\(id)", token: admin)
        #expect(deleted.status == 200 && deleted.message == catalog.naming.deleted)
        #expect(deleted.data?["mensaje"]?.stringValue == catalog.naming.deletedRecord(nombre))
        let notFound = catalog.naming.notFound(String(id))
        for method in [HTTPMethod.get, .delete] {
            let response = harness.call(method, "/\(prefix)/\(id)", token: admin)
            #expect(response.status == 404 && response.message == notFound)
        }
        #expect(harness.call(.put, "/\(prefix)/\(id)", json: #"{"nombre": "Otro"}"#, token: admin).status == 404)
        let all = harness.call(.get, "/\(prefix)/todos/lista", token: admin).data?.arrayValue ?? []
        #expect(!all.contains { $0["Id"]?.intValue == id })
        // Soft delete: the row stays, marked, with its deletion instant.
        #expect(try harness.count(SQLQuery(unsafeSQL: """
            SELECT COUNT(*) FROM \(catalog.table) WHERE Id = \(id) AND Eliminado = 1 AND FechaHoraEliminacion IS NOT NULL
            """)) == 1)
    }

    @Test("creating over a deleted row's unique value reactivates that row (same Id, 201), unsent columns reset",
          arguments: prefixes)
    func reactivation(_ prefix: String) throws {
        let catalog = try #require(Catalogs.named(prefix))
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let full = CatalogSample(catalog, seed: 9)
        let id = try #require(try harness.create(full, token: admin)["Id"]?.intValue)
        #expect(harness.call(.delete, "/\(prefix)/\(id)", token: admin).status == 200)
        let rows = try harness.rowCount(catalog)

        // Only the required fields, plus the unique values the required ones do not carry (lugar's optional code).
        var overrides: [String: String] = [:]
        for key in catalog.uniqueKeys where catalog.field(key.key)?.required == false { overrides[key.key] = full[key.key]?.json }
        let minimal = CatalogSample(catalog, seed: 9, requiredOnly: true)
        let again = harness.call(.post, "/\(prefix)", json: minimal.body(overrides), token: admin)
        #expect(again.status == 201 && again.message == catalog.naming.created, "\(again.text)")
        #expect(again.data?["Id"]?.intValue == id)
        #expect(again.data?["Eliminado"] == .bool(false) && again.data?["FechaHoraEliminacion"] == .null)
        for field in catalog.fields where !field.required && overrides[field.key] == nil {
            #expect(again.data?[field.column] == .null, "\(field.key) goes back to its default")
        }
        #expect(try harness.rowCount(catalog) == rows)
    }
}

extension String {
    /// Spaces as `%20`, for query strings built from sample values.
    var replacingSpaces: String { split(separator: " ", omittingEmptySubsequences: false).joined(separator: "%20") }
}
