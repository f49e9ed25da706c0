import HTTPCore

/// The `/motorista` operations as documented (OpenAPI, `/docs`), from the field declarations the routes use.
extension MotoristaRoutes {
    /// The driver record (`VistaMotoristaRegistro`).
    static let registro = OpenAPISchema.record([
        "IdPerfil", "IdUsuario", "Nombre1", "Nombre2", "Nombre3", "Apellido1", "Apellido2", "Apellido3", "NombreCompleto",
        "Email", "Telefono", "Dui", "Nit", "Direccion", "Observaciones", "IdDepartamentoAsignado", "NombreDepartamento",
        "IdTipoLicencia", "NombreTipoLicencia", "IdTipoDisponibilidad", "NombreTipoDisponibilidad", "NumeroLicencia",
        "FechaVencimientoLicencia", "Imei", "Eliminado", "FechaHoraCreacion", "FechaHoraActualizacion", "FechaHoraEliminacion",
    ])

    static let idPerfil = APIOperation.idPerfil("del motorista")

    /// The 201 data of a driver create (§9.2).
    static let creado = OpenAPISchema.record(["idPerfil", "nombreCompleto", "email", "dui"])

    /// A page of drivers: the §1.4 page plus `totalPaginas` (§1.4, the motorista docs).
    static var pagina: JSONValue {
        guard case .object(var members) = OpenAPISchema.page(registro),
              let index = members.firstIndex(where: { $0.0 == "properties" }),
              case .object(var properties) = members[index].1 else { return OpenAPISchema.page(registro) }
        properties.insert(("totalPaginas", .object([("type", .string("integer"))])), at: 3)
        members[index].1 = .object(properties)
        return .object(members)
    }

    private static let tag = "Motoristas"
    private static let naming = MotoristaService.naming
    private static let filtrosQuery = APIOperation.query(MotoristaFields.filtros.map(\.field))

    /// `POST /motorista`.
    static let crear = APIOperation(method: .post, path: "/motorista", tag: tag,
                                    summary: "Crea el motorista en una transacción: Usuario (su login es el email), Perfil, rol MOTORISTA y "
                                        + "detalle de motorista. email con formato de correo; dui con formato 12345678-9; email, dui e imei "
                                        + "únicos (409). password es opcional: sin ella el motorista no puede iniciar sesión hasta que un ADMIN "
                                        + "se la asigne con PUT /motorista/{id_perfil}",
                                    access: .roles([.admin]), body: MotoristaFields.all, success: (201, naming.created),
                                    data: creado, errors: [400, 409])

    /// `GET /motorista/todos/lista`.
    static let todos = APIOperation(method: .get, path: "/motorista/todos/lista", tag: tag, summary: "Todos los motoristas activos, sin paginar",
                                    access: .authenticated, parameters: filtrosQuery, success: (200, naming.listedAll),
                                    data: OpenAPISchema.array(registro), errors: [400])

    /// `GET /motorista`.
    static let listar = APIOperation(method: .get, path: "/motorista", tag: tag,
                                     summary: "Listado paginado de motoristas activos (busqueda: nombre, DUI, correo o teléfono)",
                                     access: .authenticated, parameters: filtrosQuery + APIOperation.query(Pagination.fields),
                                     success: (200, naming.listed), data: pagina, errors: [400])

    /// `GET /motorista/{id_perfil}`.
    static let obtener = APIOperation(method: .get, path: "/motorista/{id_perfil}", tag: tag, summary: "Un motorista activo",
                                      access: .authenticated, parameters: [idPerfil], success: (200, naming.obtained), data: registro,
                                      errors: [404])

    /// `PUT /motorista/{id_perfil}`.
    static let actualizar = APIOperation(method: .put, path: "/motorista/{id_perfil}", tag: tag,
                                         summary: "Actualización parcial: solo cambian los campos enviados; null borra un campo opcional; un email "
                                             + "nuevo es también el nuevo login; password asigna una contraseña nueva y cierra las sesiones anteriores",
                                         access: .roles([.admin]), parameters: [idPerfil], body: MotoristaFields.all, partial: true,
                                         success: (200, naming.updated), data: registro, errors: [400, 404, 409])

    /// `PATCH /motorista/{id_perfil}/disponibilidad`.
    static let disponibilidad = APIOperation(method: .patch, path: "/motorista/{id_perfil}/disponibilidad", tag: tag,
                                             summary: "Cambia la disponibilidad del motorista", access: .roles([.admin]), parameters: [idPerfil],
                                             body: MotoristaFields.disponibilidad, success: (200, disponibilidadActualizada), data: registro,
                                             errors: [400, 404])

    /// `DELETE /motorista/{id_perfil}`.
    static let eliminar = APIOperation(method: .delete, path: "/motorista/{id_perfil}", tag: tag,
                                       summary: "Eliminación lógica del detalle, los roles, el perfil y el usuario; se niega (409) mientras sea el "
                                           + "motorista por defecto de un vehículo activo",
                                       access: .roles([.admin]), parameters: [idPerfil], success: (200, naming.deleted),
                                       data: OpenAPISchema.record(["mensaje"]), errors: [404, 409])
}
