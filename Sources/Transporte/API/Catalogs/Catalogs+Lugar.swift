extension Catalogs {
    /// `/lugar` (table `Lugares`, §11.15): the code is optional and unique among active rows when given;
    /// `tipoLugar` is stored upper-case and filtered exactly. Guards: active solicitudes use it as a stop;
    /// active missions (not final, not deleted) use it as origin, destination or stop.
    static let lugar = CatalogDefinition(
        prefix: "lugar", table: "Lugares",
        naming: CatalogNaming("Lugar", plural: "lugares"),
        fields: [
            CatalogFields.codigo(required: false), CatalogFields.nombre(250), CatalogFields.text("direccion", 500),
            Field("latitud", .decimal(-90...90)), Field("longitud", .decimal(-180...180)),
            Field("tipoLugar", .upperText(maxLength: 50)), Field("esPuntoFrecuente", .boolean),
            CatalogFields.text("referencia", 500), CatalogFields.text("telefonoContacto", 20),
            CatalogFields.text("observaciones", 65_535),
        ],
        uniqueKeys: [.codigo],
        filters: [
            .codigo, .nombre, .busqueda("Codigo", "Nombre", "Direccion", "Referencia"),
            .exact("tipoLugar", .upperText(maxLength: 50)), .exact("esPuntoFrecuente", .boolean),
        ],
        guards: [CatalogGuard(sql: """
            SELECT 1 FROM DetalleLugarSolicitud d JOIN Solicitud s ON s.Id = d.IdSolicitud
             WHERE d.IdLugar = ? AND d.Eliminado = 0 AND s.Eliminado = 0
            """, reason: "tiene solicitudes activas asociadas")]
            + ["IdLugarOrigen", "IdLugarDestino"].map {
                CatalogGuard(sql: "SELECT 1 FROM Mision WHERE \($0) = ? AND Eliminado = 0 AND Activa = 1",
                             reason: "tiene misiones activas asociadas")
            }
            + [CatalogGuard(sql: """
                SELECT 1 FROM ParadaMision p JOIN Mision m ON m.Id = p.IdMision
                 WHERE p.IdLugarDestino = ? AND p.Eliminado = 0 AND m.Eliminado = 0 AND m.Activa = 1
                """, reason: "tiene misiones activas asociadas")])
}
