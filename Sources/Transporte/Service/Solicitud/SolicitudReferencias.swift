/// The rows a solicitud write points at (transporte.md §7.1): each must exist and not be deleted (400 naming
/// the field otherwise, T2). A nil id was not sent (an update) and is not checked.
struct SolicitudReferencias: Sendable, Equatable {
    /// `idDepartamentoSolicitante`.
    var departamento: Int?
    /// `idUsuarioSolicitante` (Perfil).
    var solicitante: Int?
    /// `idUsuarioAprobador` (Perfil; must hold APROBADOR or ADMIN).
    var aprobador: Int?
    /// `idTipoPrioridadSolicitud`.
    var prioridad: Int?
    /// `idTipoServicioSolicitud`.
    var servicio: Int?
    /// `lugares[i].idLugar`, in list order.
    var lugares: [Int] = []
    /// A creation: read the name of the state it starts in with the names (`Nombres.estadoInicial`).
    var estadoInicial = false

    /// What the database holds for the ids of a `SolicitudReferencias`.
    struct Encontradas: Sendable, Equatable {
        /// The department exists and is active.
        var departamento = false
        /// The requester's Perfil (and its Usuario) exist and are active.
        var solicitante = false
        /// The approver's Perfil (and its Usuario) exist and are active.
        var aprobador = false
        /// The approver holds an active APROBADOR or ADMIN role.
        var aprobadorConRol = false
        /// The priority exists and is active.
        var prioridad = false
        /// The service type exists and is active.
        var servicio = false
        /// The active places among `lugares`.
        var lugares: Set<Int> = []
        /// The display names of the rows found, read by the same statement that share-locks them, so a creation
        /// builds its record from them instead of reading them again (issue 16).
        var nombres = Nombres()
    }

    /// The display names of the referenced rows, as the solicitud's record shows them; nil where the row was not
    /// found (or its id was not sent).
    struct Nombres: Sendable, Equatable {
        /// A Perfil's full name and the e-mail mail goes to (the profile's, else its account's; nil when neither).
        struct Persona: Sendable, Equatable {
            /// `Nombre1 Apellido1`.
            var nombre: String
            /// The e-mail, or nil.
            var email: String?
        }

        /// A place's name and address.
        struct Lugar: Sendable, Equatable {
            /// `Lugares.Nombre`.
            var nombre: String
            /// `Lugares.Direccion`, or nil.
            var direccion: String?
        }

        /// The department's name.
        var departamento: String?
        /// The requester.
        var solicitante: Persona?
        /// The approver.
        var aprobador: Persona?
        /// The priority's name.
        var prioridad: String?
        /// The service type's name.
        var servicio: String?
        /// The active places found, by id.
        var lugares: [Int: Lugar] = [:]
        /// With `SolicitudReferencias.estadoInicial`: the name of PENDIENTE_APROBACION, a creation's first state,
        /// share-locked (nil when the catalog lacks it).
        var estadoInicial: String?
    }

    /// One error per missing or unusable row, in field order, with the house-style messages.
    func problemas(_ encontradas: Encontradas) -> [TransporteError.FieldError] {
        var problemas: [TransporteError.FieldError] = []
        func falta(_ field: String, _ entidad: String, _ id: Int) {
            problemas.append(.init(field: field, message: "\(entidad) con Id \(id) no existe o está eliminado"))
        }
        if let id = solicitante, !encontradas.solicitante { falta("idUsuarioSolicitante", "El solicitante", id) }
        if let id = departamento, !encontradas.departamento { falta("idDepartamentoSolicitante", "El departamento", id) }
        if let id = aprobador {
            if !encontradas.aprobador {
                falta("idUsuarioAprobador", "El aprobador", id)
            } else if !encontradas.aprobadorConRol {
                problemas.append(.init(field: "idUsuarioAprobador",
                                       message: "El aprobador con Id \(id) no tiene el rol APROBADOR ni ADMIN"))
            }
        }
        if let id = prioridad, !encontradas.prioridad { falta("idTipoPrioridadSolicitud", "El tipo de prioridad", id) }
        if let id = servicio, !encontradas.servicio { falta("idTipoServicioSolicitud", "El tipo de servicio", id) }
        for (index, id) in lugares.enumerated() where !encontradas.lugares.contains(id) {
            falta("lugares[\(index)].idLugar", "El lugar", id)
        }
        return problemas
    }

    /// Whether nothing is to be checked.
    var isEmpty: Bool {
        departamento == nil && solicitante == nil && aprobador == nil && prioridad == nil && servicio == nil
            && lugares.isEmpty
    }
}
