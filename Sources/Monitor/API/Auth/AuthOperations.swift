import HTTPCore

/// Login and register (monitor.md §4.1), registered by `AuthRoutes`.
enum AuthOperations {
    static let login = OperationSpec<MonitorContext>(
        method: .post, path: "/api/auth/login", tag: "Auth", summary: "Log in",
        description: "monitor.md §4.1.",
        operationID: "login", access: MonitorAccess.open,
        requestBody: AuthFields.loginBody.requestBody,
        requestExample: ["username": "admin", "password": "ventanilla"],
        responses: [
            (200, MonitorResponse.success("A token valid for 8 hours (HS256; claims `id`, `username`, `rol`, `pwd` — a stamp of the password — `iat`, `exp`) and the user.", MonitorSchemas.ref("LoginResponse"), example: [
                "token": "<jwt>",
                "usuario": MonitorExamples.usuario,
            ])),
            (400, MonitorResponse.error("Missing credentials or a username with whitespace.", ["missing": "Usuario y contraseña requeridos", "whitespace": "El usuario no puede contener espacios", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            (401, MonitorResponse.error("Unknown user or wrong password.", ["invalid": "Credenciales inválidas"])),
            MonitorResponse.tooManyRequests,
            MonitorResponse.unavailable,
        ])

    static let register = OperationSpec<MonitorContext>(
        method: .post, path: "/api/auth/register", tag: "Auth", summary: "Create a user",
        description: "monitor.md §4.1. `rol` accepts `Técnico` and stores `Tecnico` (ruling M5). Passwords are stored as bcrypt `$2b$` hashes.",
        operationID: "register", access: MonitorAccess.admin,
        requestBody: AuthFields.registerBody.requestBody,
        requestExample: ["username": "ltorres", "password": "s3creta", "rol": "Técnico", "nombre": "Luis Torres"],
        responses: [
            (201, MonitorResponse.success("The user (never the hash).", MonitorSchemas.ref("Usuario"), example: ["id": 4, "nombre": "Luis Torres", "username": "ltorres", "rol": "Tecnico"])),
            (400, MonitorResponse.error("Invalid input.", ["missing": "username, password y rol son requeridos", "whitespace": "El usuario no puede contener espacios", "rol": "Rol inválido. Debe ser: Administrador, Operador, Tecnico", "taken": "El username ya está en uso", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error interno al crear usuario"])),
            MonitorResponse.tooManyRequests,
            MonitorResponse.unavailable,
        ])
}
