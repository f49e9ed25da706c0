import HTTPCore

/// The evidence routes of an expediente (monitor.md §4.6), registered by `EvidenciaRoutes`.
enum EvidenciaOperations {
    static let uploadEvidencia = OperationSpec<MonitorContext>(
        method: .post, path: "/api/expedientes/{no_siniestro}/evidencias", tag: "Evidencias", summary: "Upload an evidence file",
        description: "monitor.md §4.6, ruling M7. The file is stored under an unguessable name after the database commit and served read-only by nginx at `ruta`.",
        operationID: "uploadEvidencia", access: MonitorAccess.adminOrOperator,
        parameters: [MonitorParameter.noSiniestro],
        requestBody: EvidenciaFields.uploadBody, requestEncoding: EvidenciaFields.uploadEncoding,
        responses: [
            (201, MonitorResponse.success("The evidencia row.", MonitorSchemas.ref("Evidencia"), example: MonitorExamples.evidencia)),
            (400, MonitorResponse.error("No file, a file under another field name, more than one file, or a malformed multipart body.", ["no_file": "No se recibió ningún archivo", "wrong_field": "El archivo debe enviarse en el campo 'archivo'", "two_files": "Solo se admite un archivo en el campo 'archivo'", "malformed": "El cuerpo de la solicitud está mal formado"])),
            (404, MonitorResponse.error("No such expediente.", ["not_found": "Expediente no encontrado"])),
            (413, MonitorResponse.error("The file or the body exceeds the limit (50 MB).", ["file_too_large": "El archivo excede el tamaño máximo permitido de 50 MB", "body_too_large": "El cuerpo de la solicitud excede el límite permitido"])),
            (415, MonitorResponse.error("Not a multipart body.", ["unsupported": "Tipo de contenido no soportado"])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error interno al registrar evidencia"])),
            MonitorResponse.unavailable,
        ])

    static let listEvidencias = OperationSpec<MonitorContext>(
        method: .get, path: "/api/expedientes/{no_siniestro}/evidencias", tag: "Evidencias", summary: "List evidence files",
        description: "monitor.md §4.6.",
        operationID: "listEvidencias", access: MonitorAccess.token,
        parameters: [MonitorParameter.noSiniestro],
        responses: [
            (200, MonitorResponse.success("The evidencias, newest first; `[]` for an unknown expediente. `url_nube` is a presigned GET URL (900 s) for cloud files.", MonitorSchemas.array(of: "Evidencia"), example: [
                [
                    "id": 7,
                    "no_siniestro": "SIN-2024-001",
                    "tipo": "evidencia",
                    "nombre_archivo": "frente.jpg",
                    "ruta": "/evidencias/40b53a61e4bebb6253d89a0ab79f9f44/093d21e463c91c5538a0f89cb38cffdb.jpg",
                    "url_nube": .null,
                    "key_nube": "/evidencias/40b53a61e4bebb6253d89a0ab79f9f44/093d21e463c91c5538a0f89cb38cffdb.jpg",
                    "ubicacion_almacenamiento": "Local",
                    "fecha_carga": "2024-03-16T15:20:00.000Z",
                ],
            ])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error al obtener evidencias"])),
            MonitorResponse.unavailable,
        ])

    static let deleteEvidenciasFolder = OperationSpec<MonitorContext>(
        method: .delete, path: "/api/expedientes/{no_siniestro}/evidencias", tag: "Evidencias", summary: "Cancel a creation: delete the expediente's evidence folder",
        description: "monitor.md §4.6. Removes the expediente's files on disk and the `Local` rows that pointed at them. An Operador may do it only while the expediente is in `Ingreso` (ruling M17); an Administrador always.",
        operationID: "deleteEvidenciasFolder", access: MonitorAccess.adminOrOperator,
        parameters: [MonitorParameter.noSiniestro],
        responses: [
            (200, MonitorResponse.success("Done (also when there was nothing to delete).", MonitorSchemas.ref("Ok"), example: MonitorExamples.ok)),
            (400, MonitorResponse.error("The path would escape the evidence directory.", ["ruta": "Ruta inválida"])),
            (403, MonitorResponse.error("The token's role is Tecnico, or an Operador's expediente is past `Ingreso`.", ["forbidden": "Acceso restringido a administradores y operadores", "estado": "Solo un administrador puede eliminar las evidencias de un expediente fuera de Ingreso"])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "No se pudo eliminar la carpeta"])),
            MonitorResponse.unavailable,
        ])

    static let deleteEvidencia = OperationSpec<MonitorContext>(
        method: .delete, path: "/api/expedientes/{no_siniestro}/evidencias/{id}", tag: "Evidencias", summary: "Delete an evidence file",
        description: "monitor.md §4.6, ruling M8.",
        operationID: "deleteEvidencia", access: MonitorAccess.admin,
        parameters: [MonitorParameter.noSiniestro, MonitorParameter.recordID("id", of: "evidencia")],
        responses: [
            (200, MonitorResponse.success("Deleted (row, local file and cloud copy). The message wording is the original's.", MonitorSchemas.ref("DeletedEvidencia"), example: [
                "ok": true,
                "mensaje": "Carpeta del expediente frente.jpg eliminada completamente",
                "carpetaEliminada": "frente.jpg",
            ])),
            (400, MonitorResponse.error("The id is not a number.", ["bad_id": "ID inválido"])),
            (404, MonitorResponse.error("No such evidencia.", ["not_found": "Evidencia no encontrada"])),
            (500, MonitorResponse.error("Internal failure.", ["internal": "Error interno al eliminar evidencia"])),
            MonitorResponse.unavailable,
        ])
}
