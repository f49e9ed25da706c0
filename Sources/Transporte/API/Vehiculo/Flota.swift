/// The fleet resources that follow the catalog pattern (transporte.md §9.1): served by the same generic
/// implementation as the twelve catalogs of §10 (`CatalogRoutes`, `CatalogService`, `MariaDBCatalogRepository`),
/// so soft delete, reactivation, uniqueness among active rows, partial updates, references and the 409/400
/// mapping are the catalogs' own. Vehículo's registry routes (`consulta-placa`, `crear-por-placa`, T15) are
/// `RegistroRoutes`, whose create goes through the same `CatalogService.create`.
enum Flota {
    /// Every resource served this way.
    static let all: [CatalogDefinition] = [vehiculo]

    /// `/vehiculo` (§9.1): the plate is required, upper-cased without spaces and unique among active vehicles
    /// (a create with a deleted vehicle's plate reactivates it); class and state are required and must be
    /// active; the optional references must be active too. Records carry the class and state names
    /// (`VistaVehiculo`). Delete guard: active missions (not final, not deleted) have it assigned.
    static let vehiculo = CatalogDefinition(
        prefix: "vehiculo", table: "Vehiculo",
        naming: CatalogNaming("Vehículo", plural: "vehículos"),
        fields: [
            Field("placa", .plate(maxLength: 20), required: true),
            Field("idClaseVehiculo", .integer(CatalogFields.id), required: true),
            Field("idEstadoVehiculo", .integer(CatalogFields.id), required: true),
            Field("idTipoCombustible", .integer(CatalogFields.id)),
            Field("idMotoristaPorDefecto", .integer(CatalogFields.id)),
            Field("idDepartamentoAsignado", .integer(CatalogFields.id)),
            CatalogFields.text("marca", 100), CatalogFields.text("modelo", 100),
            Field("anio", .integer(1900...2100)),
            CatalogFields.text("color", 50), CatalogFields.text("numeroMotor", 100), CatalogFields.text("numeroChasis", 100),
            CatalogFields.text("numeroVin", 100),
            Field("capacidadPasajeros", .integer(CatalogFields.nonNegative)),
            Field("capacidadCombustibleGalones", .decimal(0...99_999_999.99)),
            Field("kilometrajeActual", .integer(CatalogFields.nonNegative), nullable: false),
            Field("fechaUltimaRevision", .date), Field("fechaProximoMantenimiento", .date),
            Field("fechaTarjetaCirculacion", .date),
            CatalogFields.text("numeroPolizaSeguro", 100), Field("fechaVencimientoSeguro", .date),
            CatalogFields.text("observaciones", 65_535),
        ],
        uniqueKeys: [.placa], orderBy: ["Placa"],
        filters: [
            CatalogFilter(field: Field("placa", .text(minLength: 0, maxLength: 250)), match: .containsUpper),
            CatalogFilter(field: Field("marca", .text(minLength: 0, maxLength: 250)), match: .contains),
            CatalogFilter(field: Field("modelo", .text(minLength: 0, maxLength: 250)), match: .contains),
            CatalogFilter(field: Field("busqueda", .text(minLength: 0, maxLength: 250), column: ""),
                          match: .search([("Placa", true), ("Marca", false), ("Modelo", false), ("Color", false)])),
            .exact("idClaseVehiculo", .integer(CatalogFields.id)), .exact("idEstadoVehiculo", .integer(CatalogFields.id)),
        ],
        guards: [CatalogGuard(sql: "SELECT 1 FROM Mision WHERE IdVehiculoAsignado = ? AND Eliminado = 0 AND Activa = 1",
                              reason: "tiene misiones activas asignadas")],
        references: [
            CatalogReference(key: "idClaseVehiculo", table: "ClaseVehiculo") {
                "La clase de vehículo con Id \($0) no existe o está eliminada"
            },
            CatalogReference(key: "idEstadoVehiculo", table: "EstadoVehiculo") {
                "El estado de vehículo con Id \($0) no existe o está eliminado"
            },
            CatalogReference(key: "idTipoCombustible", table: "TipoCombustible") {
                "El tipo de combustible con Id \($0) no existe o está eliminado"
            },
            CatalogReference(key: "idMotoristaPorDefecto", table: "VistaMotorista") {
                "El motorista con Id \($0) no existe o está eliminado"
            },
            CatalogReference(key: "idDepartamentoAsignado", table: "Departamento") {
                "El departamento con Id \($0) no existe o está eliminado"
            },
        ],
        displayColumn: "Placa", view: ("VistaVehiculo", adds: ["NombreClaseVehiculo", "NombreEstadoVehiculo"]))
}
