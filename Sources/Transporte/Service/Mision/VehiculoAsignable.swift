/// A vehicle as an assignment or a start sees it, read under its row lock (T14).
struct VehiculoAsignable: Sendable, Equatable {
    /// Its plate, to name it in a 409.
    let placa: String
    /// The odometer (§8.4: a start must not read less).
    let kilometrajeActual: Int
    /// Whether its state allows assigning it (`EstadoVehiculo.PermiteAsignacion`).
    let permiteAsignacion: Bool
    /// The state's name, for the 409.
    let nombreEstado: String
}
