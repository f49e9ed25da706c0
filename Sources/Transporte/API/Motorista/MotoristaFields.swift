/// The fields of `/motorista` (transporte.md §9.2) with the lengths of `Perfil` and `DetallePerfilMotorista`
/// (sql/transporte/0002).
enum MotoristaFields {
    /// The person (Perfil) and the account's e-mail, which is also the login name.
    static let persona: [Field] = [
        Field("email", .text(minLength: 3, maxLength: 100), required: true),
        Field("nombre1", .text(minLength: 1, maxLength: 100), required: true),
        CatalogFields.text("nombre2", 100), CatalogFields.text("nombre3", 100),
        Field("apellido1", .text(minLength: 1, maxLength: 100), required: true),
        CatalogFields.text("apellido2", 100), CatalogFields.text("apellido3", 100),
        Field("telefono", .text(minLength: 1, maxLength: 20), required: true),
        Field("dui", .text(minLength: 10, maxLength: 10), required: true),
        CatalogFields.text("nit", 17), CatalogFields.text("direccion", 500), CatalogFields.text("observaciones", 65_535),
    ]

    /// The driver details (DetallePerfilMotorista).
    static let detalle: [Field] = [
        Field("idDepartamentoAsignado", .integer(CatalogFields.id), required: true),
        Field("idTipoLicencia", .integer(CatalogFields.id), required: true),
        Field("idTipoDisponibilidad", .integer(CatalogFields.id)),
        Field("numeroLicencia", .text(minLength: 1, maxLength: 50), required: true),
        Field("fechaVencimientoLicencia", .date),
        CatalogFields.text("imei", 100),
    ]

    /// The initial (or a new) password: without one the driver cannot log in until an ADMIN sets it with PUT.
    static let password = Field("password", .text(minLength: 8, maxLength: 1_000), nullable: false)

    /// Every body field of create and update.
    static let all = persona + detalle + [password]

    /// `PATCH /motorista/{id_perfil}/disponibilidad`.
    static let disponibilidad = [Field("idTipoDisponibilidad", .integer(CatalogFields.id), required: true)]

    /// The list filters of §9.2 (columns of `VistaMotoristaRegistro`).
    static let filtros: [CatalogFilter] = [
        CatalogFilter(field: Field("nombre", .text(minLength: 0, maxLength: 250), column: "NombreCompleto"), match: .contains),
        CatalogFilter(field: Field("dui", .text(minLength: 0, maxLength: 250)), match: .contains),
        CatalogFilter(field: Field("idDepartamento", .integer(CatalogFields.id), column: "IdDepartamentoAsignado"), match: .exact),
        CatalogFilter(field: Field("idDisponibilidad", .integer(CatalogFields.id), column: "IdTipoDisponibilidad"), match: .exact),
        CatalogFilter(field: Field("busqueda", .text(minLength: 0, maxLength: 250), column: ""),
                      match: .search([("NombreCompleto", false), ("Dui", false), ("Email", false), ("Telefono", false)])),
    ]
}
