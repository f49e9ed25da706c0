import HTTPCore

/// The database readings of `/api/diagnostico` (monitor.md §4.13).
protocol DiagnosticoRepository {
    /// Expedientes whose files are still local (`ubicacion_almacenamiento = 'Local'`, any estado).
    func pendingSyncCount() throws -> Int
    /// The newest `limit` historial_estado rows of every expediente (fecha_cambio, then id, descending), without
    /// the user.
    func recentHistorial(limit: Int) throws -> [JSONValue]
}
