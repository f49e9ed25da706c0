import AppCore
import HTTPCore
import Logging
import Spreadsheet
import Testing
@testable import Monitor

/// The cell mapping of monitor.md §7, read from the sheets our layouts describe (the e2e tier reads the same
/// cells back from the files with openpyxl): dates on their own day, instants in America/Mexico_City, X marks in
/// the right group columns, concept slots in order, L75 the total.
@Suite("Monitor formatos: the cell mapping of §7")
struct FormatoLayoutTests {
    static let zone = ZoneRules(identifier: "America/Mexico_City")!
    static let logger = Logger(label: "test")

    static func at(_ name: String) -> CellAddress { CellAddress(name)! }

    @Test("EXPEDIENTE: texts, dates without a previous-day shift, instants in the module's zone, document X marks")
    func expediente() {
        let record = FormatoRecord(.object([
            ("no_siniestro", .string("SIN-1")), ("factura", .string("F-9")), ("orden", .null), ("marca", .string("Kenworth")),
            ("fecha_ingreso", .string("2026-01-01T12:00:00.000Z")), ("fecha_entrega", .string("2026-12-31T12:00:00.000Z")),
            ("fecha_valuacion", .null),
            ("dato1", .string("Llamada")), ("dato1_fecha_hora", .string("2026-07-10T03:30:00.000Z")),
            ("comentarios_aseguradora_fh", .string("2026-01-15T18:05:09.000Z")),
            ("doc_finiquito", .bool(true)), ("doc_identificacion", .bool(false)), ("doc_orden_admision", .null),
            ("aseguradora", .object([("id", .int(2)), ("nombre", .string("HDI"))])),
        ]))
        let sheet = ExpedienteLayout.sheet(record, zone: Self.zone)
        #expect(sheet.value(at: Self.at("E9")) == .text("SIN-1"))
        #expect(sheet.value(at: Self.at("L3")) == .text("F-9"))
        #expect(sheet.value(at: Self.at("L5")) == .blank || sheet.value(at: Self.at("L5")) == .text(""))
        #expect(sheet.value(at: Self.at("D18")) == .text("Kenworth"))
        #expect(sheet.value(at: Self.at("K9")) == .date(year: 2026, month: 1, day: 1))
        #expect(sheet.value(at: Self.at("K13")) == .date(year: 2026, month: 12, day: 31))
        #expect(sheet.value(at: Self.at("E11")) == .blank)
        #expect(sheet.value(at: Self.at("C35")) == .text("Llamada"))
        // 03:30 UTC is 21:30 of the day before in Mexico City (UTC-6).
        #expect(sheet.value(at: Self.at("M35")) == .dateTime(year: 2026, month: 7, day: 9, hour: 21, minute: 30, second: 0))
        #expect(sheet.value(at: Self.at("M53")) == .dateTime(year: 2026, month: 1, day: 15, hour: 12, minute: 5, second: 9))
        #expect(sheet.value(at: Self.at("F80")) == .text("X"))
        #expect(sheet.value(at: Self.at("F70")) == .text(""))
        #expect(sheet.value(at: Self.at("F68")) == .text(""))
        #expect(sheet.images.count == 1)
        #expect(sheet.images.first?.anchor == Self.at("I2"))
        #expect(ExpedienteLayout.sheet(FormatoRecord(.object([("aseguradora", .object([("nombre", .string("Otra"))]))])),
                                       zone: Self.zone).images.isEmpty)
    }

    @Test("CHECKLIST: header cells, and each item's valor as an X in its group's OK/RE/MA/NA column")
    func checklist() {
        func item(_ sistema: String, _ nombre: String, _ valor: String) -> JSONValue {
            .object([("sistema", .string(sistema)), ("nombre_item", .string(nombre)), ("valor", .string(valor))])
        }
        let record = FormatoRecord(.object([
            ("fecha_inspeccion", .string("2026-03-01T12:00:00.000Z")), ("hora", .string("1970-01-01T09:45:00.000Z")),
            ("aprobada", .bool(true)), ("detallado", .bool(false)), ("marca_tipo", .string("Volvo VNL")), ("anio", .string("2019")),
            ("fecha_vencimiento_seguro", .string("2027-02-28T12:00:00.000Z")), ("deducible", .string("1500.50")),
            ("fecha_entrega", .string("2026-03-02T12:00:00.000Z")), ("observaciones_adicionales", .string("Sin detalles")),
            ("checklist_item", .array([
                item("SISTEMA DE ENFRIAMIENTO", "Nivel aceite motor", "OK"),          // left, first row
                item("CABINA DE OPERADOR", "Aire acondicionado", "na"),               // left, last of its sistema
                item("ACCESORIOS", "Baterias(  )marca:", "RE"),                        // centre; ':' and spaces ignored
                item(" cabina exterior ", "Cofre", "MA"),                              // centre: not Cabina General's Cofre
                item("Cabina General", "Cofre", "OK"),                                 // right
                item("SISTEMA ELECTRICO", "Interruptor con energia", "NA"),            // right, last row
                item("SISTEMA ELECTRICO", "Algo fuera del catálogo", "OK"),            // skipped
                item("ESTADO", "Quinta rueda", "??"),                                  // not a valor: skipped
            ])),
        ]))
        let sheet = ChecklistLayout.sheet(record, logger: Self.logger)
        #expect(sheet.value(at: Self.at("A8")) == .text("Fecha de inspeccion: 1/3/2026"))
        #expect(sheet.value(at: Self.at("C8")) == .time(hour: 9, minute: 45, second: 0))
        #expect(sheet.value(at: Self.at("L8")) == .text("X"))
        #expect(sheet.value(at: Self.at("M8")) == .text(""))
        #expect(sheet.value(at: Self.at("A10")) == .text("Marca y tipo: Volvo VNL"))
        #expect(sheet.value(at: Self.at("B10")) == .text("Año: 2019"))
        #expect(sheet.value(at: Self.at("G12")) == .date(year: 2027, month: 2, day: 28))
        #expect(sheet.value(at: Self.at("J12")) == .number(1500.5))
        #expect(sheet.value(at: Self.at("G68")) == .date(year: 2026, month: 3, day: 2))
        #expect(sheet.value(at: Self.at("A63")) == .text("Sin detalles"))
        let marks = Set(sheet.cells.filter { $0.value.value == .text("X") }.map(\.key.description))
        #expect(marks == ["L8", "B15", "E60", "H41", "I61", "L50", "O36"])
    }

    @Test("LEVANTAMIENTO: cells and marks; concepts fill the 104 slots in order, extras dropped; L75 is their sum")
    func levantamiento() {
        let conceptos: [JSONValue] = (1...110).map { n in
            .object([("claves", .string("K\(n)")), ("concepto", .string("Concepto \(n)")),
                     ("costo", n == 3 ? .null : .string("\(n).25"))])
        }
        let record = FormatoRecord(.object([
            ("fecha", .string("2026-05-31T12:00:00.000Z")), ("orden", .string("OT-7")), ("eco", .string("E-1")),
            ("marca", .string("Scania")), ("serie", .string("XYZ")), ("cristales", .bool(true)), ("trasmision", .bool(true)),
            ("aire", .bool(false)), ("levantamiento_concepto", .array(conceptos)),
        ]))
        let sheet = LevantamientoLayout.sheet(record, logger: Self.logger)
        #expect(sheet.value(at: Self.at("L3")) == .date(year: 2026, month: 5, day: 31))
        #expect(sheet.value(at: Self.at("L5")) == .text("OT-7"))
        #expect(sheet.value(at: Self.at("C11")) == .text("E-1"))
        #expect(sheet.value(at: Self.at("G10")) == .text("MARCA: Scania"))
        #expect(sheet.value(at: Self.at("G17")) == .text("SERIE XYZ"))
        #expect(sheet.value(at: Self.at("K10")) == .text("X"))
        #expect(sheet.value(at: Self.at("K11")) == .text(""))
        #expect(sheet.value(at: Self.at("K16")) == .text("X"))
        #expect(LevantamientoLayout.slots.count == 104)
        // Slot order: left 21–74, left 76–92, right 21–39, right 43–56.
        for (n, claves, concepto, costo) in [(1, "A21", "B21", "E21"), (54, "A74", "B74", "E74"), (55, "A76", "B76", "E76"),
                                             (71, "A92", "B92", "E92"), (72, "H21", "I21", "L21"), (90, "H39", "I39", "L39"),
                                             (91, "H43", "I43", "L43"), (104, "H56", "I56", "L56")] {
            #expect(sheet.value(at: Self.at(claves)) == .text("K\(n)"), "\(n)")
            #expect(sheet.value(at: Self.at(concepto)) == .text("Concepto \(n)"), "\(n)")
            #expect(sheet.value(at: Self.at(costo)) == .number(Double(n) + 0.25), "\(n)")
        }
        #expect(sheet.value(at: Self.at("E23")) == .blank)  // concept 3 has no costo
        let expected = Double((1...104).reduce(0, +) - 3) + 103 * 0.25
        #expect(sheet.value(at: Self.at("L75")) == .formula("=SUM(E21:E74,E76:E92,L21:L39,L43:L56)", cached: expected))
        #expect(!sheet.cells.values.contains { $0.value == .text("K105") })
    }

    @Test("the catalogue's matching key ignores case, ':' and whitespace; every item has one slot")
    func catalogue() {
        #expect(ChecklistCatalog.key(sistema: "Sistema de Freno ", item: "Liquido  de\tfreno:") == "sistemadefreno|liquidodefreno")
        let items = ChecklistCatalog.sistemas.reduce(0) { $0 + $1.items.count }
        #expect(ChecklistCatalog.slots.count == items)
        #expect(ChecklistCatalog.markColumn(valor: "ma", group: .right) == 13)
        #expect(ChecklistCatalog.markColumn(valor: "X", group: .left) == nil)
    }
}
