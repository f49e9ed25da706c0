import HTTPCore

/// Comments on an expediente (monitor.md §4.9), registered by `ComentarioRoutes`.
enum ComentarioOperations {
    static let createComentario = OperationSpec<MonitorContext>(
        method: .post, path: "/api/comentarios", tag: "Comentarios", summary: "Add a comment to an expediente",
        description: "monitor.md §4.9. `fecha` and `hora` are the wall-clock date and time in America/Mexico_City; `usuario_id` is the caller.",
        operationID: "createComentario", access: MonitorAccess.token,
        requestBody: ComentarioFields.createBody.requestBody,
        requestExample: ["no_siniestro": "SIN-2024-001", "comentario": "Se solicitó la pieza al proveedor."],
        responses: [
            (201, MonitorResponse.success("The comment with its author.", MonitorSchemas.ref("Comentario"), example: MonitorExamples.comentario)),
            (400, MonitorResponse.error("Missing fields, unknown expediente, or a field of the wrong type.", ["missing": "no_siniestro y comentario son obligatorios", "unknown_expediente": "No existe un expediente con ese no_siniestro", "malformed_json": "El cuerpo de la solicitud no es JSON válido"])),
            internal500,
            MonitorResponse.unavailable,
        ])

    static let listComentarios = OperationSpec<MonitorContext>(
        method: .get, path: "/api/comentarios/{clave}", tag: "Comentarios", summary: "List the comments of an expediente",
        description: "monitor.md §4.9. `{clave}` is the expediente's `no_siniestro`.",
        operationID: "listComentarios", access: MonitorAccess.token,
        parameters: [.init(name: "clave", location: "path", schema: ["type": "string"], description: "`GET`: the expediente's `no_siniestro`. `DELETE`: the comentario's numeric id. (monitor.md names them `:no_siniestro` and `:id`; one path position has one name.)")],
        responses: [
            (200, MonitorResponse.success("Newest first; `[]` for an unknown expediente.", MonitorSchemas.array(of: "Comentario"), example: [MonitorExamples.comentario])),
            internal500,
            MonitorResponse.unavailable,
        ])

    static let deleteComentario = OperationSpec<MonitorContext>(
        method: .delete, path: "/api/comentarios/{clave}", tag: "Comentarios", summary: "Delete a comment",
        description: "monitor.md §4.9. `{clave}` is the comentario's id (a positive integer).",
        operationID: "deleteComentario", access: MonitorAccess.admin,
        parameters: [.init(name: "clave", location: "path", schema: ["type": "string"], description: "`GET`: the expediente's `no_siniestro`. `DELETE`: the comentario's numeric id. (monitor.md names them `:no_siniestro` and `:id`; one path position has one name.)")],
        responses: [
            (200, MonitorResponse.success("Deleted.", MonitorSchemas.ref("Ok"), example: MonitorExamples.ok)),
            (400, MonitorResponse.error("The id is not a positive number.", ["bad_id": "ID inválido"])),
            (404, MonitorResponse.error("No such comment.", ["not_found": "Comentario no encontrado"])),
            MonitorResponse.unavailable,
        ])

    private static let internal500: (status: Int, response: JSONValue) = (500, MonitorResponse.error("Internal failure.", ["internal": "Error interno del servidor"]))
}
