/// One stop of a mission (transporte.md §8.4 `paradas`), as validated from the request.
struct ParadaMision: Sendable, Equatable {
    /// The place (`Lugares.Id`).
    let idLugarDestino: Int
    /// Its number, from 1, unique within the mission.
    let numeroParada: Int
    /// Free text.
    let descripcion: String?
    /// Whether it is the last stop (at most one).
    let esParadaFinal: Bool
    /// Local `YYYY-MM-DDTHH:MM:SS` of the estimated arrival.
    let fechaHoraLlegadaEstimada: LocalDateTime?

    /// 422 (T2: rules among the items) when two stops share a number or more than one is final.
    static func verificar(_ paradas: [ParadaMision]) throws {
        var errores: [TransporteError.FieldError] = []
        if Set(paradas.map(\.numeroParada)).count != paradas.count {
            errores.append(.init(field: "paradas", message: "Los números de parada no se pueden repetir"))
        }
        if paradas.filter(\.esParadaFinal).count > 1 {
            errores.append(.init(field: "paradas", message: "Solo puede existir una parada final"))
        }
        if let primero = errores.first { throw TransporteError(status: 422, primero.message, errors: errores) }
    }
}
