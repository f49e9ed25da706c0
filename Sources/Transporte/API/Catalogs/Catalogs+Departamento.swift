extension Catalogs {
    /// `/departamento`: a tree (`departamentoPadreId`, no cycles) with an optional boss Perfil; only the code
    /// is unique (names may repeat).
    static let departamento = CatalogDefinition(
        prefix: "departamento", table: "Departamento",
        naming: CatalogNaming("Departamento", plural: "departamentos"),
        fields: [
            CatalogFields.codigo(20), CatalogFields.nombre(250), Field("idPerfilJefe", .integer(CatalogFields.id)),
            CatalogFields.text("nombreJefe", 250), CatalogFields.text("emailJefe", 250), CatalogFields.text("telefonoJefe", 20),
            CatalogFields.text("ubicacionFisica", 500), Field("nivelJerarquico", .integer(CatalogFields.nonNegative)),
            Field("departamentoPadreId", .integer(CatalogFields.id)),
        ],
        uniqueKeys: [.codigo], orderBy: ["NivelJerarquico", "Nombre"],
        filters: [
            .codigo, .nombre, .busqueda("Codigo", "Nombre", "NombreJefe", "UbicacionFisica"),
            .exact("nivelJerarquico", .integer(CatalogFields.nonNegative)), .exact("departamentoPadreId", .integer(CatalogFields.id)),
        ],
        guards: [
            CatalogGuard(sql: "SELECT 1 FROM Departamento WHERE DepartamentoPadreId = ? AND Eliminado = 0",
                         reason: "tiene subdepartamentos activos"),
            CatalogGuard(sql: "SELECT 1 FROM Solicitud WHERE IdDepartamentoSolicitante = ? AND Eliminado = 0",
                         reason: "tiene solicitudes activas asociadas"),
            CatalogGuard(sql: "SELECT 1 FROM Vehiculo WHERE IdDepartamentoAsignado = ? AND Eliminado = 0",
                         reason: "tiene vehículos activos asignados"),
            CatalogGuard(sql: "SELECT 1 FROM DetallePerfilMotorista WHERE IdDepartamentoAsignado = ? AND Eliminado = 0",
                         reason: "tiene motoristas activos asignados"),
            CatalogGuard(sql: "SELECT 1 FROM Perfil WHERE IdDepartamento = ? AND Eliminado = 0",
                         reason: "tiene perfiles activos asignados"),
        ],
        references: [
            CatalogReference(key: "departamentoPadreId", table: "Departamento") {
                "El departamento padre con Id \($0) no existe o está eliminado"
            },
            CatalogReference(key: "idPerfilJefe", table: "Perfil") {
                "El perfil del jefe con Id \($0) no existe o está eliminado"
            },
        ],
        hierarchy: CatalogHierarchy(key: "departamentoPadreId", column: "DepartamentoPadreId",
                                    message: "No se puede asignar este departamento padre porque crearía una referencia circular"))
}
