import MariaDB

/// The columns of one part of a statement's rows whose names are known when the statement is written: the
/// shared `SQLColumns` (its name index built once, not per request) and which of them `RecordJSON` writes as
/// booleans, so turning such a part into a record looks nothing up by name (issue 16).
struct RecordLayout: Sendable {
    /// The record keys (the select's labels), in select order.
    let columns: SQLColumns
    /// Per column: a BOOLEAN column of the schema (`RecordJSON.booleanColumns`).
    let booleans: [Bool]

    /// The layout of the select-list entries `selected` (`alias.Column` or `expression AS Label`).
    init(selected: [String]) {
        let names = selected.map(Self.label)
        columns = SQLColumns(names: names)
        booleans = names.map(RecordJSON.booleanColumns.contains)
    }

    /// The label MariaDB gives a select-list entry: the alias after the last ` AS `, else the column name.
    static func label(_ selected: String) -> String {
        let words = selected.split(separator: " ")
        if words.count >= 3, words[words.count - 2] == "AS" { return String(words[words.count - 1]) }
        return String(selected.split(separator: ".").last ?? Substring(selected))
    }
}
