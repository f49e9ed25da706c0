import AppCore
import Spreadsheet

/// The EXPEDIENTE form (monitor.md §7): every cell of the mapping, a label beside it, the insurer's logo near
/// I2. `tecnico`, `vehiculo` and `unidad_terminada` are not printed, as in the original.
enum ExpedienteLayout {
    /// The labelled cells of §7, each label one column to the left of its value.
    static let fields: [FormField] = [
        FormField("K3", "Factura", "L3", "factura"), FormField("K5", "Orden", "L5", "orden"),
        FormField("K7", "Asesor", "L7", "asesor"), FormField("D9", "No. Siniestro", "E9", "no_siniestro"),
        FormField("J9", "Fecha de ingreso", "K9", "fecha_ingreso", .date),
        FormField("D11", "Fecha de valuación", "E11", "fecha_valuacion", .date),
        FormField("J11", "Fecha de autorización", "K11", "fecha_autorizacion", .date),
        FormField("D13", "Piezas completas", "E13", "fecha_pzas_completas", .date),
        FormField("J13", "Fecha de entrega", "K13", "fecha_entrega", .date),
        FormField("J15", "Mecánico", "K15", "mecanico"),
        FormField("C18", "Marca", "D18", "marca"), FormField("G18", "Placas", "H18", "placas"),
        FormField("C20", "Tipo", "D20", "tipo"), FormField("G20", "Color", "H20", "color"),
        FormField("C22", "Modelo", "D22", "modelo"), FormField("C25", "Nombre", "D25", "nombre_cliente"),
        FormField("C27", "Teléfono", "D27", "telefono_cliente"), FormField("C29", "Correo", "D29", "correo_cliente"),
        FormField("E68", "Orden de admisión", "F68", "doc_orden_admision", .mark),
        FormField("E70", "Identificación", "F70", "doc_identificacion", .mark),
        FormField("E72", "Tarjeta de circulación", "F72", "doc_tarjeta_circulacion", .mark),
        FormField("E74", "Carátula de póliza", "F74", "doc_caratula_poliza", .mark),
        FormField("E76", "Carta de reparación", "F76", "doc_carta_reparacion", .mark),
        FormField("E78", "Comprobante de deducible", "F78", "doc_comprobante_deducible", .mark),
        FormField("E80", "Finiquito", "F80", "doc_finiquito", .mark),
        FormField("E82", "Encuesta de servicio", "F82", "doc_encuesta_servicio", .mark),
    ]
    /// Follow-up notes: (row, text field, timestamp field, title). Text in C, date and time in M.
    static let notes: [(Int, String, String, String)] = [
        (35, "dato1", "dato1_fecha_hora", "Seguimiento 1"), (39, "dato2", "dato2_fecha_hora", "Seguimiento 2"),
        (43, "dato3", "dato3_fecha_hora", "Seguimiento 3"), (47, "dato4", "dato4_fecha_hora", "Seguimiento 4"),
        (53, "comentarios_aseguradora", "comentarios_aseguradora_fh", "Comentarios de la aseguradora"),
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
        form.fill(fields, from: expediente)
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
        return form.sheet
    }
}
