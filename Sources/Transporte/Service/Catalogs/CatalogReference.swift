/// An integer field that names a row of another table, which must exist and be active (400 naming the field,
/// ruling T2): `departamentoPadreId` → `Departamento`, `idPerfilJefe` → `Perfil`. Checked with a shared lock
/// on the referenced row, so it cannot be deleted before the write commits.
struct CatalogReference: Sendable {
    /// The request key.
    let key: String
    /// The referenced table (static name from the definition).
    let table: String
    /// The 400 message for `id`.
    let message: @Sendable (Int) -> String
}

/// A self-reference that forms a tree (`Departamento.DepartamentoPadreId`): a row may not become its own
/// ancestor (400 naming the field), including being its own parent.
struct CatalogHierarchy: Sendable {
    /// The request key of the parent (`departamentoPadreId`).
    let key: String
    /// Its column (`DepartamentoPadreId`).
    let column: String
    /// The 400 message.
    let message: String
}
