import HTTPCore

/// One Transporte operation, declared once next to its route in Transporte's terms (T12 roles, `Field`
/// declarations, the T1 envelope): `spec` turns it into the shared `OperationSpec` that `Router.add` registers,
/// so the router path, the access middleware, the OpenAPI document and `/docs` all come from this value.
struct APIOperation: Sendable {
    /// Who may call it.
    enum Access: Sendable, Equatable {
        /// No token.
        case open
        /// Any valid access token.
        case authenticated
        /// An access token with one of these roles (ADMIN always passes).
        case roles([TransporteRol])
    }

    /// A query or path parameter.
    struct Parameter: Sendable {
        let name: String
        let location: String
        let kind: FieldKind
        let description: String
    }

    /// What a success answers.
    enum Media: Sendable, Equatable {
        /// The JSON envelope of T1 with `data`.
        case envelope
        /// An HTML page (`text/html`, T10).
        case html
        /// A JSON document of its own (`/openapi.json`), not in the envelope.
        case document
    }

    let method: HTTPMethod
    /// OpenAPI path (`/solicitud/{id}`).
    let path: String
    let tag: String
    let summary: String
    let access: Access
    var parameters: [Parameter] = []
    /// The body's fields, validated by the same declarations (`nil`: no body).
    var body: [Field]? = nil
    /// Nested lists in the body: key, item fields, minimum items.
    var bodyLists: [(key: String, fields: [Field], minItems: Int)] = []
    /// Whether every body field is optional (a partial update).
    var partial: Bool = false
    /// The success status and message.
    var success: (status: Int, message: String)
    /// The shape of `data` on success (a JSON Schema).
    var data: JSONValue = .object([("type", .string("object"))])
    /// What the success body is.
    var media: Media = .envelope
    /// The error statuses it may answer besides 401/403 (implied by `access`) and 500.
    var errors: [Int] = []

    /// A path parameter `id` (integer).
    static let idParameter = Parameter(name: "id", location: "path", kind: .integer(1...Int(Int32.max)),
                                       description: "Id del registro")

    /// The path parameter `id_perfil` of the person routes (drivers, requesters), described as `whose`.
    static func idPerfil(_ whose: String) -> Parameter {
        Parameter(name: "id_perfil", location: "path", kind: .integer(1...Int(Int32.max)), description: "Id del perfil " + whose)
    }

    /// Query parameters from the same fields a list validates.
    static func query(_ fields: [Field]) -> [Parameter] {
        fields.map { Parameter(name: $0.key, location: "query", kind: $0.kind, description: "") }
    }
}
