import HTTPCore

extension CatalogFilterValue {
    /// The `filters` a list's query sends (and its page, when `paginated`), or one 400 naming each bad
    /// parameter. Shared by the catalogs, drivers and requesters.
    static func decode(_ query: QueryParameters, _ filters: [CatalogFilter],
                       paginated: Bool) throws -> ([CatalogFilterValue], Pagination) {
        var decoder = FieldDecoder()
        let values = decoder.decode(query: query, filters.map(\.field) + (paginated ? Pagination.fields : []))
        try decoder.finish()
        let sent = filters.compactMap { filter -> CatalogFilterValue? in
            guard let value = values[filter.field.key], value != .null else { return nil }
            return CatalogFilterValue(filter: filter, value: value)
        }
        return (sent, Pagination(values))
    }
}
