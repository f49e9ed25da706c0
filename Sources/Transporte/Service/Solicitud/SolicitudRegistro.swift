import HTTPCore

/// A solicitud as the API returns it (transporte.md §3.2, seed 002: PascalCase columns, `lugares` by Orden,
/// `misiones`) together with its typed summary.
struct SolicitudRegistro: Sendable {
    /// The record, `data` of the detail, create, update and state-change answers.
    let json: JSONValue
    /// The facts notifications use.
    let resumen: SolicitudResumen
    /// The drivers (Perfil ids) of its active missions, for the caller's scope (T13).
    var motoristas: [Int] = []

    /// The same record under `codigo`: a creation reads its record back before it takes its code (0015), which
    /// changes nothing else in it (FechaHoraActualizacion included).
    func conCodigo(_ codigo: String) -> SolicitudRegistro {
        var resumen = resumen
        resumen.codigo = codigo
        guard case .object(var members) = json,
              let index = members.firstIndex(where: { $0.0 == "CodigoSolicitud" }) else {
            return SolicitudRegistro(json: json, resumen: resumen, motoristas: motoristas)
        }
        members[index].1 = .string(codigo)
        return SolicitudRegistro(json: .object(members), resumen: resumen, motoristas: motoristas)
    }
}

/// The state history of one solicitud (transporte.md §6), oldest first.
struct HistoricoSolicitud: Sendable {
    /// `Solicitud.Id`.
    let idSolicitud: Int
    /// Its code.
    let codigoSolicitud: String
    /// Its requester and approver (Perfil ids), for the caller's scope (T13).
    let solicitante: Int, aprobador: Int
    /// The history rows as records (PascalCase, T9).
    let filas: [JSONValue]
    /// The drivers (Perfil ids) of its active missions, for the caller's scope (T13).
    var motoristas: [Int] = []
}
