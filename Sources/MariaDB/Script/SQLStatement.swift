/// One executable statement of an SQL script, as the `mariadb` client would send it to the server.
public struct SQLStatement: Sendable, Hashable, CustomStringConvertible {
    /// The statement text without its delimiter, with plain comments removed and `/*! */` comments kept.
    public let text: String
    /// The 1-based line of the script on which the statement starts.
    public let line: Int

    /// Creates a statement starting on `line`.
    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }

    /// The statement prefixed by its line number, for logs.
    public var description: String { "line \(line): \(text)" }
}
