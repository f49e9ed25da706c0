import AppCore
import Spreadsheet

/// The EXPEDIENTE form (monitor.md §7): every cell of the mapping, a label beside it, the insurer's logo near
/// I2. `tecnico`, `vehiculo` and `unidad_terminada` are not printed, as in the original.
enum ExpedienteLayout {
    /// Text cells: (cell, field, label placed one column to the left).
    static let texts: [(String, String, String)] = [
        ("L3", "factura", "Factura"), ("L5", "orden", "Orden"), ("L7", "asesor", "Asesor"),
        ("E9", "no_siniestro", "No. Siniestro"), ("K15", "mecanico", "Mecánico"),
        ("D18", "marca", "Marca"), ("H18", "placas", "Placas"), ("D20", "tipo", "Tipo"), ("H20", "color", "Color"),
        ("D22", "modelo", "Modelo"), ("D25", "nombre_cliente", "Nombre"), ("D27", "telefono_cliente", "Teléfono"),
        ("D29", "correo_cliente", "Correo"),
    ]
    /// Date cells: (cell, field, label one column to the left).
    static let dates: [(String, String, String)] = [
        ("K9", "fecha_ingreso", "Fecha de ingreso"), ("E11", "fecha_valuacion", "Fecha de valuación"),
        ("K11", "fecha_autorizacion", "Fecha de autorización"), ("E13", "fecha_pzas_completas", "Piezas completas"),
        ("K13", "fecha_entrega", "Fecha de entrega"),
    ]
    /// Follow-up notes: (row, text field, timestamp field, title). Text in C, date and time in M.
    static let notes: [(Int, String, String, String)] = [
        (35, "dato1", "dato1_fecha_hora", "Seguimiento 1"), (39, "dato2", "dato2_fecha_hora", "Seguimiento 2"),
        (43, "dato3", "dato3_fecha_hora", "Seguimiento 3"), (47, "dato4", "dato4_fecha_hora", "Seguimiento 4"),
        (53, "comentarios_aseguradora", "comentarios_aseguradora_fh", "Comentarios de la aseguradora"),
    ]
    /// Documents received: (row, field, label). The X goes in F.
    static let documents: [(Int, String, String)] = [
        (68, "doc_orden_admision", "Orden de admisión"), (70, "doc_identificacion", "Identificación"),
        (72, "doc_tarjeta_circulacion", "Tarjeta de circulación"), (74, "doc_caratula_poliza", "Carátula de póliza"),
        (76, "doc_carta_reparacion", "Carta de reparación"), (78, "doc_comprobante_deducible", "Comprobante de deducible"),
        (80, "doc_finiquito", "Finiquito"), (82, "doc_encuesta_servicio", "Encuesta de servicio"),
    ]

    /// The sheet for `expediente` (its row with `aseguradora`); instants are printed in `zone`.
    static func sheet(_ expediente: FormatoRecord, zone: ZoneRules) -> Sheet {
        var form = FormSheet(name: "EXPEDIENTE", widths: [(0...1, 4), (2...3, 14), (4...8, 12), (9...9, 18), (10...13, 14)])
        form.title("EXPEDIENTE DE SINIESTRO", "A1", "H2")
        form.height(42, rows: 2...3)
        let aseguradora = expediente.child("aseguradora").text("nombre")
        form.label("C4", "Aseguradora")
        form.value("D4", .text(aseguradora), through: "F4")
        if let logo = InsurerLogo.png(forAseguradora: aseguradora) {
            // ≈105×105 px from our 96 px logos.
            form.insert(SheetImage(anchor: FormSheet.at("I2"), bytes: logo, xOffset: 4, yOffset: 2, xScale: 1.1, yScale: 1.1,
                                   description: "Logo \(aseguradora)"))
        }
        for (cell, field, label) in texts {
            form.label(labelCell(left: cell), label)
            form.value(cell, .text(expediente.text(field)))
        }
        for (cell, field, label) in dates {
            form.label(labelCell(left: cell), label)
            form.value(cell, expediente.date(field), style: FormatoStyle.date)
        }
        form.section("VEHÍCULO", "A16", "N16")
        form.label("J18", "Observaciones")
        form.value("K18", .text(expediente.text("observaciones")), style: FormatoStyle.note, through: "N23")
        form.section("CLIENTE", "A24", "N24")
        form.section("SEGUIMIENTO", "A33", "N33")
        for (row, textField, stampField, title) in notes {
            form.label("C\(row - 1)", title, style: FormatoStyle.header)
            form.label("M\(row - 1)", "Fecha y hora", style: FormatoStyle.header)
            form.value("C\(row)", .text(expediente.text(textField)), style: FormatoStyle.note, through: "K\(row + 2)")
            form.value("M\(row)", expediente.timestamp(stampField, zone: zone), style: FormatoStyle.dateTime, through: "N\(row)")
        }
        form.section("DOCUMENTOS RECIBIDOS", "A66", "N66")
        for (row, field, label) in documents {
            form.label("E\(row)", label)
            form.value("F\(row)", .text(expediente.mark(field)), style: FormatoStyle.mark)
        }
        return form.sheet
    }

    /// The cell left of `cell` (`"E9"` → `"D9"`).
    static func labelCell(left cell: String) -> String {
        let address = FormSheet.at(cell)
        return address.offset(columns: -1).description
    }
}
