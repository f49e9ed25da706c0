import HTTPCore

/// User administration, Administrador only (monitor.md §4.2), registered by `UsuarioRoutes`.
enum UsuarioOperations {
    static let listUsuarios = OperationSpec<MonitorContext>(
        method: .get, path: "/api/usuarios", tag: "Usuarios", summary: "List users",
        description: "monitor.md §4.2.",
        operationID: "listUsuarios", access: MonitorAccess.admin,
        responses: [
            (200, MonitorResponse.success("Every user, ordered by id.", MonitorSchemas.array(of: "Usuario"), example: [
                MonitorExamples.usuario,
                ["id": 2, "nombre": "Operador", "username": "operador", "rol": "Operador"],
            ])),
            MonitorResponse.unavailable,
        ])

    static let getUsuario = OperationSpec<MonitorContext>(
        method: .get, path: "/api/usuarios/{id}", tag: "Usuarios", summary: "Get a user",
        description: "monitor.md §4.2.",
        operationID: "getUsuario", access: MonitorAccess.admin,
        parameters: [MonitorParameter.usuarioID],
        responses: [
            (200, MonitorResponse.success("The user.", MonitorSchemas.ref("Usuario"), example: MonitorExamples.usuario)),
            (400, MonitorResponse.error("The id is not a positive integer.", ["bad_id": "ID inválido"])),
            notFound404,
            MonitorResponse.unavailable,
        ])

    static let updateUsuario = OperationSpec<MonitorContext>(
        method: .put, path: "/api/usuarios/{id}", tag: "Usuarios", summary: "Update a user",
        description: "monitor.md §4.2. `nombre` is applied whenever the key is present (`null` clears); `username`, `rol` and `password` only when non-empty (the password is re-hashed).",
        operationID: "updateUsuario", access: MonitorAccess.admin,
        parameters: [MonitorParameter.usuarioID],
        requestBody: AuthFields.updateBody.requestBody,
        requestExample: ["nombre": "Operadora"],
        responses: [
            (200, MonitorResponse.success("The updated user.", MonitorSchemas.ref("Usuario"), example: ["id": 2, "nombre": "Operadora", "username": "operador", "rol": "Operador"])),
            (400, MonitorResponse.error("Invalid input.", ["bad_id": "ID inválido", "rol": "Rol inválido. Debe ser: Administrador, Operador, Tecnico", "whitespace": "El usuario no puede contener espacios", "taken": "El username ya está en uso", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            notFound404,
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error interno al actualizar usuario"])),
            MonitorResponse.unavailable,
        ])

    static let deleteUsuario = OperationSpec<MonitorContext>(
        method: .delete, path: "/api/usuarios/{id}", tag: "Usuarios", summary: "Delete a user",
        description: "monitor.md §4.2, ruling M10.",
        operationID: "deleteUsuario", access: MonitorAccess.admin,
        parameters: [MonitorParameter.usuarioID],
        responses: [
            (200, MonitorResponse.success("Deleted.", MonitorSchemas.ref("DeletedUsuario"), example: ["ok": true, "id": 4])),
            (400, MonitorResponse.error("Bad id or own account.", ["bad_id": "ID inválido", "self": "No puedes eliminar tu propia cuenta"])),
            notFound404,
            (409, MonitorResponse.error("The user is still referenced by expedientes, historial, evidencias or comentarios (ruling M10).", ["referenced": "No se puede eliminar el usuario porque tiene registros asociados"])),
            MonitorResponse.unavailable,
        ])

    private static let notFound404: (status: Int, response: JSONValue) = (404, MonitorResponse.error("No such user.", ["not_found": "Usuario no encontrado"]))
}
