extension Catalogs {
    /// `/rol` (T5). ADMIN, SOLICITANTE, APROBADOR and MOTORISTA are checked by code by the auth layer.
    static let rol = CatalogDefinition(
        prefix: "rol", table: "Rol",
        naming: CatalogNaming("Rol", plural: "roles"),
        fields: [CatalogFields.codigo(), CatalogFields.nombre(100)],
        uniqueKeys: [.codigo, .nombre],
        filters: [.codigo, .nombre, .busqueda("Codigo", "Nombre")],
        guards: [CatalogGuard(sql: "SELECT 1 FROM PerfilRol WHERE IdRol = ? AND Eliminado = 0",
                              reason: "tiene perfiles activos asignados")],
        protectedCodes: Set(TransporteRol.allCases.map(\.rawValue)))
}
