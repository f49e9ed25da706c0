/// The statements of an SQL script, split exactly as the `mariadb` command-line client splits its input.
///
/// Rules, mirroring `client/mysql.cc` (`read_and_execute` and `add_line`) with its default `--skip-comments`:
/// - a statement ends at the current delimiter (`;` to begin with) outside quotes and comments;
/// - a line whose first word is `DELIMITER` (any case), met while no statement is pending, changes the delimiter
///   to its first argument (which may be quoted) and is not sent;
/// - `'…'` and `"…"` strings honour backslash escapes, `` `…` `` identifiers do not, and a doubled quote simply
///   closes and reopens the string;
/// - `-- ` (dash dash whitespace or end of line), `#` and `/* */` comments are removed; `/*! */` and `/*M! */`
///   executable comments stay in the statement text, and so does the line structure;
/// - empty statements are dropped, and a last statement without a delimiter is kept.
///
/// Where the client misbehaves (a `DELIMITER` word after a statement on the same line or after a comment), the
/// splitter throws `SQLScriptError` instead of guessing.
public struct SQLScript: Sendable, Hashable {
    /// The executable statements in script order.
    public let statements: [SQLStatement]

    /// Splits `text` into statements; throws `SQLScriptError` for a malformed `DELIMITER` command.
    public init(_ text: String) throws {
        var scanner = SQLScriptScanner(bytes: Array(text.utf8))
        statements = try scanner.scan()
    }

    /// Splits `text` into statements; throws `SQLScriptError` for a malformed `DELIMITER` command.
    public static func split(_ text: String) throws -> [SQLStatement] {
        try SQLScript(text).statements
    }
}
