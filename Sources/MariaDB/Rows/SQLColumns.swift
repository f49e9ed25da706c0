/// The column names of one result set, shared by all its rows instead of being copied into each.
public final class SQLColumns: Sendable {
    /// The column names (labels) in result order.
    public let names: [String]
    private let indexByName: [String: Int]

    /// Creates the shared column list; when names repeat, lookups by name find the first one.
    public init(names: [String]) {
        self.names = names
        var index: [String: Int] = [:]
        index.reserveCapacity(names.count)
        for (position, name) in names.enumerated() where index[name] == nil {
            index[name] = position
        }
        indexByName = index
    }

    /// The position of the column called `name`, if there is one.
    public func index(of name: String) -> Int? {
        indexByName[name]
    }

    /// The number of columns.
    public var count: Int { names.count }
}
