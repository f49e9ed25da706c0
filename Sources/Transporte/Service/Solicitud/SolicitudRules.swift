import AppCore

/// The business rules of a solicitud write that need no database (seed 002, transporte.md §7.1): answered
/// as 422 (T2) with one `errors` item per problem, named by its field path; the top-level message is the
/// first problem's. Pure, so they are tested value by value.
enum SolicitudRules {
    static let fechaPasada = "La fecha de servicio no puede ser anterior a la fecha actual"
    static let sinOrigen = "Debe existir un lugar de origen"
    static let variosOrigenes = "Solo puede existir un lugar de origen"
    static let origenConRetorno = "El lugar de origen no puede requerir retorno"
    static let retornoSinHora = "La hora estimada de retorno es obligatoria cuando el lugar requiere retorno"
    static let ordenInvalido = "Los valores de 'orden' de los lugares deben ser únicos y consecutivos desde 0"
    /// 400 (T2): the two ids of a solicitud name the same Perfil.
    static let mismaPersona = "El solicitante y el aprobador no pueden ser la misma persona"

    /// The problems with a service date (`nil`: not sent) and a list of stops (`nil`: not sent), in the order
    /// date, origin, per stop, order.
    static func problemas(fechaServicio: CivilDate?, hoy: CivilDate, lugares: [LugarSolicitud]?) -> [TransporteError.FieldError] {
        var problemas: [TransporteError.FieldError] = []
        if let fecha = fechaServicio, fecha < hoy {
            problemas.append(.init(field: "fechaServicioRequerido", message: fechaPasada))
        }
        guard let lugares else { return problemas }
        let origenes = lugares.indices.filter { lugares[$0].esOrigen }
        if origenes.isEmpty {
            problemas.append(.init(field: "lugares", message: sinOrigen))
        }
        for index in origenes.dropFirst() {
            problemas.append(.init(field: "lugares[\(index)].esOrigen", message: variosOrigenes))
        }
        for (index, lugar) in lugares.enumerated() {
            if lugar.esOrigen && lugar.requiereRetorno {
                problemas.append(.init(field: "lugares[\(index)].requiereRetorno", message: origenConRetorno))
            }
            if lugar.requiereRetorno && lugar.horaEstimadaRetorno == nil {
                problemas.append(.init(field: "lugares[\(index)].horaEstimadaRetorno", message: retornoSinHora))
            }
        }
        if lugares.map(\.orden).sorted() != Array(0..<lugares.count) {
            problemas.append(.init(field: "lugares", message: ordenInvalido))
        }
        return problemas
    }

    /// Throws the 422 for `problemas`, if any.
    static func verificar(fechaServicio: CivilDate?, hoy: CivilDate, lugares: [LugarSolicitud]?) throws {
        let encontrados = Self.problemas(fechaServicio: fechaServicio, hoy: hoy, lugares: lugares)
        if let first = encontrados.first {
            throw TransporteError(status: 422, first.message, errors: encontrados)
        }
    }

    /// 400 when the requester and the approver are the same Perfil (field `idUsuarioAprobador`).
    static func verificarPersonas(solicitante: Int, aprobador: Int) throws {
        if solicitante == aprobador {
            throw TransporteError.field("idUsuarioAprobador", mismaPersona)
        }
    }
}
