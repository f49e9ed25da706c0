import HTTPCore

/// The multipart body of an evidence upload (monitor.md §4.6): the file in `archivo` (`EvidenciaRoutes.archivo`
/// says what else is a 400) and an optional `tipo`.
enum EvidenciaFields {
    /// The file's field.
    static let archivoKey = "archivo"
    /// The kind's field.
    static let tipoKey = "tipo"

    /// The file part may be of any content type.
    static let uploadEncoding: JSONValue = .object([(archivoKey, ["contentType": "*/*"] as JSONValue)])

    /// The request body: multipart, `archivo` required.
    static let uploadBody: (required: Bool, content: [(mediaType: String, schema: JSONValue)]) = (true, [("multipart/form-data", [
        "type": "object", "required": [.string(archivoKey)],
        "properties": .object([
            (archivoKey, ["type": "string", "contentMediaType": "application/octet-stream",
                          "description": "The file (any type, at most 50 MB)."] as JSONValue),
            (tipoKey, ["type": "string",
                       "description": "`documento` for a repair document; anything else (or absent) is stored as `evidencia`."] as JSONValue),
        ]),
    ])])
}
