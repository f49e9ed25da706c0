import HTTPCore

/// JSON Schemas from validation rules (egresos.md §8.2), so the documented request is the one the engine
/// enforces: `typeOf` → `type`, `min`/`max` → lengths, bounds or item counts according to the type, `exact` →
/// both lengths, `in` → `enum`, `email`/`date` → `format`, `regex` → `pattern`, `nullable` → `null` allowed,
/// file rules → `format: binary`; what JSON Schema cannot say (unique, exists, the allowed e-mail domains) goes
/// to `description`, as do `same`, a parent-scoped `exists` and a `dateRange` against the stored row (JSON
/// Schema compares no two fields, and knows no stored values).
enum RuleSchema {
    /// The object schema of a body; `files: false` leaves out the file fields (the JSON form of a multipart
    /// route). `brands[].name` and `collaborators[]` describe the items of `brands` and `collaborators`.
    static func object(_ schema: ValidationSchema, files: Bool) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        var required: [String] = []
        for field in schema.fields where field.arrayParent == nil && (files || !field.isFile) {
            var members = self.members(field.rules)
            if let items = items(of: field.field, in: schema) { members.append(("items", items)) }
            properties.append((field.field, .object(members)))
            if field.rules.contains(.required) { required.append(field.field) }
            if field.rules.contains(.confirmation) {
                let confirmation = "\(field.field)_confirmation"
                properties.append((confirmation, .object([("type", .string("string")),
                                                          ("description", .string("Equal to `\(field.field)` (else 422 4225 on `\(field.field)`)"))])))
                required.append(confirmation)
            }
        }
        var members: [(String, JSONValue)] = [("type", .string("object")), ("properties", .object(properties))]
        if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
        return .object(members)
    }

    /// The schema of one field (a query parameter, an array item).
    static func field(_ rules: [ValidationRule]) -> JSONValue { .object(members(rules)) }

    /// What JSON Schema cannot say of `rules`, for a description.
    static func notes(_ rules: [ValidationRule]) -> String {
        rules.compactMap(note).joined(separator: "; ")
    }

    /// The items of array `parent`: `parent[]` (the item itself) or the members `parent[].x` (an object).
    private static func items(of parent: String, in schema: ValidationSchema) -> JSONValue? {
        let children = schema.fields.filter { $0.arrayParent == parent }
        if let item = children.first(where: { $0.itemMember == nil }) { return field(item.rules) }
        guard !children.isEmpty else { return nil }
        return object(ValidationSchema(fields: children.map { FieldSpec(field: $0.key, rules: $0.rules) }), files: true)
    }

    private static func members(_ rules: [ValidationRule]) -> [(String, JSONValue)] {
        let kind = rules.lazy.compactMap { rule -> ValueType? in
            if case .typeOf(let type) = rule { return type }
            return nil
        }.first
        let file = FieldSpec(field: "", rules: rules).isFile
        var types: [String]
        switch kind {
        case .string?: types = ["string"]
        case .numeric?: types = ["string", "number"]
        case .number?: types = ["number"]
        case .object?: types = ["object"]
        case .array?: types = ["array"]
        case .boolean?: types = ["boolean"]
        case .other?, nil: types = file || rules.contains(where: \.isDate) ? ["string"] : []
        }
        let lengths = kind == .string || kind == .numeric
        var members: [(String, JSONValue)] = []
        if file { members.append(("format", .string("binary"))) }
        for rule in rules {
            switch rule {
            case .min(let n) where lengths && n > 0: members.append(("minLength", .integer(n)))
            case .max(let n) where lengths: members.append(("maxLength", .integer(n)))
            case .min(let n) where kind == .number: members.append(("minimum", .integer(n)))
            case .max(let n) where kind == .number: members.append(("maximum", .integer(n)))
            case .min(let n) where kind == .array: members.append(("minItems", .integer(n)))
            case .max(let n) where kind == .array: members.append(("maxItems", .integer(n)))
            case .exact(let n), .size(.length(let n)): members += [("minLength", .integer(n)), ("maxLength", .integer(n))]
            case .email: members.append(("format", .string("email")))
            case .date: members.append(("format", .string("date")))
            case .oneOf(let values): members.append(("enum", .array(values.map(JSONValue.string))))
            case .regex(let pattern):
                // With `min:0` an empty text passes untested (ValidationEngine), so the pattern admits it too.
                if let text = pattern.schemaPattern {
                    members.append(("pattern", .string(rules.contains(.min(0)) ? "^$|\(text)" : text)))
                }
            case .distinct where kind == .array: members.append(("uniqueItems", .bool(true)))
            default: break
            }
        }
        if kind == .numeric { members += [("pattern", .string(#"^\d+(\.\d+)?$"#)), ("minimum", .integer(0))] }
        if rules.contains(.nullable) { types.append("null") }
        var head: [(String, JSONValue)] = []
        if types.count == 1 { head.append(("type", .string(types[0]))) }
        if types.count > 1 { head.append(("type", .array(types.map(JSONValue.string)))) }
        let notes = self.notes(rules)
        return head + members + (notes.isEmpty ? [] : [("description", .string(notes))])
    }

    /// The part of a rule JSON Schema cannot express.
    private static func note(_ rule: ValidationRule) -> String? {
        switch rule {
        case .typeOf(.numeric): "a string of digits (\"0431.99\") or a non-negative number"
        case .typeOf(.boolean): "also 0/1 and their strings, \"true\"/\"false\""
        case .typeOf(.array): "or a string holding a JSON array (multipart)"
        case .typeOf(.other(let name)): "typeOf:\(name), which no value passes (42214)"
        case .size(.bytes(let bytes)): "a file of at most \(bytes / 1024) KiB"
        case .fileExtension(let list): "extension " + list.joined(separator: ", ") + (list.contains("jpg") ? " (jpeg ≡ jpg)" : "")
        case .regex(let pattern): pattern.note
        case .unique(let table, let column, let scope):
            "unique among active \(table.tableName).\(column)" + (scope.map { " of the same \($0)" } ?? "") + " (409 4093)"
        case .exists(let table, let column, let scope):
            "an active \(table.model) \(column)" + (scope.map { " of the same `\($0)`" } ?? "") + " (else 404 4042)"
        case .confirmation: "confirmed by `<field>_confirmation`"
        case .same(let other): "equal to `\(other)` (else 422 4225)"
        case .dateRange(let other, let stored):
            "on or after `\(other)` (42215)" + (stored == nil ? "" : "; an edit sending one end is checked against the stored other end")
        case .distinct: "no duplicates (400 4002)"
        default: nil
        }
    }
}

private extension ValidationRule {
    var isDate: Bool {
        if case .date = self { return true }
        return false
    }
}

private extension RegexKind {
    /// The §8.2 pattern (ECMA-262 with the `u` flag for `\p{…}`); nil where it depends on the configuration.
    var schemaPattern: String? {
        switch self {
        case .alphanumeric: #"^[\p{L}\p{N} ]+$"#
        case .letters: #"^[\p{L} ]+$"#
        case .name: #"^[\p{L}\p{N} .,&'\-]+$"#
        case .url: #"^https?://\S+$"#
        case .digits: "^[0-9]+$"
        case .deviceUUID: "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
        case .phone: #"^\+?[0-9]{10,15}$"#
        case .element, .other: nil
        }
    }

    /// What the description says of it.
    var note: String? {
        switch self {
        case .element: "an address at one of the allowed company domains (ALLOWED_EMAIL_DOMAINS, default element.com.mx; else 4224)"
        case .other(let name): "regex:\(name), which no value passes (4224)"
        default: nil
        }
    }
}
