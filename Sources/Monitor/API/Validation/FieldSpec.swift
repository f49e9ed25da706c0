/// One accepted body field: what the decoder checks, and what the OpenAPI document says of it (`FieldSchema`).
struct FieldSpec: Sendable {
    /// The JSON key (and column name).
    let name: String
    /// What it accepts.
    let kind: FieldKind
    /// Whether `null` (clear) is allowed.
    let nullable: Bool
    /// What the field means, for the document (the kind's own rules are added there).
    let doc: String?
    /// The values the service accepts (`rol`, `estado`), documented as an `enum`; nil: any the kind takes.
    let allowed: [String]?
    /// A JSON Schema `format` for the document (`password`).
    let format: String?

    init(_ name: String, _ kind: FieldKind, nullable: Bool = true, doc: String? = nil, allowed: [String]? = nil,
         format: String? = nil) {
        self.name = name
        self.kind = kind
        self.nullable = nullable
        self.doc = doc
        self.allowed = allowed
        self.format = format
    }
}
