import HTTPCore
import MariaDB

/// What MariaDB's `ANALYZE FORMAT=JSON` says of one statement: each table's access type, key and rows examined (by
/// its name or alias in the statement), and whether the plan sorts or builds a temporary table anywhere. Plan
/// tests pin a statement's shape with it, on any machine, without timing anything.
public struct QueryPlan: Sendable {
    /// One table's entry in the plan.
    public struct Table: Sendable {
        /// `const`, `eq_ref`, `ref`, `range`, `index`, `ALL`, ...
        public var access: String?
        /// The index read, if any.
        public var key: String?
        /// The rows it examined (`r_rows`: measured, the statement ran).
        public var examined: Double?
    }

    /// The tables by name or alias.
    public var tables: [String: Table] = [:]
    /// A filesort or a temporary table anywhere in the plan.
    public var sorts = false

    /// The ANALYZE output had no row.
    public struct Missing: Error {}

    /// Runs `query` under `ANALYZE FORMAT=JSON` on `connection` (the statement runs; its binds too) and reads the plan.
    public static func analyze(_ query: SQLQuery, on connection: MariaDBConnection) throws -> QueryPlan {
        let analyzed = SQLQuery(unsafeSQL: "ANALYZE FORMAT=JSON " + query.sql, binds: query.binds, isReusable: false)
        guard let row = try connection.queryFirst(analyzed) else { throw Missing() }
        var plan = QueryPlan()
        plan.walk(try JSONParser.parse(Array(try row.string("ANALYZE").utf8)))
        return plan
    }

    private mutating func walk(_ value: Input) {
        switch value {
        case .object(let object):
            if case .string(let name)? = object["table_name"] {
                var table = tables[name] ?? Table()
                if case .string(let access)? = object["access_type"] { table.access = access }
                if case .string(let key)? = object["key"] { table.key = key }
                if case .number(let rows)? = object["r_rows"] { table.examined = Double(rows) }
                tables[name] = table
            }
            for (name, member) in object.members {
                if name == "filesort" || name == "temporary_table" { sorts = true }
                walk(member)
            }
        case .array(let items):
            items.forEach { walk($0) }
        default:
            break
        }
    }
}
