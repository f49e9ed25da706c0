/// The twelve catalog modules of transporte.md §10, each a `CatalogDefinition` (the definitions are in the
/// `Catalogs+*.swift` files, grouped by what uses them).
///
/// Delete guards that need tables a later issue creates are not declared yet: missions (`Mision`: estado de
/// misión, lugar as origin or destination). Declare them here when those tables exist.
enum Catalogs {
    /// Every catalog, in the order of §10.
    static let all: [CatalogDefinition] = [
        estadoSolicitud, estadoMision, estadoVehiculo, claseVehiculo, tipoCombustible, tipoDisponibilidad,
        tipoLicencia, tipoPrioridadSolicitud, tipoServicioSolicitud, lugar, rol, departamento,
    ]

    /// The catalog (or catalog-like fleet resource) served under `prefix`.
    static func named(_ prefix: String) -> CatalogDefinition? { (all + Flota.all).first { $0.prefix == prefix } }
}
