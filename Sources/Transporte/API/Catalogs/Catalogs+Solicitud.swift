extension Catalogs {
    /// `/tipo-prioridad-solicitud`: no code, the name (20) is the key.
    static let tipoPrioridadSolicitud = CatalogDefinition(
        prefix: "tipo-prioridad-solicitud", table: "TipoPrioridadSolicitud",
        naming: CatalogNaming("Tipo de prioridad", plural: "tipos de prioridad"),
        fields: [CatalogFields.nombre(20)],
        uniqueKeys: [.nombre],
        filters: [.nombre, .busqueda("Nombre")],
        guards: [CatalogGuard(sql: "SELECT 1 FROM Solicitud WHERE IdTipoPrioridadSolicitud = ? AND Eliminado = 0",
                              reason: "tiene solicitudes activas asociadas")])

    /// `/tipo-servicio-solicitud`: no code, the name (50) is the key.
    static let tipoServicioSolicitud = CatalogDefinition(
        prefix: "tipo-servicio-solicitud", table: "TipoServicioSolicitud",
        naming: CatalogNaming("Tipo de servicio", plural: "tipos de servicio"),
        fields: [CatalogFields.nombre(50)],
        uniqueKeys: [.nombre],
        filters: [.nombre, .busqueda("Nombre")],
        guards: [CatalogGuard(sql: "SELECT 1 FROM Solicitud WHERE IdTipoServicioSolicitud = ? AND Eliminado = 0",
                              reason: "tiene solicitudes activas asociadas")])
}
