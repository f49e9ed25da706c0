/// Numeric ids in the paths of the records routes (evidencias, levantamientos, checklist, comentarios).
///
/// The original tested `Number(param)` for NaN (and, in checklist and comentarios, for 0). Here an id is an
/// optional sign and decimal digits that fit an `Int`; anything else (`abc`, `1.5`, `0x10`, an overflow) is the
/// route's 400. A well-formed id that names no row (`-1`, `99999999999`) is the route's 404.
enum RecordID {
    /// `text` as an id, or nil.
    static func parse(_ text: String) -> Int? {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    /// `text` as a positive INT id (`1`…`2147483647`, digits only: no sign, fraction or exponent), or nil; what
    /// the document's `{"type": "integer", "minimum": 1, "format": "int32"}` path parameters accept (ruling 10).
    static func positive(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 10, text.utf8.allSatisfy({ (48...57).contains($0) }),
              let id = Int(text), (1...Int(Int32.max)).contains(id) else { return nil }
        return id
    }

    /// The id in `text`, or a 400 with `message`; `allowZero: false` also refuses `0` (checklist, comentarios).
    static func require(_ text: String, message: String, allowZero: Bool = true) throws -> Int {
        guard let id = parse(text), allowZero || id != 0 else { throw MonitorError(status: 400, message) }
        return id
    }
}
