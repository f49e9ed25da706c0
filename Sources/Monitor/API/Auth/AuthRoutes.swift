import HTTPCore

/// `POST /api/auth/login` (public) and `POST /api/auth/register` (A) (monitor.md §4.1, ruling M5); also
/// registers the users routes (`UsuarioRoutes`, §4.2), the rest of the feature.
struct AuthRoutes {
    /// The fields login reads. A password longer than any the API stores can never match, so the limit is generous.
    static let loginFields = [
        FieldSpec("username", .text(maxLength: 100)),
        FieldSpec("password", .text(maxLength: 1_000)),
    ]

    /// The fields register reads (lengths from the `usuario` table; any string is a role, so an unknown one gets
    /// `Rol inválido`).
    static let registerFields = [
        FieldSpec("username", .text(maxLength: 100)),
        FieldSpec("password", .text(maxLength: UsuarioRoutes.passwordMaxLength)),
        FieldSpec("rol", .text(maxLength: 1_000)),
        FieldSpec("nombre", .text(maxLength: 255)),
    ]

    func register(in router: inout Router<MonitorContext>) {
        router.post("/api/auth/login") { request, context in
            let fields = try FieldDecoder(zone: context.environment.zone).decode(try request.bodyObject(context, required: false), Self.loginFields)
            let stored = try UsuarioService(repository: context.persistence.usuarios, logger: context.logger)
                .login(username: UsuarioRoutes.text(fields, "username"), password: UsuarioRoutes.text(fields, "password"))
            let token = context.tokens.issue(for: stored.usuario.identity, passwordHash: stored.passwordHash)
            return .json(.object([("token", .string(token)), ("usuario", stored.usuario.json)]))
        }
        router.post("/api/auth/register", middleware: [MonitorAuth.admin]) { request, context in
            let draft = try Self.registration(from: try request.bodyObject(context, required: false),
                                              decoder: FieldDecoder(zone: context.environment.zone))
            let usuario = try UsuarioService(repository: context.persistence.usuarios, logger: context.logger).register(draft)
            return .json(usuario.json, status: 201)
        }
        UsuarioRoutes().register(in: &router)
    }

    /// The user a register body describes (types and lengths checked; the rules are the service's).
    static func registration(from object: InputObject, decoder: FieldDecoder) throws -> UsuarioDraft {
        let fields = try decoder.decode(object, registerFields)
        return UsuarioDraft(username: UsuarioRoutes.text(fields, "username"), password: UsuarioRoutes.text(fields, "password"),
                            rol: UsuarioRoutes.text(fields, "rol"), nombre: UsuarioRoutes.text(fields, "nombre"))
    }
}
