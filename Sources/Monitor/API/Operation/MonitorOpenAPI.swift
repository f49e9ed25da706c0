import HTTPCore

/// Monitor's OpenAPI 3.1 document, assembled by the shared `OpenAPIBuilder` from the operations the router
/// registered (`Router.operations`), so it describes exactly the routes served: the info and tags, the bearer
/// scheme, the response schemas (`MonitorSchemas`) and the shared error responses (`MonitorResponse`).
enum MonitorOpenAPI {
    /// The document for `operations`.
    static func document(_ operations: [OpenAPIOperation]) -> JSONValue {
        OpenAPIBuilder.document(info: info, tags: tags, operations: operations, components: components, placeholderWord: "by")
    }

    static let info = OpenAPIBuilder.Info(
        title: "Ventanilla: Monitor API", version: "1.0.0",
        description: """
            The Monitor module of Ventanilla (monitor.md, rulings M1-M12, seeds 000 and 001).

            * Every response is JSON (but for the HTML of `GET /docs`, and of `GET /` when a browser asks for HTML). Errors are `{"error": "<message>"}` (schema `Error`); an unknown route is `404 {"error":"Ruta no encontrada"}` with or without a token (ruling M10), a wrong method `405 {"error":"Método no permitido"}`, malformed JSON `400 {"error":"El cuerpo de la solicitud no es JSON válido"}`, an unexpected failure `500 {"error":"Error interno del servidor"}`.
            * Auth: `Authorization: Bearer <token>` from `POST /api/auth/login` (HS256, 8 h). The token only names the user: a deleted user, or one whose password changed, is refused (401) and a changed role applies, within 30 s of the change (ruling 9). Roles: Administrador (A), Operador, Tecnico. Each operation's description names the role it needs; a missing or bad token is 401, a role that may not is 403.
            * Dates are returned as `YYYY-MM-DDT12:00:00.000Z`, instants as ISO 8601 UTC with milliseconds (rulings M3, M9). The module's time zone is America/Mexico_City; times of day (checklist and comentario `hora`) as `1970-01-01THH:MM:SS.000Z` (M11). An empty string for a date, timestamp or time is a 400 naming the field, never a `null` (M11).
            * Every operation with a request body requires it: a missing or empty body is `400 {"error":"El cuerpo de la solicitud es obligatorio"}` (for login, the 400 of §4.1). Create checks a blank `no_siniestro` (400), then a taken one (409), then the other fields; update checks the expediente exists (404) before the fields (M11).
            * A path parameter holds any character sent percent-encoded, `/` included (`SIN%2F2024` is the expediente `SIN/2024`): routing splits the raw path and decodes each segment (M12).

            Generated from the routes themselves: each operation is declared once (`*Operations.swift` beside its routes, request bodies from the same `FieldSpec`s the validation reads) and the router registers exactly what this document lists.
            """,
        summary: "Insurance-claim tracking (expedientes) for a truck/bus body shop.")

    static let tags: [(name: String, description: String)] = [
        ("Sistema", "Banner, discovery, health and this document (public)."),
        ("Auth", "Login and user registration (monitor.md §4.1)."),
        ("Usuarios", "User administration, Administrador only (§4.2)."),
        ("Expedientes", "Insurance claims (§4.4, seeds 000 and 001)."),
        ("Estado", "The estado workflow (§4.5, §5)."),
        ("Evidencias", "Evidence files of an expediente (§4.6)."),
        ("Levantamientos", "Damage surveys and their cost lines (§4.7)."),
        ("Checklist", "Exit/inspection checklists (§4.8)."),
        ("Comentarios", "Comments on an expediente (§4.9)."),
        ("Formatos", "The printed forms as .xlsx downloads (§4.10, §7, ruling M13)."),
        ("Logs", "The application log, Administrador only (§4.12, §8.1, ruling M15)."),
        ("Diagnóstico", "Status checks and readings for the admin panel, Administrador only (§4.13, §8.2, ruling M15)."),
    ]

    static let components = OpenAPIBuilder.components(
        securitySchemes: [(MonitorAccess.scheme, OpenAPIBuilder.bearerScheme(
            description: "Token from `POST /api/auth/login`: HS256, claims `id`, `username`, `rol`, `pwd`, `iat`, `exp`; expires after 8 h. Checked against the user's current row (ruling 9)."))],
        schemas: MonitorSchemas.all, responses: MonitorResponse.components)
}
