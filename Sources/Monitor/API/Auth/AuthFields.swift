/// The body fields of login, register (monitor.md §4.1) and the user update (§4.2), and their bodies as the
/// document states them. The decoder checks types and lengths; the service says what is missing or invalid
/// with the original's messages.
enum AuthFields {
    /// The longest password accepted when setting one (bcrypt reads 72 bytes; libxcrypt refuses 512 or more).
    static let passwordMaxLength = 100

    /// The fields login reads. A password longer than any the API stores can never match, so the limit is generous.
    static let login = [
        FieldSpec("username", .text(maxLength: 100), doc: "No whitespace."),
        FieldSpec("password", .text(maxLength: 1_000), format: "password"),
    ]

    /// The fields register reads (lengths from the `usuario` table; any string is a role, so an unknown one gets
    /// `Rol inválido`).
    static let register = [
        FieldSpec("username", .text(maxLength: 100), doc: "Unique, no whitespace."),
        FieldSpec("password", .text(maxLength: passwordMaxLength), format: "password"),
        FieldSpec("rol", .text(maxLength: 1_000), doc: "`Técnico` is accepted and stored as `Tecnico` (ruling M5).", allowed: Rol.inputNames),
        FieldSpec("nombre", .text(maxLength: 255)),
    ]

    /// The fields a user update reads.
    static let update = [
        FieldSpec("nombre", .text(maxLength: 255), doc: "Applied whenever present; `null` clears."),
        FieldSpec("username", .text(maxLength: 100), doc: "Applied when non-empty; no whitespace."),
        FieldSpec("password", .text(maxLength: passwordMaxLength), doc: "Applied (re-hashed) when non-empty.", format: "password"),
        FieldSpec("rol", .text(maxLength: 1_000), doc: "Applied when non-empty.", allowed: Rol.inputNames),
    ]

    /// `POST /api/auth/login`.
    static let loginBody = MonitorBody(fields: login, required: ["username", "password"])
    /// `POST /api/auth/register`.
    static let registerBody = MonitorBody(fields: register, required: ["username", "password", "rol"])
    /// `PUT /api/usuarios/{id}`.
    static let updateBody = MonitorBody(fields: update)
}
