internal import CXlsxWriter

/// The only code that calls libxlsxwriter: turns a `Workbook` description into an `.xlsx` file. One writer per
/// file; formats are created once per distinct `CellStyle`.
struct WorkbookWriter {
    let path: String
    let temporaryDirectory: String?

    func write(_ workbook: Workbook) throws {
        let handle: UnsafeMutablePointer<lxw_workbook>? = withOptionalCString(temporaryDirectory) { tmpdir in
            var options = lxw_workbook_options(constant_memory: 0, tmpdir: UnsafeMutablePointer(mutating: tmpdir),
                                               use_zip64: 0)
            return workbook_new_opt(path, &options)
        }
        guard let handle else {
            throw SpreadsheetError(operation: "workbook_new", code: 0, message: "could not create the workbook for \(path)")
        }
        var formats = FormatCache(workbook: handle)
        var failure: SpreadsheetError?
        for sheet in workbook.sheets where failure == nil {
            do {
                try write(sheet, into: handle, formats: &formats)
            } catch let error as SpreadsheetError {
                failure = error
            }
        }
        // workbook_close also frees the workbook, so it runs whether or not a sheet failed.
        let closed = workbook_close(handle)
        if let failure { throw failure }
        try check(closed, "workbook_close")
    }

    private func write(_ sheet: Sheet, into workbook: UnsafeMutablePointer<lxw_workbook>, formats: inout FormatCache) throws {
        guard let worksheet = workbook_add_worksheet(workbook, sheet.name) else {
            throw SpreadsheetError(operation: "workbook_add_worksheet", code: 0, message: "invalid sheet name \"\(sheet.name)\"")
        }
        for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
            try check(worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), width, nil), "set_column \(column)")
        }
        for (row, height) in sheet.rowHeights.sorted(by: { $0.key < $1.key }) {
            try check(worksheet_set_row(worksheet, lxw_row_t(row), height, nil), "set_row \(row)")
        }
        for range in sheet.merges {
            let format = formats.format(for: range.style)
            try check(worksheet_merge_range(worksheet, lxw_row_t(range.first.row), lxw_col_t(range.first.column),
                                            lxw_row_t(range.last.row), lxw_col_t(range.last.column), "", format),
                      "merge \(range.first):\(range.last)")
            if range.value != .text("") && range.value != .blank {
                try write(range.value, at: range.first, format: format, into: worksheet)
            }
        }
        for (address, cell) in sheet.cells.sorted(by: { ($0.key.row, $0.key.column) < ($1.key.row, $1.key.column) }) {
            try write(cell.value, at: address, format: formats.format(for: cell.style), into: worksheet)
        }
        for image in sheet.images {
            try insert(image, into: worksheet)
        }
        if let wide = sheet.fitToPagesWide {
            worksheet_fit_to_pages(worksheet, UInt16(wide), 0)
        }
    }

    private func write(_ value: CellValue, at address: CellAddress, format: UnsafeMutablePointer<lxw_format>?,
                       into worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        let row = lxw_row_t(address.row)
        let column = lxw_col_t(address.column)
        let status: lxw_error
        switch value {
        case .blank:
            status = worksheet_write_blank(worksheet, row, column, format)
        case .text(let text):
            status = text.isEmpty ? worksheet_write_blank(worksheet, row, column, format)
                : worksheet_write_string(worksheet, row, column, text, format)
        case .number(let number):
            status = worksheet_write_number(worksheet, row, column, number, format)
        case .date(let year, let month, let day):
            var stamp = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
            status = worksheet_write_datetime(worksheet, row, column, &stamp, format)
        case .dateTime(let year, let month, let day, let hour, let minute, let second):
            var stamp = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: Int32(hour),
                                     min: Int32(minute), sec: Double(second))
            status = worksheet_write_datetime(worksheet, row, column, &stamp, format)
        case .time(let hour, let minute, let second):
            var stamp = lxw_datetime(year: 0, month: 0, day: 0, hour: Int32(hour), min: Int32(minute), sec: Double(second))
            status = worksheet_write_datetime(worksheet, row, column, &stamp, format)
        case .formula(let formula, let cached):
            status = worksheet_write_formula_num(worksheet, row, column, formula, format, cached)
        }
        try check(status, "write \(address)")
    }

    private func insert(_ image: SheetImage, into worksheet: UnsafeMutablePointer<lxw_worksheet>) throws {
        let status = image.bytes.withUnsafeBufferPointer { bytes in
            image.description.withCString { description in
                var options = lxw_image_options()
                options.x_offset = Int32(image.xOffset)
                options.y_offset = Int32(image.yOffset)
                options.x_scale = image.xScale
                options.y_scale = image.yScale
                options.object_position = UInt8(LXW_OBJECT_MOVE_DONT_SIZE.rawValue)
                options.description = UnsafeMutablePointer(mutating: description)
                return worksheet_insert_image_buffer_opt(worksheet, lxw_row_t(image.anchor.row), lxw_col_t(image.anchor.column),
                                                         bytes.baseAddress, bytes.count, &options)
            }
        }
        try check(status, "insert_image \(image.anchor)")
    }

    private func check(_ status: lxw_error, _ operation: @autoclosure () -> String) throws {
        guard status != LXW_NO_ERROR else { return }
        let message = lxw_strerror(status).map { String(cString: $0) } ?? "unknown error"
        throw SpreadsheetError(operation: operation(), code: Int(status.rawValue), message: message)
    }
}

/// One libxlsxwriter format per distinct style (the workbook owns and frees them).
private struct FormatCache {
    let workbook: UnsafeMutablePointer<lxw_workbook>
    var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]

    init(workbook: UnsafeMutablePointer<lxw_workbook>) {
        self.workbook = workbook
    }

    mutating func format(for style: CellStyle) -> UnsafeMutablePointer<lxw_format>? {
        if style == .plain { return nil }
        if let format = formats[style] { return format }
        guard let format = workbook_add_format(workbook) else { return nil }
        if style.bold { format_set_bold(format) }
        if style.italic { format_set_italic(format) }
        if let size = style.fontSize { format_set_font_size(format, size) }
        if let color = style.fontColor { format_set_font_color(format, lxw_color_t(color)) }
        if let fill = style.fill {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, lxw_color_t(fill))
        }
        if style.border { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        switch style.alignment {
        case .general: break
        case .left: format_set_align(format, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(format, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(format, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        if style.verticalCenter { format_set_align(format, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue)) }
        if style.wrap { format_set_text_wrap(format) }
        if let numberFormat = style.numberFormat { format_set_num_format(format, numberFormat) }
        formats[style] = format
        return format
    }
}

/// `body` with a C string for `text`, or NULL.
private func withOptionalCString<T>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> T) -> T {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
}
