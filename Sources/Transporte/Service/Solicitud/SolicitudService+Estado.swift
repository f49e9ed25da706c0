import AppCore
import HTTPCore

/// `POST /solicitud/:id/aprobar|rechazar|cancelar` (transporte.md §7.6-§7.8, rulings T4-T6).
extension SolicitudService {
    /// Applies `accion` after the body was validated: 404 (also outside the caller's scope, T13), 403 (`SolicitudAccion.permite`), then the T4
    /// procedure (its 409s, exactly), the mails of the action, all in one transaction; answers the record.
    func cambiar(_ id: Int, _ accion: SolicitudAccion, motivo: String?, caller: TransporteIdentity) throws -> JSONValue {
        let registro = try repository.transaction {
            let actual = try bloquear(id, caller: caller)
            guard accion.permite(caller, sobre: actual) else { throw TransporteError.forbidden }
            do {
                try repository.cambiarEstado(id, a: accion.estado, motivo: motivo, instante: environment.clock.nowMilliseconds())
            } catch let rechazo as EstadoSolicitudRechazo {
                throw rechazo.error
            }
            // Cancelling also soft-deletes the solicitud's PROGRAMADA missions (§7.8); running ones are left alone.
            if accion == .cancelar {
                try repository.conInstante(environment.clock.nowMilliseconds()) {
                    try repository.eliminarMisionesProgramadas(solicitud: id)
                }
            }
            let registro = try leer(id)
            try avisar(accion.correos, registro.resumen, motivo: motivo)
            return registro
        }
        return registro.json
    }
}
