/// One declared field: its name (`email`, `brands[].name`, `collaborators[]`) and its parsed rules.
public struct FieldSpec: Sendable, Equatable {
    /// The declared name; `parent[].child` and `parent[]` reach into the items of array `parent`.
    public let field: String
    /// The rules, left to right.
    public let rules: [ValidationRule]

    /// A field from parsed rules.
    public init(field: String, rules: [ValidationRule]) {
        self.field = field
        self.rules = rules
    }

    /// The array this field's items live in (`brands` for `brands[].name`), or nil for a top-level field.
    var arrayParent: String? {
        guard let range = field.firstRange(of: "[]") else { return nil }
        return String(field[..<range.lowerBound])
    }

    /// The member of each item (`name` for `brands[].name`); nil for `parent[]` (the item itself).
    var itemMember: String? {
        guard let range = field.firstRange(of: "[].") else { return nil }
        return String(field[range.upperBound...])
    }

    /// The key shown in `{{thing}}` and looked up in objects: the last component of the name.
    var key: String { itemMember ?? arrayParent ?? field }

    func has(_ predicate: (ValidationRule) -> Bool) -> Bool { rules.contains(where: predicate) }
}

/// The fields of one request part (body, query or path), in declaration order.
public struct ValidationSchema: Sendable, Equatable {
    /// The fields, in the endpoint's table order.
    public let fields: [FieldSpec]

    /// A schema from parsed fields.
    public init(fields: [FieldSpec]) {
        self.fields = fields
    }

    /// Parses `[(field, "rules")]`.
    public init(_ declarations: [(String, String)]) throws(RuleParseError) {
        var fields: [FieldSpec] = []
        for (field, text) in declarations {
            fields.append(FieldSpec(field: field, rules: try RuleParser.parse(text, field: field)))
        }
        self.fields = fields
    }
}
