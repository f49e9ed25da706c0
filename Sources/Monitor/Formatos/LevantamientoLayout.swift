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

    /// The survey's cells of §7: the date and orden, the owner's cells of column C, the vehicle lines of column G
    /// (`"MARCA: …"`; the serie has no colon, as in the original) and the X marks of column K.
    static let fields: [FormField] = [
        FormField("K3", "Fecha", "L3", "fecha", .date),
        FormField("K5", "Orden", "L5", "orden"),
        FormField("A5", "No. Siniestro", "B5", "no_siniestro"),
        FormField("B11", "Eco", "C11", "eco", through: "E11"),
        FormField("B12", "Asegurado / tercero", "C12", "asegurado_tercero", through: "E12"),
        FormField("B14", "Propietario", "C14", "nombre_propietario", through: "E14"),
        FormField("B15", "Teléfono", "C15", "telefono", through: "E15"),
        FormField("B16", "Dirección", "C16", "direccion", through: "E16"),
        FormField("B17", "Pega", "C17", "pega", through: "E17"),
        FormField(nil, "", "G10", "marca", .prefixed("MARCA: "), through: "H10"),
        FormField(nil, "", "G11", "tipo", .prefixed("TIPO: "), through: "H11"),
        FormField(nil, "", "G12", "modelo", .prefixed("MODELO: "), through: "H12"),
        FormField(nil, "", "G13", "placas", .prefixed("PLACAS: "), through: "H13"),
        FormField(nil, "", "G14", "kilometraje", .prefixed("KILOMETRAJE: "), through: "H14"),
        FormField(nil, "", "G15", "no_puertas", .prefixed("NO. DE PUERTAS: "), through: "H15"),
        FormField(nil, "", "G16", "color", .prefixed("COLOR: "), through: "H16"),
        FormField(nil, "", "G17", "serie", .prefixed("SERIE "), through: "H17"),
        FormField("J10", "Cristales", "K10", "cristales", .mark),
        FormField("J11", "Aire acondicionado", "K11", "aire", .mark),
        FormField("J12", "Vestiduras", "K12", "vestiduras", .mark),
        FormField("J13", "Rin", "K13", "rin", .mark),
        FormField("J14", "Dirección", "K14", "direccion_veh", .mark),
        FormField("J15", "Tipo de pintura", "K15", "tipo_pintura", .mark),
        FormField("J16", "Transmisión", "K16", "trasmision", .mark),
    ]

    /// The sheet for `levantamiento` (its row with `levantamiento_concepto`).
    static func sheet(_ levantamiento: FormatoRecord, logger: Logger) -> Sheet {
        var form = FormSheet(name: "LEVANTAMIENTO", widths: [(0...0, 10), (1...1, 38), (2...3, 8), (4...4, 12), (5...5, 2),
                                                              (6...6, 26), (7...7, 10), (8...8, 38), (9...9, 18), (10...10, 4),
                                                              (11...12, 13)])
        form.title("LEVANTAMIENTO DE DAÑOS", "A1", "I2")
        form.section("PROPIETARIO", "A9", "E9")
        form.section("VEHÍCULO", "G9", "H9")
        form.section("EQUIPO", "J9", "K9")
        form.fill(fields, from: levantamiento)
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
