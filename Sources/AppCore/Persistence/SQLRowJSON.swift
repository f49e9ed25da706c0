import HTTPCore
import MariaDB

/// Writes columns of a fetched row (`MariaDBConnection.forEachRow`) as JSON straight from the statement's bound
/// buffers into the response's buffer: text is escaped from its raw UTF-8, integers and doubles are written from
/// their binary values, dates and times by the module's `SQLJSONFormat`; no `SQLValue`, `String` or `JSONValue`
/// is built per value. The bytes are those `JSONWriter` writes for the `JSONValue` a module's conversion of the
/// same `SQLRow` gives (tests hold the two together).
package enum SQLRowJSON {
    /// Appends column `column` of `row`: `null` for NULL; integers as numbers (`true`/`false` when `boolean`);
    /// doubles as `JSONWriter` writes them; text as an escaped string; the rest as `format` says.
    package static func appendValue<Format: SQLJSONFormat>(_ row: borrowing SQLRowView, _ column: Int, _ format: Format.Type,
                                                           boolean: Bool = false, to output: inout JSONOutput) {
        if row.isNull(column) {
            output.append("null")
            return
        }
        switch row.kind(column) {
        case .signed where boolean:
            output.append(row.int64(column) != 0 ? "true" : "false")
        case .unsigned where boolean:
            output.append(row.uint64(column) != 0 ? "true" : "false")
        case .signed:
            JSONWriter.appendInteger(row.int64(column), to: &output)
        case .unsigned:
            JSONWriter.appendUnsigned(row.uint64(column), to: &output)
        case .double:
            JSONWriter.appendDouble(row.double(column), to: &output)
        case .text:
            JSONWriter.appendString(utf8: row.bytes(column), to: &output)
        case .decimal:
            Format.appendDecimal(row.bytes(column), to: &output)
        case .blob:
            Format.appendBlob(row.bytes(column), to: &output)
        case .date:
            Format.appendDate(row.date(column), to: &output)
        case .dateTime:
            Format.appendDateTime(row.dateTime(column), to: &output)
        case .time:
            Format.appendTime(row.time(column), to: &output)
        }
    }

    /// Appends `members` (keys and values, no braces) from the columns `start ..< start + members.count` of `row`,
    /// so a caller can add members of its own before the closing brace.
    package static func appendMembers<Format: SQLJSONFormat>(_ row: borrowing SQLRowView, _ members: SQLJSONMembers,
                                                             from start: Int, _ format: Format.Type,
                                                             to output: inout JSONOutput) {
        for index in 0..<members.count {
            members.keys[index].withUnsafeBufferPointer { output.append($0) }
            appendValue(row, start + index, format, boolean: members.booleans[index], to: &output)
        }
    }

    /// Appends `{members}` from the columns `start ..< start + members.count` of `row`.
    package static func appendObject<Format: SQLJSONFormat>(_ row: borrowing SQLRowView, _ members: SQLJSONMembers,
                                                            from start: Int = 0, _ format: Format.Type,
                                                            to output: inout JSONOutput) {
        output.append(UInt8(ascii: "{"))
        appendMembers(row, members, from: start, format, to: &output)
        output.append(UInt8(ascii: "}"))
    }
}
