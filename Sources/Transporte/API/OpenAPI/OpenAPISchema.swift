import HTTPCore

/// JSON Schemas of the document, built from the field declarations the decoder validates with, so the
/// documented rules are the enforced ones.
enum OpenAPISchema {
    /// The schema of one field kind.
    static func schema(_ kind: FieldKind, nullable: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)]
        switch kind {
        case .integer(let range):
            members = [("type", type("integer", nullable))]
            if range.lowerBound > Int(Int32.min) { members.append(("minimum", .integer(range.lowerBound))) }
            if range.upperBound < Int(Int32.max) { members.append(("maximum", .integer(range.upperBound))) }
        case .decimal(let range):
            members = [("type", type("number", nullable)), ("minimum", .double(range.lowerBound)),
                       ("maximum", .double(range.upperBound))]
        case .text(let minLength, let maxLength):
            members = [("type", type("string", nullable))]
            if minLength > 0 { members.append(("minLength", .integer(minLength))) }
            members.append(("maxLength", .integer(maxLength)))
        case .code(let maxLength):
            members = [("type", type("string", nullable)), ("maxLength", .integer(maxLength)),
                       ("pattern", .string(codePattern(optional: nullable))),
                       ("description", .string("Se guarda sin espacios alrededor y en mayúsculas; sin espacios dentro (use _ como separador)"
                                               + (nullable ? "; vacío equivale a null" : "")))]
        case .upperText(let maxLength):
            members = [("type", type("string", nullable)), ("maxLength", .integer(maxLength)),
                       ("description", .string("Se guarda en mayúsculas"))]
        case .plate(let maxLength):
            members = [("type", type("string", nullable)), ("maxLength", .integer(maxLength)),
                       ("pattern", .string(platePattern)),
                       ("description", .string("Se guarda en mayúsculas y sin espacios"))]
        case .boolean:
            members = [("type", type("boolean", nullable))]
        case .date:
            members = [("type", type("string", nullable)), ("format", .string("date"))]
        case .time:
            members = [("type", type("string", nullable)), ("pattern", .string("^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,6})?)?$")),
                       ("description", .string("HH:MM, HH:MM:SS o HH:MM:SS.ffffff"))]
        case .dateTime:
            members = [("type", type("string", nullable)),
                       ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$")),
                       ("description", .string("Fecha y hora local (America/El_Salvador): YYYY-MM-DDTHH:MM o YYYY-MM-DDTHH:MM:SS"))]
        }
        return .object(members)
    }

    /// The pattern of a plate as sent: ASCII letters, digits, `-` and spaces, at least one letter or digit
    /// (exactly what `FieldDecoder` accepts before it removes the spaces).
    static let platePattern = "^[A-Za-z0-9 -]*[A-Za-z0-9][A-Za-z0-9 -]*$"

    /// The pattern of a code: the spaces `FieldDecoder` trims around it, then no white space inside (the class
    /// `FieldDecoder.codeSpaces`, written as escapes); an optional code may be blank (it stores NULL).
    static func codePattern(optional: Bool) -> String {
        let spaces = FieldDecoder.codeSpaces.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        }.joined()
        let around = "[ \\t\\r\\n]*"
        let code = "[^" + spaces + "]+"
        return "^" + around + (optional ? "(" + code + around + ")?" : code + around) + "$"
    }

    /// An object schema of `fields` (required ones listed unless `partial`), with nested lists.
    static func object(_ fields: [Field], lists: [(key: String, fields: [Field], minItems: Int)] = [],
                       partial: Bool = false) -> JSONValue {
        var properties = fields.map { ($0.key, schema($0.kind, nullable: $0.nullable)) }
        for list in lists {
            properties.append((list.key, .object([("type", .string("array")), ("minItems", .integer(list.minItems)),
                                                  ("items", object(list.fields))])))
        }
        var members: [(String, JSONValue)] = [("type", .string("object")), ("properties", .object(properties))]
        let required = partial ? [] : fields.filter(\.required).map(\.key) + lists.filter { $0.minItems > 0 }.map(\.key)
        if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
        return .object(members)
    }

    /// A record with the given PascalCase keys (types left open: the reference lists them).
    static func record(_ keys: [String]) -> JSONValue {
        .object([("type", .string("object")), ("properties", .object(keys.map { ($0, .object([])) }))])
    }

    /// An array of `items`.
    static func array(_ items: JSONValue) -> JSONValue {
        .object([("type", .string("array")), ("items", items)])
    }

    /// A page of `items` (`{total, pagina, porPagina, registros}`).
    static func page(_ items: JSONValue) -> JSONValue {
        .object([("type", .string("object")), ("properties", .object([
            ("total", .object([("type", .string("integer"))])), ("pagina", .object([("type", .string("integer"))])),
            ("porPagina", .object([("type", .string("integer"))])), ("registros", array(items)),
        ]))])
    }

    private static func type(_ name: String, _ nullable: Bool) -> JSONValue {
        nullable ? .array([.string(name), .string("null")]) : .string(name)
    }
}
