import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// The service's answers to what the database still refuses after its checks (ruling 1: never a 5xx for a
/// client's request): a unique value taken by a concurrent write between check and write, a value that
/// breaks a CHECK or a column length.
@Suite("Catalogs: database refusals become the client's answer")
struct CatalogServiceTests {
    /// The real repository, except that it never sees a taken value: the write meets the unique index instead,
    /// as when a concurrent request commits between the check and the write.
    struct LateRepository: CatalogRepository {
        let base: any CatalogRepository

        func transaction<T>(_ body: () throws -> T) throws -> T { try base.transaction(body) }
        func record(_ catalog: CatalogDefinition, id: Int, lock: Bool) throws -> CatalogRecord? {
            try base.record(catalog, id: id, lock: lock)
        }
        func count(_ catalog: CatalogDefinition, filters: [CatalogFilterValue]) throws -> Int { try base.count(catalog, filters: filters) }
        func list(_ catalog: CatalogDefinition, filters: [CatalogFilterValue], page: Pagination?) throws -> [JSONValue] {
            try base.list(catalog, filters: filters, page: page)
        }
        func isTaken(_ catalog: CatalogDefinition, key: CatalogUniqueKey, value: FieldValue, excluding: Int?) throws -> Bool { false }
        func deletedRow(_ catalog: CatalogDefinition, key: CatalogUniqueKey, value: FieldValue) throws -> Int? {
            try base.deletedRow(catalog, key: key, value: value)
        }
        func insert(_ catalog: CatalogDefinition, values: Validated) throws -> Int { try base.insert(catalog, values: values) }
        func reactivate(_ catalog: CatalogDefinition, id: Int, values: Validated) throws {
            try base.reactivate(catalog, id: id, values: values)
        }
        func update(_ catalog: CatalogDefinition, id: Int, values: Validated) throws { try base.update(catalog, id: id, values: values) }
        func delete(_ catalog: CatalogDefinition, id: Int) throws { try base.delete(catalog, id: id) }
        func isUsed(_ rule: CatalogGuard, id: Int) throws -> Bool { try base.isUsed(rule, id: id) }
        func exists(_ reference: CatalogReference, id: Int) throws -> Bool { try base.exists(reference, id: id) }
        func parent(_ catalog: CatalogDefinition, _ hierarchy: CatalogHierarchy, of id: Int) throws -> Int? {
            try base.parent(catalog, hierarchy, of: id)
        }
    }

    static func service(_ harness: TransporteHarness, _ catalog: CatalogDefinition, late: Bool = false) -> CatalogService {
        let base = MariaDBCatalogRepository(connection: harness.connection, records: RecordJSON(zone: harness.module.environment.zone))
        return CatalogService(catalog: catalog, repository: late ? LateRepository(base: base) : base)
    }

    /// Values as the decoder would give them, without its checks.
    static func values(_ catalog: CatalogDefinition, _ pairs: [(String, FieldValue)]) throws -> Validated {
        var validated = Validated()
        for (key, value) in pairs { validated.values.append((try #require(catalog.field(key)), value)) }
        return validated
    }

    static func refusal(_ body: () throws -> JSONValue) -> TransporteError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? TransporteError
        }
    }

    @Test("a unique value lost to a concurrent write (1062) is the same 409 as the check's, on create and update")
    func lateDuplicate() throws {
        let harness = try TransporteHarness()
        let service = Self.service(harness, Catalogs.estadoSolicitud, late: true)
        let create = try Self.values(Catalogs.estadoSolicitud, [("codigo", .text("X")), ("nombre", .text("Aprobada")),
                                                                ("esEstadoFinal", .boolean(false)), ("orden", .integer(9))])
        let created = Self.refusal { try service.create(create) }
        #expect(created?.status == 409 && created?.message == "Ya existe un estado de solicitud con el nombre 'Aprobada'")
        let update = try Self.values(Catalogs.estadoSolicitud, [("orden", .integer(1))])
        let updated = Self.refusal { try service.update(id: 2, values: update) }
        #expect(updated?.status == 409 && updated?.message == "Ya existe un estado de solicitud con el orden 1")
        let lugar = Self.refusal { try Self.service(harness, Catalogs.lugar, late: true).create(
            try Self.values(Catalogs.lugar, [("codigo", .text("CSJ")), ("nombre", .text("Otra"))])) }
        #expect(lugar?.message == "Ya existe un lugar con el código 'CSJ'")
        #expect(try harness.count("SELECT COUNT(*) FROM EstadoSolicitud") == 6)
    }

    @Test("a value that breaks a CHECK or a column length is a 400 naming its field, never a 500")
    func schemaRefusals() throws {
        let harness = try TransporteHarness()
        let lugar = Self.refusal { try Self.service(harness, Catalogs.lugar).create(
            try Self.values(Catalogs.lugar, [("nombre", .text("Lejos")), ("latitud", .decimal("95"))])) }
        #expect(lugar?.status == 400 && lugar?.errors == [.init(field: "latitud", message: "El campo 'latitud' tiene un valor inválido")])
        let long = Self.refusal { try Self.service(harness, Catalogs.rol).update(
            id: 2, values: try Self.values(Catalogs.rol, [("nombre", .text(String(repeating: "x", count: 101)))])) }
        #expect(long?.status == 400
            && long?.errors == [.init(field: "nombre", message: "El campo 'nombre' excede la longitud máxima permitida")])
        // A state of its own: the seven workflow codes are protected (a 409 before any CHECK).
        _ = try harness.connection.execute("INSERT INTO EstadoMision (Id, Codigo, Nombre) VALUES (50, 'REVISION', 'Revisión')")
        let code = Self.refusal { try Self.service(harness, Catalogs.estadoMision).update(
            id: 50, values: try Self.values(Catalogs.estadoMision, [("codigo", .text("minúsculas"))])) }
        #expect(code?.status == 400 && code?.errors.map(\.field) == ["codigo"])
        #expect(try harness.count("SELECT COUNT(*) FROM Lugares") == 6)
    }
}
