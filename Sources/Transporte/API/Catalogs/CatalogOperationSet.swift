/// The six operations of one catalog (transporte.md §10), each declared once: `CatalogRoutes` registers them
/// and the document describes them from the same values.
struct CatalogOperationSet: Sendable {
    /// `POST /<prefix>`.
    let create: APIOperation
    /// `GET /<prefix>/todos/lista`.
    let all: APIOperation
    /// `GET /<prefix>` (paginated).
    let list: APIOperation
    /// `GET /<prefix>/{id}`.
    let get: APIOperation
    /// `PUT /<prefix>/{id}`.
    let update: APIOperation
    /// `DELETE /<prefix>/{id}`.
    let delete: APIOperation
}
