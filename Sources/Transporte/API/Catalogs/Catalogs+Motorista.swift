extension Catalogs {
    /// `/tipo-disponibilidad` (drivers' availability, DetallePerfilMotorista).
    static let tipoDisponibilidad = CatalogDefinition(
        prefix: "tipo-disponibilidad", table: "TipoDisponibilidad",
        naming: CatalogNaming("Tipo de disponibilidad", plural: "tipos de disponibilidad"),
        fields: [CatalogFields.codigo(), CatalogFields.nombre(20)],
        uniqueKeys: [.codigo, .nombre],
        filters: [.codigo, .nombre, .busqueda("Codigo", "Nombre")],
        guards: [CatalogGuard(sql: "SELECT 1 FROM DetallePerfilMotorista WHERE IdTipoDisponibilidad = ? AND Eliminado = 0",
                              reason: "tiene motoristas activos asociados")])

    /// `/tipo-licencia` (drivers' licence, DetallePerfilMotorista).
    static let tipoLicencia = CatalogDefinition(
        prefix: "tipo-licencia", table: "TipoLicencia",
        naming: CatalogNaming("Tipo de licencia", plural: "tipos de licencia"),
        fields: [CatalogFields.codigo(), CatalogFields.nombre(20)],
        uniqueKeys: [.codigo, .nombre],
        filters: [.codigo, .nombre, .busqueda("Codigo", "Nombre")],
        guards: [CatalogGuard(sql: "SELECT 1 FROM DetallePerfilMotorista WHERE IdTipoLicencia = ? AND Eliminado = 0",
                              reason: "tiene motoristas activos asociados")])
}
