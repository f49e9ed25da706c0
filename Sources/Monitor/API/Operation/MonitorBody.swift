import HTTPCore

/// A request body as the document states it, built from the same `FieldSpec`s the decoder checks
/// (`FieldSchema`), plus what the service adds: the keys it requires (and refuses blank), what `null` means on
/// this route, whether other keys are refused (ruling 1, §9) and the nested lists it reads.
struct MonitorBody: Sendable {
    /// What `null` does to a field on a route.
    enum NullMeaning: String, Sendable {
        /// Create: the field stays empty.
        case notSet = "`null` = not set"
        /// Update: the stored value is cleared.
        case clears = "`null` clears"
    }

    /// A nested list of objects (`conceptos`, `items`).
    struct List: Sendable {
        let key: String
        let fields: [FieldSpec]
        /// Whether a key no item field declares is a 400.
        var refusesUnknownKeys = false
        var description: String?
        var itemDescription: String?
    }

    /// The fields, in the order of the document.
    var fields: [FieldSpec]
    /// Keys the service requires: documented as required, and without `null`.
    var required: [String] = []
    /// Keys whose value the service refuses when blank (`minLength: 1`).
    var nonBlank: Set<String> = []
    /// Keys whose `null` the service refuses (documented without `null`) though they are not required.
    var nonNull: Set<String> = []
    /// What `null` does on this route, for the field descriptions; nil: not said.
    var nullMeaning: NullMeaning?
    /// Whether a key no field declares is a 400.
    var refusesUnknownKeys = false
    var lists: [List] = []
    /// Members documented as they are (a key read elsewhere or ignored).
    var extraProperties: [(String, JSONValue)] = []
    var description: String?

    /// The request body of an operation: required, JSON.
    var requestBody: (required: Bool, content: [(mediaType: String, schema: JSONValue)]) {
        (true, [("application/json", schema)])
    }

    /// The object schema.
    var schema: JSONValue {
        var properties = fields.map { field in
            (field.name, FieldSchema.property(field, nullable: field.nullable && !required.contains(field.name) && !nonNull.contains(field.name),
                                              nonBlank: nonBlank.contains(field.name), nullMeaning: nullMeaning))
        }
        for list in lists {
            let item = FieldSchema.object(list.fields, refusesUnknownKeys: list.refusesUnknownKeys, nullMeaning: nullMeaning,
                                          description: list.itemDescription)
            var members: [(String, JSONValue)] = [("type", "array"), ("items", item)]
            if let text = list.description { members.append(("description", .string(text))) }
            properties.append((list.key, .object(members)))
        }
        properties += extraProperties
        var members: [(String, JSONValue)] = [("type", "object")]
        if let description { members.append(("description", .string(description))) }
        if refusesUnknownKeys { members.append(("additionalProperties", false)) }
        if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
        members.append(("properties", .object(properties)))
        return .object(members)
    }
}
