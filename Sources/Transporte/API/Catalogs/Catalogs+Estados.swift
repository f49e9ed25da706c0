extension Catalogs {
    /// `/estado-solicitud` (§4.1, §6). The six workflow codes are looked up by the procedures of 0006.
    static let estadoSolicitud = CatalogDefinition(
        prefix: "estado-solicitud", table: "EstadoSolicitud",
        naming: CatalogNaming("Estado de solicitud", plural: "estados de solicitud"),
        fields: [
            CatalogFields.codigo(), CatalogFields.nombre(100), CatalogFields.descripcion, CatalogFields.text("color", 20),
            Field("esEstadoFinal", .boolean, required: true), Field("orden", .integer(CatalogFields.nonNegative), required: true),
        ],
        uniqueKeys: [.codigo, .nombre, .orden], orderBy: ["Orden"],
        filters: [.codigo, .nombre, .busqueda("Codigo", "Nombre", "Descripcion"), .exact("esEstadoFinal", .boolean)],
        guards: [CatalogGuard(sql: """
            SELECT 1 FROM HistoricoEstadoSolicitud h JOIN Solicitud s ON s.Id = h.IdSolicitud
             WHERE h.IdEstadoSolicitud = ? AND h.Eliminado = 0 AND s.Eliminado = 0
            """, reason: "tiene solicitudes activas asociadas")],
        protectedCodes: ["PENDIENTE_APROBACION", "APROBADA", "RECHAZADA", "CANCELADA", "COMPLETADA", "EN_PROCESO"])

    /// `/estado-mision` (§4.3). The seven workflow codes are looked up by the procedure of 0014.
    static let estadoMision = CatalogDefinition(
        prefix: "estado-mision", table: "EstadoMision",
        naming: CatalogNaming("Estado de misión", plural: "estados de misión"),
        fields: [CatalogFields.codigo(), CatalogFields.nombre(100), CatalogFields.descripcion],
        uniqueKeys: [.codigo, .nombre],
        filters: [.codigo, .nombre, .busqueda("Codigo", "Nombre", "Descripcion")],
        guards: [CatalogGuard(sql: "SELECT 1 FROM Mision WHERE IdEstadoMision = ? AND Eliminado = 0",
                              reason: "tiene misiones activas asociadas")],
        protectedCodes: Set(EstadoMisionCodigo.allCases.map(\.rawValue)))

    /// `/estado-vehiculo`. Guard: active vehicles use it.
    static let estadoVehiculo = CatalogDefinition(
        prefix: "estado-vehiculo", table: "EstadoVehiculo",
        naming: CatalogNaming("Estado de vehículo", plural: "estados de vehículo"),
        fields: [
            CatalogFields.codigo(), CatalogFields.nombre(100), CatalogFields.descripcion,
            Field("permiteAsignacion", .boolean, required: true),
        ],
        uniqueKeys: [.codigo, .nombre],
        filters: [.codigo, .nombre, .busqueda("Codigo", "Nombre", "Descripcion"), .exact("permiteAsignacion", .boolean)],
        guards: [CatalogGuard(sql: "SELECT 1 FROM Vehiculo WHERE IdEstadoVehiculo = ? AND Eliminado = 0",
                              reason: "tiene vehículos activos asociados")])
}
