import HTTPCore

/// The `/solicitante` operations as documented (OpenAPI, `/docs`), from the field declarations the routes use.
extension SolicitanteRoutes {
    /// The requester record (`VistaSolicitanteRegistro`).
    static let registro = OpenAPISchema.record([
        "IdPerfil", "IdUsuario", "Nombre1", "Nombre2", "Nombre3", "Apellido1", "Apellido2", "Apellido3", "NombreCompleto",
        "Email", "Telefono", "Dui", "Nit", "Direccion", "Observaciones", "IdDepartamento", "NombreDepartamento", "Tipo",
        "Eliminado", "FechaHoraCreacion", "FechaHoraActualizacion", "FechaHoraEliminacion",
    ])

    static let idPerfil = APIOperation.idPerfil("del solicitante")

    private static let tag = "Solicitantes"
    private static let naming = SolicitanteService.naming
    private static let filtrosQuery = APIOperation.query(SolicitanteFields.filtros.map(\.field))

    /// `POST /solicitante/interno`.
    static let crearInterno = APIOperation(method: .post, path: "/solicitante/interno", tag: tag,
                                           summary: "Da el rol SOLICITANTE a un perfil existente (404 si no existe, 409 si ya lo tiene)",
                                           access: .roles([.admin]), body: SolicitanteFields.interno, success: (201, naming.created), data: registro,
                                           errors: [400, 404, 409])

    /// `POST /solicitante/externo`.
    static let crearExterno = APIOperation(method: .post, path: "/solicitante/externo", tag: tag,
                                           summary: "Crea un solicitante externo: un usuario fantasma (sin contraseña ni correo, inactivo: nunca inicia "
                                               + "sesión), su perfil y el rol SOLICITANTE. dui con formato 12345678-9 y único; email único si se envía",
                                           access: .roles([.admin]), body: SolicitanteFields.externo, success: (201, naming.created), data: registro,
                                           errors: [400, 409])

    /// `GET /solicitante/todos/lista`.
    static let todos = APIOperation(method: .get, path: "/solicitante/todos/lista", tag: tag, summary: "Todos los solicitantes activos, sin paginar",
                                    access: .authenticated, parameters: filtrosQuery, success: (200, naming.listedAll),
                                    data: OpenAPISchema.array(registro), errors: [400])

    /// `GET /solicitante`.
    static let listar = APIOperation(method: .get, path: "/solicitante", tag: tag,
                                     summary: "Listado paginado de solicitantes activos (tipo INTERNO o EXTERNO; busqueda: nombre, DUI, correo o teléfono)",
                                     access: .authenticated, parameters: filtrosQuery + APIOperation.query(Pagination.fields),
                                     success: (200, naming.listed), data: OpenAPISchema.page(registro), errors: [400])

    /// `GET /solicitante/{id_perfil}`.
    static let obtener = APIOperation(method: .get, path: "/solicitante/{id_perfil}", tag: tag, summary: "Un solicitante activo",
                                      access: .authenticated, parameters: [idPerfil], success: (200, naming.obtained), data: registro,
                                      errors: [404])

    /// `PUT /solicitante/{id_perfil}`.
    static let actualizar = APIOperation(method: .put, path: "/solicitante/{id_perfil}", tag: tag,
                                         summary: "Actualización parcial de los datos del perfil: solo cambian los campos enviados; null borra un campo opcional",
                                         access: .roles([.admin]), parameters: [idPerfil], body: SolicitanteFields.externo, partial: true,
                                         success: (200, naming.updated), data: registro, errors: [400, 404, 409])

    /// `DELETE /solicitante/{id_perfil}`.
    static let eliminar = APIOperation(method: .delete, path: "/solicitante/{id_perfil}", tag: tag,
                                       summary: "Quita el rol SOLICITANTE (a un externo también su perfil y su usuario fantasma); se niega (409) "
                                           + "mientras tenga solicitudes en un estado no final",
                                       access: .roles([.admin]), parameters: [idPerfil], success: (200, naming.deleted),
                                       data: OpenAPISchema.record(["mensaje"]), errors: [404, 409])
}
