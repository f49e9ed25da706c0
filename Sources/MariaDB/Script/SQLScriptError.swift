/// A script the splitter cannot turn into statements, such as a `DELIMITER` command without an argument.
public struct SQLScriptError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line of the script where the problem is.
    public let line: Int
    /// What is wrong, in words meant for the author of the script.
    public let message: String

    /// Creates an error at `line`.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// The message prefixed by the line number.
    public var description: String { "line \(line): \(message)" }
}
