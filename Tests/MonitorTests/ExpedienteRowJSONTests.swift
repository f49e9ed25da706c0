import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// The expediente GET and the list write their JSON straight from the fetched rows (`forEachRow`, `SQLRowJSON`,
/// `MonitorJSONFormat`). Their bytes must be exactly those of the `SQLRow` → `RowJSON` → `JSONWriter` path the rest
/// of the module uses, whatever the rows hold: NULLs, empty strings, quotes, backslashes, control characters,
/// multi-byte UTF-8, U+2028, booleans, dates, DATETIME(3) with and without a fraction, and values longer than a
/// column's first buffer (so it grows in the middle of the set).
@Suite("Expedientes: rows written straight to JSON")
struct ExpedienteRowJSONTests {
    static let tricky = "comillas \" barra \\ tab\t salto\n\r ctrl \u{1}\u{1F}\u{7F} ñandú € 😀 \u{2028}\u{2029} </script>"
    static let long = String(repeating: "Ñ\"\\😀 ", count: 40)

    /// A harness with three expedientes: `ROW-FULL` (every kind of value, historial and evidencia rows, one
    /// evidencia name longer than its buffer), `ROW-EMPTY` (NULLs and empty strings, no aseguradora, no evidencia)
    /// and `ROW-TIE` (evidencias with the same fecha_carga, ordered by id).
    static func harness() throws -> (MonitorHarness, MariaDBExpedienteRepository) {
        let h = try MonitorHarness()
        let (admin, _) = try h.user(.administrador)
        let c = h.connection
        _ = try c.execute("""
            INSERT INTO expediente (no_siniestro, factura, orden, asesor, observaciones, vehiculo, marca, placas, \
            fecha_ingreso, fecha_valuacion, unidad_terminada, dato1_fecha_hora, dato2_fecha_hora, dato1, \
            doc_finiquito, doc_identificacion, id_aseguradora, estado, creado_por) VALUES \
            ('ROW-FULL', \(tricky), \(""), \("\u{0}"), \(long), \("ruta/é/\\n"), 'Marca', 'P-1', \
            '2024-02-29', '1999-12-31', '2026-01-01', '2024-03-20 10:30:00.123', '2024-03-20 10:30:00', \(long), \
            1, 0, (SELECT MIN(id) FROM aseguradora), 'Restauracion', \(admin)), \
            ('ROW-EMPTY', \(""), NULL, NULL, \(""), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, \
            NULL, NULL, NULL, 'Ingreso', \(admin)), \
            ('ROW-TIE', 'f', NULL, NULL, NULL, NULL, NULL, NULL, '2024-01-01', NULL, NULL, NULL, NULL, NULL, \
            0, 1, (SELECT MAX(id) FROM aseguradora), 'Ingreso', \(admin))
            """)
        for (estadoAnterior, estado, fecha) in [("Ingreso", "Restauracion", "2024-03-21 09:00:00.5"),
                                                 ("", "Ingreso", "2024-03-20 09:00:00")] {
            _ = try c.execute("""
                INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por) \
                VALUES ('ROW-FULL', \(estadoAnterior.isEmpty ? nil : estadoAnterior), \(estado), \(unsafeRaw: "'\(fecha)'"), \(admin))
                """)
        }
        for (no, name, fecha) in [("ROW-FULL", tricky, "2024-03-22 08:00:00.001"), ("ROW-FULL", long, "2024-03-23 08:00:00"),
                                  ("ROW-FULL", "b.jpg", "2024-03-22 08:00:00"), ("ROW-TIE", "uno", "2024-05-05 05:05:05.5"),
                                  ("ROW-TIE", "dos", "2024-05-05 05:05:05.5"), ("ROW-TIE", "tres", "2024-05-05 05:05:05.5")] {
            _ = try c.execute("""
                INSERT INTO evidencia (no_siniestro, tipo, nombre_archivo, ruta, fecha_carga, subido_por) \
                VALUES (\(no), 'evidencia', \(name), \("/evidencias/x/" + name), \(unsafeRaw: "'\(fecha)'"), \(admin))
                """)
        }
        return (h, MariaDBExpedienteRepository(connection: c))
    }

    @Test("the GET's bytes equal JSONWriter's of detail() (the SQLRow path), for every shape of expediente")
    func detailBytes() throws {
        let (h, repository) = try Self.harness()
        // The harness owns the database: it must outlive the reads.
        defer { withExtendedLifetime(h) {} }
        for no in ["ROW-FULL", "ROW-EMPTY", "ROW-TIE"] {
            let expected = try #require(try repository.detail(noSiniestro: no))
            let written = try #require(try repository.detailJSON(noSiniestro: no))
            #expect(String(decoding: written.bytes, as: UTF8.self) == String(decoding: JSONWriter.encode(expected), as: UTF8.self),
                    "\(no)")
            #expect(written.bytes == JSONWriter.encode(expected))
        }
        #expect(try repository.detailJSON(noSiniestro: "NO-EXISTE") == nil)
    }

    @Test("the list's bytes equal JSONWriter's of the SQLRow path's items, whole and filtered, and [] for none")
    func listBytes() throws {
        let (h, repository) = try Self.harness()
        func expected(_ query: SQLQuery) throws -> [UInt8] {
            let items = try h.connection.query(query).map { row -> JSONValue in
                let count = MariaDBExpedienteRepository.summaryColumns.count
                var members = RowJSON.object(row).prefix(count).map { $0 }
                let at = count
                members.append(("aseguradora", row[at].isNull ? .null : .object([
                    ("id", RowJSON.value(row[at])), ("nombre", RowJSON.value(row[at + 1])),
                ])))
                return .object(members)
            }
            return JSONWriter.encode(.array(items))
        }
        #expect(try repository.summaries(.todos).bytes == expected(SQLQuery(unsafeSQL: MariaDBExpedienteRepository.summariesAllSQL)))
        #expect(try repository.summaries(.pendientes).bytes == Array("[]".utf8))
        let filtro = ExpedienteFiltro(estado: .restauracion)
        #expect(try repository.summaries(filtro).bytes == expected(MariaDBExpedienteRepository.summaryQuery(filtro)))
    }
}
