import MariaDB

/// `VehiculoRegistroRepository` over the worker's connection (sql/transporte/0001, 0011).
struct MariaDBVehiculoRegistroRepository: VehiculoRegistroRepository {
    let connection: MariaDBConnection

    func claseVehiculo(nombre: String) throws -> Int? {
        let codigo = nombre.uppercased().split(separator: " ").joined(separator: "_")
        return try connection.queryFirst("""
            SELECT Id FROM ClaseVehiculo
             WHERE Eliminado = 0 AND (Nombre = \(nombre) OR Codigo = \(codigo)) ORDER BY Id LIMIT 1
            """)?.int("Id")
    }

    func estadoInicial() throws -> Int? {
        try connection.queryFirst("SELECT Id FROM EstadoVehiculo WHERE Eliminado = 0 AND PermiteAsignacion = 1 ORDER BY Id LIMIT 1")?
            .int("Id")
    }

    func vehiculoActivo(placa: String) throws -> Int? {
        try connection.queryFirst("SELECT Id FROM Vehiculo WHERE Placa = \(placa) AND Eliminado = 0")?.int("Id")
    }
}

extension TransportePersistence {
    /// The lookups of a registry create.
    var vehiculoRegistro: any VehiculoRegistroRepository { MariaDBVehiculoRegistroRepository(connection: connection) }
}
