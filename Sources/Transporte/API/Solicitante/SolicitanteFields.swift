/// The fields of `/solicitante` (transporte.md §9.3), with the lengths of `Perfil` (sql/transporte/0002).
enum SolicitanteFields {
    /// An external requester's person data (`POST /solicitante/externo`, and every PUT).
    static let externo: [Field] = [
        Field("dui", .text(minLength: 10, maxLength: 10), required: true),
        Field("nombre1", .text(minLength: 1, maxLength: 100), required: true),
        CatalogFields.text("nombre2", 100), CatalogFields.text("nombre3", 100),
        Field("apellido1", .text(minLength: 1, maxLength: 100), required: true),
        CatalogFields.text("apellido2", 100), CatalogFields.text("apellido3", 100),
        Field("email", .text(minLength: 3, maxLength: 250)),
        CatalogFields.text("telefono", 20), CatalogFields.text("nit", 17), CatalogFields.text("direccion", 500),
        CatalogFields.text("observaciones", 65_535), Field("idDepartamento", .integer(CatalogFields.id)),
    ]

    /// `POST /solicitante/interno`: the existing Perfil that gets the role.
    static let interno = [Field("idPerfil", .integer(CatalogFields.id), required: true)]

    /// The list filters of §9.3 (columns of `VistaSolicitanteRegistro`).
    static let filtros: [CatalogFilter] = [
        CatalogFilter(field: Field("nombre", .text(minLength: 0, maxLength: 250), column: "NombreCompleto"), match: .contains),
        CatalogFilter(field: Field("dui", .text(minLength: 0, maxLength: 250)), match: .contains),
        CatalogFilter(field: Field("tipo", .upperText(maxLength: 7)), match: .exact),
        CatalogFilter(field: Field("busqueda", .text(minLength: 0, maxLength: 250), column: ""),
                      match: .search([("NombreCompleto", false), ("Dui", false), ("Email", false), ("Telefono", false)])),
    ]
}
