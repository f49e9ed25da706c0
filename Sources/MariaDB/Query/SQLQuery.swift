/// SQL text with `?` placeholders and the values bound to them, built by string interpolation.
///
/// `"SELECT * FROM \(ident: table) WHERE id = \(id) AND state IN (\(list: states))"` interpolates
/// values as parameters, never as text; only `\(unsafeRaw:)` splices text, so keep it for trusted input.
public struct SQLQuery: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The SQL text, with one `?` per bound value.
    public var sql: String
    /// The values for the placeholders, in order.
    public var binds: [SQLValue]
    /// Whether the connection keeps the statement prepared for the next use (its statement cache). False when the
    /// text depends on the data: a `\(list:)` longer than `reusableListLength` gives a new text for every length,
    /// each with as many parameter buffers as elements, so such a statement is closed after its execution instead
    /// of kept by every worker that ran it.
    public var isReusable: Bool

    /// Lists up to this length keep a query reusable (a bounded number of texts: 1 to this many placeholders).
    public static let reusableListLength = 16

    /// Creates a query from SQL text that is trusted as is, with its parameter values.
    public init(unsafeSQL sql: String, binds: [SQLValue] = [], isReusable: Bool = true) {
        self.sql = sql
        self.binds = binds
        self.isReusable = isReusable
    }

    /// Creates a query from a literal without interpolations.
    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    /// Creates a query from an interpolated literal.
    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.sql, binds: stringInterpolation.binds,
                  isReusable: stringInterpolation.isReusable)
    }

    /// Appends another query's text and binds (for composing fragments such as optional filters).
    public mutating func append(_ other: SQLQuery) {
        sql += other.sql
        binds += other.binds
        isReusable = isReusable && other.isReusable
    }

    /// The SQL text only: bound values may be personal data, so they are never part of the description.
    public var description: String { sql }

    /// Collects literal text and interpolated values while a query literal is built.
    public struct StringInterpolation: StringInterpolationProtocol, Sendable {
        /// The SQL text so far.
        public private(set) var sql: String
        /// The bound values so far.
        public private(set) var binds: [SQLValue]
        /// False once a list longer than `SQLQuery.reusableListLength` was appended.
        public private(set) var isReusable = true

        /// Reserves room for the literal and its interpolations.
        public init(literalCapacity: Int, interpolationCount: Int) {
            sql = ""
            sql.reserveCapacity(literalCapacity + interpolationCount)
            binds = []
            binds.reserveCapacity(interpolationCount)
        }

        /// Appends literal SQL text.
        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Appends a `?` placeholder and binds `value` to it.
        public mutating func appendInterpolation(_ value: some SQLBindable) {
            sql += "?"
            binds.append(value.sqlValue)
        }

        /// Appends a `?` placeholder and binds `value` to it, or `NULL` for `nil`.
        ///
        /// A separate overload so interpolating an optional is not mistaken for printing one (no warning).
        public mutating func appendInterpolation<Value: SQLBindable>(_ value: Value?) {
            sql += "?"
            binds.append(value.sqlValue)
        }

        /// Appends an identifier (table, column, database) quoted with backticks, doubling inner backticks.
        public mutating func appendInterpolation(ident identifier: String) {
            sql += SQLQuery.quoteIdentifier(identifier)
        }

        /// Appends text verbatim: only for trusted SQL, never for user input.
        public mutating func appendInterpolation(unsafeRaw text: String) {
            sql += text
        }

        /// Appends `?, ?, ?` binding every value of `values`; an empty list appends `NULL`, which
        /// makes `x IN (...)` match nothing (beware: `x NOT IN (NULL)` matches nothing as well).
        public mutating func appendInterpolation<Values: Sequence>(list values: Values) where Values.Element: SQLBindable {
            var first = true
            var count = 0
            for value in values {
                sql += first ? "?" : ", ?"
                binds.append(value.sqlValue)
                first = false
                count += 1
            }
            if first {
                sql += "NULL"
            }
            if count > SQLQuery.reusableListLength {
                isReusable = false
            }
        }

        /// Appends another query (a fragment) with its binds.
        public mutating func appendInterpolation(fragment: SQLQuery) {
            sql += fragment.sql
            binds += fragment.binds
            isReusable = isReusable && fragment.isReusable
        }
    }

    /// Quotes `identifier` with backticks, doubling any backtick inside it.
    public static func quoteIdentifier(_ identifier: String) -> String {
        var quoted = "`"
        for character in identifier {
            quoted.append(character)
            if character == "`" {
                quoted.append("`")
            }
        }
        quoted.append("`")
        return quoted
    }
}
