import HTTPCore

/// The members of a JSON object written from consecutive result columns, prepared once per statement: each key
/// already encoded (`"name":`, with the comma in front of every key but the first), and which columns are
/// booleans (TINYINT(1) written as `true`/`false`). `SQLRowJSON.appendMembers` then writes a row's values
/// between them without a name lookup or a key escape per row.
package struct SQLJSONMembers: Sendable {
    /// The encoded key of each member, in column order.
    let keys: [[UInt8]]
    /// Whether each member's column is a boolean.
    let booleans: [Bool]

    /// Members called `names`; `booleans` (one per name) marks the boolean columns, none when nil.
    package init(_ names: [String], booleans: [Bool]? = nil) {
        precondition(booleans.map { $0.count == names.count } ?? true, "one boolean flag per member")
        keys = names.enumerated().map { position, name in
            JSONOutput.written { output in
                if position > 0 { output.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(name, to: &output)
                output.append(UInt8(ascii: ":"))
            }
        }
        self.booleans = booleans ?? names.map { _ in false }
    }

    /// The number of members (and of the columns they are written from).
    package var count: Int { keys.count }
}
