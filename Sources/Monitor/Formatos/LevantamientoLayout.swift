import Logging
import Spreadsheet

/// The LEVANTAMIENTO DE DAÑOS form (monitor.md §7): the survey's cells, its X marks, and its concepts in the
/// 104 slots in order; L75 is their total (a SUM formula with its value cached, so any reader shows the number).
enum LevantamientoLayout {
    /// A run of concept rows: its first and last one-based row and its claves, concepto and costo columns.
    struct SlotRun {
        let rows: ClosedRange<Int>
        let claves: String
        let concepto: String
        let costo: String
    }

    /// Left slots rows 21–74 then 76–92 (A, B, E), then right slots rows 21–39 then 43–56 (H, I, L): 104 slots.
    static let runs = [
        SlotRun(rows: 21...74, claves: "A", concepto: "B", costo: "E"),
        SlotRun(rows: 76...92, claves: "A", concepto: "B", costo: "E"),
        SlotRun(rows: 21...39, claves: "H", concepto: "I", costo: "L"),
        SlotRun(rows: 43...56, claves: "H", concepto: "I", costo: "L"),
    ]

    /// Every slot in fill order: (claves cell, concepto cell, costo cell).
    static let slots: [(String, String, String)] = runs.flatMap { run in
        run.rows.map { ("\(run.claves)\($0)", "\(run.concepto)\($0)", "\(run.costo)\($0)") }
    }

    /// The vehicle lines of column G (`"MARCA: …"`; the serie has no colon, as in the original).
    static let vehiculo: [(Int, String, String)] = [
        (10, "MARCA: ", "marca"), (11, "TIPO: ", "tipo"), (12, "MODELO: ", "modelo"), (13, "PLACAS: ", "placas"),
        (14, "KILOMETRAJE: ", "kilometraje"), (15, "NO. DE PUERTAS: ", "no_puertas"), (16, "COLOR: ", "color"),
        (17, "SERIE ", "serie"),
    ]
    /// The X marks of column K, rows 10–16.
    static let equipo: [(Int, String, String)] = [
        (10, "cristales", "Cristales"), (11, "aire", "Aire acondicionado"), (12, "vestiduras", "Vestiduras"),
        (13, "rin", "Rin"), (14, "direccion_veh", "Dirección"), (15, "tipo_pintura", "Tipo de pintura"),
        (16, "trasmision", "Transmisión"),
    ]
    /// The owner's cells of column C: (row, field, label).
    static let propietario: [(Int, String, String)] = [
        (11, "eco", "Eco"), (12, "asegurado_tercero", "Asegurado / tercero"), (14, "nombre_propietario", "Propietario"),
        (15, "telefono", "Teléfono"), (16, "direccion", "Dirección"), (17, "pega", "Pega"),
    ]

    /// The sheet for `levantamiento` (its row with `levantamiento_concepto`).
    static func sheet(_ levantamiento: FormatoRecord, logger: Logger) -> Sheet {
        var form = FormSheet(name: "LEVANTAMIENTO", widths: [(0...0, 10), (1...1, 38), (2...3, 8), (4...4, 12), (5...5, 2),
                                                              (6...6, 26), (7...7, 10), (8...8, 38), (9...9, 18), (10...10, 4),
                                                              (11...12, 13)])
        form.title("LEVANTAMIENTO DE DAÑOS", "A1", "I2")
        form.label("K3", "Fecha")
        form.value("L3", levantamiento.date("fecha"), style: FormatoStyle.date)
        form.label("K5", "Orden")
        form.value("L5", .text(levantamiento.text("orden")))
        form.label("A5", "No. Siniestro")
        form.value("B5", .text(levantamiento.text("no_siniestro")))
        form.section("PROPIETARIO", "A9", "E9")
        for (row, field, label) in propietario {
            form.label("B\(row)", label)
            form.value("C\(row)", .text(levantamiento.text(field)), through: "E\(row)")
        }
        form.section("VEHÍCULO", "G9", "H9")
        for (row, prefix, field) in vehiculo {
            form.value("G\(row)", .text(prefix + levantamiento.text(field)), through: "H\(row)")
        }
        form.section("EQUIPO", "J9", "K9")
        for (row, field, label) in equipo {
            form.label("J\(row)", label)
            form.value("K\(row)", .text(levantamiento.mark(field)), style: FormatoStyle.mark)
        }
        conceptos(levantamiento.children("levantamiento_concepto"), into: &form, logger: logger)
        return form.sheet
    }

    private static func conceptos(_ conceptos: [FormatoRecord], into form: inout FormSheet, logger: Logger) {
        for header in ["A20", "H20", "H42"] { form.label(header, "Claves", style: FormatoStyle.header) }
        for header in ["B20", "I20", "I42"] { form.label(header, "Concepto", style: FormatoStyle.header) }
        for header in ["E20", "L20", "L42"] { form.label(header, "Costo", style: FormatoStyle.header) }
        var total = 0.0
        for (index, (claves, concepto, costo)) in slots.enumerated() {
            guard index < conceptos.count else {
                form.value(costo, .blank, style: FormatoStyle.money)
                continue
            }
            let record = conceptos[index]
            form.value(claves, .text(record.text("claves")), style: FormatoStyle.item)
            form.value(concepto, .text(record.text("concepto")), style: FormatoStyle.item)
            form.value(costo, record.number("costo"), style: FormatoStyle.money)
            total += record.decimal("costo") ?? 0
        }
        if conceptos.count > slots.count {
            logger.warning("conceptos sin espacio en el formato de levantamiento",
                           metadata: ["escritos": "\(slots.count)", "omitidos": "\(conceptos.count - slots.count)"])
        }
        // Cents, so the cached value is the sum a reader expects, not binary noise.
        let cached = (total * 100).rounded() / 100
        let ranges = runs.map { "\($0.costo)\($0.rows.lowerBound):\($0.costo)\($0.rows.upperBound)" }.joined(separator: ",")
        form.label("K75", "Total")
        form.value("L75", .formula("=SUM(\(ranges))", cached: cached), style: FormatoStyle.total)
        form.label("M74", "Total con IVA", style: FormatoStyle.header)
        form.value("M75", .formula("=L75*1.16", cached: (cached * 116).rounded() / 100), style: FormatoStyle.total)
    }
}
