import Logging
import Spreadsheet

/// The CHECKLIST form (monitor.md §7): the header cells of the mapping, then the item grid, where each item's
/// valor puts an X in its group's OK/RE/MA/NA column. Items outside the catalogue are logged and skipped.
enum ChecklistLayout {
    /// The sheet for `checklist` (its row with `checklist_item`).
    static func sheet(_ checklist: FormatoRecord, logger: Logger) -> Sheet {
        var form = FormSheet(name: "CHECKLIST", widths: [(0...0, 26), (1...4, 5), (5...5, 26), (6...9, 5), (10...10, 26), (11...14, 5)])
        form.title("CHECKLIST DE INSPECCIÓN Y SALIDA", "A1", "O3")
        form.label("A5", "No. Siniestro: " + checklist.text("no_siniestro"), style: FormatoStyle.section)
        form.label("L7", "Aprobada", style: FormatoStyle.header)
        form.label("M7", "Detallado", style: FormatoStyle.header)
        form.fill(fields, from: checklist)
        grid(into: &form)
        for item in checklist.children("checklist_item") {
            let sistema = item.text("sistema")
            let nombre = item.text("nombre_item")
            guard let slot = ChecklistCatalog.slots[ChecklistCatalog.key(sistema: sistema, item: nombre)] else {
                logger.warning("checklist_item sin mapeo en plantilla", metadata: ["sistema": "\(sistema)", "nombre_item": "\(nombre)"])
                continue
            }
            guard let column = ChecklistCatalog.markColumn(valor: item.text("valor"), group: slot.group) else { continue }
            form.value(CellAddress(row: slot.row - 1, column: column), .text("X"), style: FormatoStyle.mark)
        }
        let observaciones = checklist.text("observaciones_adicionales")
        form.label("A62", "Observaciones adicionales", style: FormatoStyle.header)
        if !observaciones.isEmpty {
            form.value("A63", .text(observaciones), style: FormatoStyle.note, through: "E66")
        }
        return form.sheet
    }

    /// The header cells of §7: (label cell, label, cell, column, how).
    static let fields: [FormField] = [
        FormField(nil, "", "A8", "fecha_inspeccion", .prefixedDate("Fecha de inspeccion: ")),
        FormField("B8", "Hora", "C8", "hora", .time),
        FormField("E8", "Inspeccionó", "F8", "inspeccionado_por"),
        FormField("H8", "Ubicación", "I8", "ubicacion"),
        FormField(nil, "", "L8", "aprobada", .mark),
        FormField(nil, "", "M8", "detallado", .mark),
        FormField("A9", "Carrocero asignado", "B9", "carroceo_asignado"),
        FormField("C9", "Mecánico", "D9", "mecanico_asignado"),
        FormField("G9", "Pintor", "H9", "pintor"),
        FormField("K9", "Área de detallado", "L9", "area_detallado"),
        FormField(nil, "", "A10", "marca_tipo", .prefixed("Marca y tipo: ")),
        FormField(nil, "", "B10", "anio", .prefixed("Año: ")),
        FormField("F10", "Serie", "G10", "serie"),
        FormField("A11", "Áreas dañadas", "B11", "areas_danadas"),
        FormField("B12", "A", "C12", "a", .mark),
        FormField("D12", "T", "E12", "t", .mark),
        FormField("F12", "Vencimiento del seguro", "G12", "fecha_vencimiento_seguro", .date),
        FormField("I12", "Deducible", "J12", "deducible", .money),
        FormField("K12", "Demérito", "L12", "demerito", .money),
        FormField("A68", "Lugar de entrega", "B68", "lugar_entrega", through: "E68"),
        FormField("F68", "Fecha de entrega", "G68", "fecha_entrega", .date, through: "I68"),
        FormField("A69", "Nombre de quien recibe", "B69", "nombre_quien_recibe", through: "E69"),
        FormField("A70", "Firma de quien recibe", "B70", "firma_quien_recibe", through: "E70"),
    ]

    /// The sistema headers and item names, with empty mark boxes.
    private static func grid(into form: inout FormSheet) {
        for sistema in ChecklistCatalog.sistemas {
            let column = sistema.group.nameColumn
            let headerRow = sistema.firstRow - 2
            form.value(CellAddress(row: headerRow, column: column), .text(sistema.name), style: FormatoStyle.section)
            for (offset, valor) in ChecklistCatalog.valores.enumerated() {
                form.value(CellAddress(row: headerRow, column: column + 1 + offset), .text(valor), style: FormatoStyle.header)
            }
            for (offset, item) in sistema.items.enumerated() {
                let row = sistema.firstRow - 1 + offset
                form.value(CellAddress(row: row, column: column), .text(item), style: FormatoStyle.item)
                for mark in 1...4 {
                    form.value(CellAddress(row: row, column: column + mark), .blank, style: FormatoStyle.mark)
                }
            }
        }
    }
}
