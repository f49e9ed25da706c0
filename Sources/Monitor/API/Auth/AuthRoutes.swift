import HTTPCore

/// `POST /api/auth/login` (public) and `POST /api/auth/register` (A) (monitor.md §4.1, ruling M5); also
/// registers the users routes (`UsuarioRoutes`, §4.2), the rest of the feature.
struct AuthRoutes {
    func register(in router: inout Router<MonitorContext>) {
        router.add(AuthOperations.login) { request, context in
            let fields = try FieldDecoder(zone: context.environment.zone).decode(try request.bodyObject(context, required: false), AuthFields.login)
            let stored = try UsuarioService(repository: context.persistence.usuarios, logger: context.logger)
                .login(username: UsuarioRoutes.text(fields, "username"), password: UsuarioRoutes.text(fields, "password"))
            let token = context.tokens.issue(for: stored.usuario.identity, passwordHash: stored.passwordHash)
            return .json(.object([("token", .string(token)), ("usuario", stored.usuario.json)]))
        }
        router.add(AuthOperations.register) { request, context in
            let draft = try Self.registration(from: try request.bodyObject(context, required: false),
                                              decoder: FieldDecoder(zone: context.environment.zone))
            let usuario = try UsuarioService(repository: context.persistence.usuarios, logger: context.logger).register(draft)
            return .json(usuario.json, status: 201)
        }
        UsuarioRoutes().register(in: &router)
    }

    /// The user a register body describes (types and lengths checked; the rules are the service's).
    static func registration(from object: InputObject, decoder: FieldDecoder) throws -> UsuarioDraft {
        let fields = try decoder.decode(object, AuthFields.register)
        return UsuarioDraft(username: UsuarioRoutes.text(fields, "username"), password: UsuarioRoutes.text(fields, "password"),
                            rol: UsuarioRoutes.text(fields, "rol"), nombre: UsuarioRoutes.text(fields, "nombre"))
    }
}
