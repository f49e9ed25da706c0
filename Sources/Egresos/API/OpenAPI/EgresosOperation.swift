import HTTPCore

/// One Egresos route as data (egresos.md §2, §2.1): the router registers it with the middleware of its `access`
/// (`Router.add`), and `EgresosOpenAPI` documents it: parameters and request schemas from the same
/// `EndpointRules` the validation engine enforces, the success status and top-level keys of §2/§5, and the
/// error statuses it can answer.
struct EgresosOperation: Sendable {
    /// The request body's media types.
    enum Body: Sendable, Equatable {
        /// JSON (also form-encoded; a body without file fields).
        case json
        /// `multipart/form-data`, and JSON too unless a file field is required (§2 "Body": M).
        case multipart
    }

    let method: HTTPMethod
    /// The OpenAPI path (`/api/v1/users/{user_id}`); every placeholder is a positive integer id.
    let path: String
    let tag: String
    /// The §2 number and what it does.
    let summary: String
    let access: EgresosAccess
    /// The rule sets the handler validates with (two for #30: without and with a stored billing).
    var rules: [EndpointRules] = []
    /// The success status.
    var status: Int = 200
    /// The success body's top-level keys (§2 "Response", §5); empty: no body (204) or an open shape.
    var keys: [String] = []
    /// What the success body holds (§5 serializer names).
    var returns: String = ""
    /// Statuses the handler's own checks answer (§3, §7: 409 `4091`, 423 `4231`, …), besides those derived
    /// from the access, the rules and the path.
    var errors: [Int] = []
    /// Whether it reads the database (a failing database answers 503).
    var usesDatabase = true
    /// Other statuses answered with the success body's shape (the health check's 503).
    var alsoOn: [Int] = []
    /// The success body's media type (`text/html` for `/docs`).
    var mediaType = "application/json"

    /// The router's form of `path`: `{user_id}` → `:user_id(int)`.
    var routerPath: String {
        "/" + path.split(separator: "/").map { segment in
            segment.hasPrefix("{") ? ":\(segment.dropFirst().dropLast())(int)" : String(segment)
        }.joined(separator: "/")
    }

    /// The body's media types: multipart when a field takes a file.
    var body: Body? {
        let fields = rules.flatMap { $0.bodySchema.fields }
        if fields.isEmpty { return nil }
        return fields.contains(where: \.isFile) ? .multipart : .json
    }
}

extension FieldSpec {
    /// Whether the field takes an uploaded file (`size:5Mb`, `extension:`).
    var isFile: Bool {
        has {
            switch $0 {
            case .size(.bytes), .fileExtension: true
            default: false
            }
        }
    }
}
