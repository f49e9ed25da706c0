import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// The definitions agree with the schema of `sql/transporte/0001_catalogos.sql` and with the messages of §10.
@Suite("Catalogs: definitions against the schema and §10")
struct CatalogDefinitionTests {
    @Test("twelve catalogs with distinct prefixes and tables")
    func inventory() {
        #expect(Catalogs.all.map(\.prefix) == [
            "estado-solicitud", "estado-mision", "estado-vehiculo", "clase-vehiculo", "tipo-combustible",
            "tipo-disponibilidad", "tipo-licencia", "tipo-prioridad-solicitud", "tipo-servicio-solicitud", "lugar", "rol",
            "departamento",
        ])
        #expect(Set(Catalogs.all.map(\.table)).count == 12)
    }

    @Test("field columns, lengths, nullability, unique indexes and referenced columns match the tables")
    func schema() throws {
        let harness = try TransporteHarness()
        for catalog in Catalogs.all {
            let columns = try harness.connection.query("""
                SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH AS Largo, IS_NULLABLE, EXTRA
                  FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = \(catalog.table)
                 ORDER BY ORDINAL_POSITION
                """)
            let visible = try columns.filter { try !$0.string("EXTRA").contains("INVISIBLE") }.map { try $0.string("COLUMN_NAME") }
            #expect(visible == ["Id"] + catalog.fields.map(\.column) + CatalogCrudTests.audit, "\(catalog.table)")
            for field in catalog.fields {
                let column = try #require(try columns.first { try $0.string("COLUMN_NAME") == field.column })
                #expect(try column.string("IS_NULLABLE") == (field.required ? "NO" : "YES"), "\(catalog.table).\(field.column)")
                let type = try column.string("DATA_TYPE")
                switch field.kind {
                case .code(let max), .text(_, let max), .upperText(let max):
                    #expect(try column.optionalInt("Largo") == max, "\(catalog.table).\(field.column) length")
                    #expect(["varchar", "text"].contains(type))
                case .integer: #expect(type == "int", "\(catalog.table).\(field.column)")
                case .decimal: #expect(type == "double", "\(catalog.table).\(field.column)")
                case .boolean: #expect(type == "tinyint", "\(catalog.table).\(field.column)")
                case .date, .time, .dateTime, .plate: Issue.record("unexpected kind")
                }
            }
            let uniques = try harness.connection.query("""
                SELECT INDEX_NAME, COLUMN_NAME FROM information_schema.STATISTICS
                 WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = \(catalog.table) AND NON_UNIQUE = 0 AND INDEX_NAME <> 'PRIMARY'
                 ORDER BY INDEX_NAME
                """).map { (try $0.string("INDEX_NAME"), try $0.string("COLUMN_NAME")) }
            #expect(uniques.map(\.0) == catalog.uniqueKeys.map { $0.indexName(table: catalog.table) }.sorted(), "\(catalog.table)")
            for key in catalog.uniqueKeys {
                #expect(uniques.contains { $0 == (key.indexName(table: catalog.table), key.activeColumn) })
            }
            let names = Set(columns.compactMap { try? $0.string("COLUMN_NAME") })
            for column in catalog.orderBy + [catalog.displayColumn] { #expect(names.contains(column)) }
            for filter in catalog.filters {
                if case .search(let searched) = filter.match {
                    for item in searched { #expect(names.contains(item.column), "\(catalog.table) busqueda \(item.column)") }
                } else {
                    #expect(names.contains(filter.field.column), "\(catalog.table) filter \(filter.field.key)")
                }
            }
        }
    }

    @Test("every delete guard is valid SQL with one placeholder")
    func guards() throws {
        let harness = try TransporteHarness()
        for catalog in Catalogs.all {
            for rule in catalog.guards {
                #expect(rule.sql.filter { $0 == "?" }.count == 1, "\(catalog.table): \(rule.sql)")
                #expect(try harness.connection.query(CatalogSQL.used(rule, id: 0)).isEmpty)
            }
        }
    }

    @Test("messages follow §10 (gender, article, plural)")
    func messages() throws {
        func naming(_ prefix: String) throws -> CatalogNaming { try #require(Catalogs.named(prefix)).naming }
        #expect(try naming("estado-solicitud").created == "Estado de solicitud creado exitosamente")
        #expect(try naming("clase-vehiculo").created == "Clase de vehículo creada exitosamente")
        #expect(try naming("tipo-prioridad-solicitud").created == "Tipo de prioridad creado exitosamente")
        #expect(try naming("tipo-servicio-solicitud").created == "Tipo de servicio creado exitosamente")
        #expect(try naming("lugar").created == "Lugar creado exitosamente")
        #expect(try naming("departamento").created == "Departamento creado exitosamente")
        #expect(try naming("clase-vehiculo").obtained == "Clase de vehículo obtenida exitosamente")
        #expect(try naming("lugar").listed == "Listado de lugares obtenido exitosamente")
        #expect(try naming("rol").listedAll == "Listado completo de roles obtenido exitosamente")
        #expect(try naming("estado-mision").updated == "Estado de misión actualizado exitosamente")
        #expect(try naming("clase-vehiculo").deleted == "Clase de vehículo eliminada exitosamente")
        #expect(try naming("lugar").deletedRecord("Sede Central") == "Lugar 'Sede Central' eliminado exitosamente")
        #expect(try naming("estado-solicitud").notFound("7") == "Estado de solicitud con Id 7 no encontrado")
        #expect(try naming("clase-vehiculo").notFound("7") == "Clase de vehículo con Id 7 no encontrada")
        #expect(try naming("lugar").notFound("7") == "Lugar con Id 7 no encontrado")
        #expect(try naming("estado-solicitud").duplicate(label: "código", value: "'X'")
            == "Ya existe un estado de solicitud con el código 'X'")
        #expect(try naming("estado-solicitud").duplicate(label: "orden", value: "3") == "Ya existe un estado de solicitud con el orden 3")
        #expect(try naming("clase-vehiculo").duplicate(label: "nombre", value: "'Pick-up'")
            == "Ya existe una clase de vehículo con el nombre 'Pick-up'")
        #expect(try naming("estado-solicitud").inUse("tiene solicitudes activas asociadas")
            == "No se puede eliminar este estado de solicitud porque tiene solicitudes activas asociadas")
        #expect(try naming("clase-vehiculo").inUse("tiene vehículos activos asignados")
            == "No se puede eliminar esta clase de vehículo porque tiene vehículos activos asignados")
    }

    @Test("list SQL: filters are binds, LIKE patterns escape ! % _ and codes are upper-cased")
    func listSQL() throws {
        let catalog = try #require(Catalogs.named("estado-solicitud"))
        let filters = catalog.filters.map { filter -> CatalogFilterValue in
            CatalogFilterValue(filter: filter, value: filter.field.kind == .boolean ? .boolean(true) : .text("a_b%c!"))
        }
        let query = CatalogSQL.list(catalog, filters: filters, limit: 10, offset: 20)
        #expect(query.sql == "SELECT * FROM EstadoSolicitud WHERE Eliminado = 0 AND Codigo LIKE ? ESCAPE '!' AND Nombre LIKE ? ESCAPE '!'"
            + " AND (Codigo LIKE ? ESCAPE '!' OR Nombre LIKE ? ESCAPE '!' OR Descripcion LIKE ? ESCAPE '!') AND EsEstadoFinal = ?"
            + " ORDER BY Orden, Id LIMIT ? OFFSET ?")
        #expect(query.binds == [.text("%A!_B!%C!!%"), .text("%a!_b!%c!!%"), .text("%A!_B!%C!!%"), .text("%a!_b!%c!!%"),
                                .text("%a!_b!%c!!%"), .int(1), .int(10), .int(20)])
    }

    @Test("database refusals name what they refused")
    func errorParsing() {
        #expect(MariaDBCatalogRepository.lastQuoted(in: "Duplicate entry 'L'X' for key 'uq_lugares_codigo_activo'")
            == "uq_lugares_codigo_activo")
        #expect(MariaDBCatalogRepository.firstQuoted(in: "Data too long for column 'Nombre' at row 1", quote: "'") == "Nombre")
        #expect(MariaDBCatalogRepository.firstQuoted(in: "CONSTRAINT `ck_lugares_latitud` failed for `db`.`Lugares`", quote: "`")
            == "ck_lugares_latitud")
        #expect(MariaDBCatalogRepository.firstQuoted(in: "Out of range value", quote: "`") == nil)
    }
}
