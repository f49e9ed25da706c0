import HTTPCore

/// `POST /auth/login` and `POST /auth/refresh` (T5, T8), both public.
struct AuthRoutes {
    static let loginFields = [
        Field("username", .text(minLength: 1, maxLength: 100), required: true),
        Field("password", .text(minLength: 1, maxLength: 1_000), required: true),
    ]
    static let refreshFields = [Field("refresh_token", .text(minLength: 1, maxLength: 4_096), required: true)]

    // Both are rate-limited per client address by nginx (ruling 8, nginx/sites/transporte.conf): 429 is theirs.
    static let session = OpenAPISchema.record(["access_token", "refresh_token", "token_type", "expires_in", "usuario"])
    static let login = APIOperation(method: .post, path: "/auth/login", tag: "Autenticación",
                                    summary: "Inicia sesión: token de acceso (60 min) y de actualización (24 h) con el usuario, su perfil y sus roles",
                                    access: .open, body: loginFields, success: (200, "Inicio de sesión exitoso"), data: session,
                                    errors: [400, 401, 429])
    static let refresh = APIOperation(method: .post, path: "/auth/refresh", tag: "Autenticación",
                                      summary: "Cambia un token de actualización válido por un par nuevo (roles releídos)",
                                      access: .open, body: refreshFields, success: (200, "Token renovado exitosamente"), data: session,
                                      errors: [400, 401, 429])

    func register(in router: inout Router<TransporteContext>) {
        router.add(Self.login.spec) { request, context in
            var decoder = FieldDecoder()
            let fields = decoder.decode(try request.bodyObject(context), Self.loginFields)
            try decoder.finish()
            let data = try Self.service(context).login(username: fields["username"]?.text ?? "",
                                                       password: fields["password"]?.text ?? "")
            return Envelope.success("Inicio de sesión exitoso", data: data)
        }
        router.add(Self.refresh.spec) { request, context in
            var decoder = FieldDecoder()
            let fields = decoder.decode(try request.bodyObject(context), Self.refreshFields)
            try decoder.finish()
            let data = try Self.service(context).refresh(token: fields["refresh_token"]?.text ?? "")
            return Envelope.success("Token renovado exitosamente", data: data)
        }
    }

    static func service(_ context: TransporteContext) -> AuthService {
        AuthService(repository: context.persistence.auth, tokens: context.tokens, logger: context.logger)
    }
}
