extension Catalogs {
    /// `/clase-vehiculo`. Guard: active vehicles use it.
    static let claseVehiculo = CatalogDefinition(
        prefix: "clase-vehiculo", table: "ClaseVehiculo",
        naming: CatalogNaming("Clase de vehículo", plural: "clases de vehículo", feminine: true),
        fields: [CatalogFields.codigo(), CatalogFields.nombre(100), CatalogFields.descripcion],
        uniqueKeys: [.codigo, .nombre],
        filters: [.codigo, .nombre, .busqueda("Codigo", "Nombre", "Descripcion")],
        guards: [CatalogGuard(sql: "SELECT 1 FROM Vehiculo WHERE IdClaseVehiculo = ? AND Eliminado = 0",
                              reason: "tiene vehículos activos asociados")])

    /// `/tipo-combustible`. Guard: active vehicles use it.
    static let tipoCombustible = CatalogDefinition(
        prefix: "tipo-combustible", table: "TipoCombustible",
        naming: CatalogNaming("Tipo de combustible", plural: "tipos de combustible"),
        fields: [CatalogFields.codigo(), CatalogFields.nombre(100)],
        uniqueKeys: [.codigo, .nombre],
        filters: [.codigo, .nombre, .busqueda("Codigo", "Nombre")],
        guards: [CatalogGuard(sql: "SELECT 1 FROM Vehiculo WHERE IdTipoCombustible = ? AND Eliminado = 0",
                              reason: "tiene vehículos activos asociados")])
}
