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
        header(checklist, into: &form)
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
        footer(checklist, into: &form)
        return form.sheet
    }

    private static func header(_ checklist: FormatoRecord, into form: inout FormSheet) {
        form.value("A8", .text("Fecha de inspeccion: " + checklist.dateText("fecha_inspeccion")))
        form.label("B8", "Hora")
        form.value("C8", checklist.time("hora"), style: FormatoStyle.time)
        form.label("E8", "Inspeccionó")
        form.value("F8", .text(checklist.text("inspeccionado_por")))
        form.label("H8", "Ubicación")
        form.value("I8", .text(checklist.text("ubicacion")))
        form.label("L7", "Aprobada", style: FormatoStyle.header)
        form.label("M7", "Detallado", style: FormatoStyle.header)
        form.value("L8", .text(checklist.mark("aprobada")), style: FormatoStyle.mark)
        form.value("M8", .text(checklist.mark("detallado")), style: FormatoStyle.mark)
        form.label("A9", "Carrocero asignado")
        form.value("B9", .text(checklist.text("carroceo_asignado")))
        form.label("C9", "Mecánico")
        form.value("D9", .text(checklist.text("mecanico_asignado")))
        form.label("G9", "Pintor")
        form.value("H9", .text(checklist.text("pintor")))
        form.label("K9", "Área de detallado")
        form.value("L9", .text(checklist.text("area_detallado")))
        form.value("A10", .text("Marca y tipo: " + checklist.text("marca_tipo")))
        form.value("B10", .text("Año: " + checklist.text("anio")))
        form.label("F10", "Serie")
        form.value("G10", .text(checklist.text("serie")))
        form.label("A11", "Áreas dañadas")
        form.value("B11", .text(checklist.text("areas_danadas")), style: FormatoStyle.note)
        form.label("B12", "A")
        form.value("C12", .text(checklist.mark("a")), style: FormatoStyle.mark)
        form.label("D12", "T")
        form.value("E12", .text(checklist.mark("t")), style: FormatoStyle.mark)
        form.label("F12", "Vencimiento del seguro")
        form.value("G12", checklist.date("fecha_vencimiento_seguro"), style: FormatoStyle.date)
        form.label("I12", "Deducible")
        form.value("J12", checklist.number("deducible"), style: FormatoStyle.money)
        form.label("K12", "Demérito")
        form.value("L12", checklist.number("demerito"), style: FormatoStyle.money)
    }

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

    private static func footer(_ checklist: FormatoRecord, into form: inout FormSheet) {
        let observaciones = checklist.text("observaciones_adicionales")
        form.label("A62", "Observaciones adicionales", style: FormatoStyle.header)
        if !observaciones.isEmpty {
            form.value("A63", .text(observaciones), style: FormatoStyle.note, through: "E66")
        }
        form.label("A68", "Lugar de entrega")
        form.value("B68", .text(checklist.text("lugar_entrega")), through: "E68")
        form.label("F68", "Fecha de entrega")
        form.value("G68", checklist.date("fecha_entrega"), style: FormatoStyle.date, through: "I68")
        form.label("A69", "Nombre de quien recibe")
        form.value("B69", .text(checklist.text("nombre_quien_recibe")), through: "E69")
        form.label("A70", "Firma de quien recibe")
        form.value("B70", .text(checklist.text("firma_quien_recibe")), through: "E70")
    }
}
