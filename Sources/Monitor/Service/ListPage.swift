/// One page of a list (ruling 7): at most `limit` items after skipping `offset` of them, in the list's stable order.
struct ListPage: Sendable, Equatable {
    /// The largest `limit` a request may ask for.
    static let maximumLimit = 500
    /// The largest `offset` a request may ask for.
    static let maximumOffset = 999_999_999

    /// How many items to return (1 through `maximumLimit`); nil when only `offset` was sent: everything after it.
    let limit: Int?
    /// How many items to skip (0 through `maximumOffset`).
    let offset: Int

    /// The `LIMIT ? OFFSET ?` values to bind: no limit is MariaDB's largest row count.
    var sqlLimit: Int64 { limit.map(Int64.init) ?? Int64.max }
}
