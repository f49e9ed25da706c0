import HTTPCore

/// One stored catalog row: the record the API returns (`SELECT *`: the visible columns, PascalCase, T1/T7)
/// and the values the rules need.
struct CatalogRecord: Sendable {
    /// `Id`.
    let id: Int
    /// `Codigo`, for catalogs that have one.
    let codigo: String?
    /// The display column (`Nombre`), quoted by the delete message.
    let display: String
    /// The record as the API returns it.
    let json: JSONValue
}
