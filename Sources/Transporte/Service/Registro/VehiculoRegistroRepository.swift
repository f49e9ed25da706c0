/// What creating a vehicle from the plate registry asks of storage beyond the catalog's own create path.
protocol VehiculoRegistroRepository {
    /// The active vehicle class named `nombre` by its name (the column's collation: case- and accent-insensitive)
    /// or by its code (the name upper-cased, spaces read as `_`), nil when none.
    func claseVehiculo(nombre: String) throws -> Int?
    /// The first active vehicle state that allows assignment (lowest Id), the default of a registry create.
    func estadoInicial() throws -> Int?
    /// The active vehicle with plate `placa`, nil when none.
    func vehiculoActivo(placa: String) throws -> Int?
}
