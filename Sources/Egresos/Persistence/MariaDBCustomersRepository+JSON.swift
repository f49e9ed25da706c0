import AppCore
import HTTPCore
import MariaDB

/// The customers and brands lists written straight from the fetched rows into the answer (issue 16): no `SQLRow`,
/// record or `JSONValue` per row. The bytes are exactly those `CustomerViews` writes for `customers()` and
/// `brands(customerID:)` (`CustomerListJSONTests` holds the two paths together).
extension MariaDBCustomersRepository {
    /// The statement of `customers()`.
    static let customerListSQL = customerSelect + " WHERE c.deleted_at IS NULL ORDER BY c.id"

    /// `id, code, name, description`: the first four columns of `customerSelect`, in §5.3's order.
    private static let customerHead = SQLJSONMembers(["id", "code", "name", "description"])

    /// `brandSelect`'s `id`, and `code, name, description` (its columns 2-4), in §5.4's order.
    private static let brandID = SQLJSONMembers(["id"])
    private static let brandHead = SQLJSONMembers(["code", "name", "description"])

    /// #7's body, `{"customers":[Customer, ...]}` (§5.3), pictures as `files.url` renders them.
    func customerListJSON(files: FileStore) throws -> EncodedJSON {
        let base = Array((files.baseURL + "/").utf8)
        var output = JSONOutput(capacity: 4_096)
        output.append("{\"customers\":[")
        var first = true
        try connection.forEachRow(SQLQuery(unsafeSQL: Self.customerListSQL)) { row in
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            output.append(UInt8(ascii: "{"))
            SQLRowJSON.appendMembers(row, Self.customerHead, from: 0, EgresosJSONFormat.self, to: &output)
            output.append(",\"brands\":\"/api/v1/customers/")
            SQLRowJSON.appendValue(row, 0, EgresosJSONFormat.self, to: &output)
            output.append("/brands\",\"payment_conditions\":")
            SQLRowJSON.appendValue(row, 4, EgresosJSONFormat.self, to: &output)
            output.append(",\"picture\":")
            Self.appendFileURL(row, 5, base: base, to: &output)
            output.append(",\"projects_count\":")
            SQLRowJSON.appendValue(row, 6, EgresosJSONFormat.self, to: &output)
            output.append(",\"picture_url\":")
            Self.appendFileURL(row, 5, base: base, to: &output)
            output.append(UInt8(ascii: "}"))
        }
        output.append("]}")
        return EncodedJSON(output)
    }

    /// #8's and #13's body, `{"brands":[Brand, ...]}` (§5.4): the live brands of one customer or of all, each
    /// with its own picture or else its customer's.
    func brandListJSON(customerID: Int?, files: FileStore) throws -> EncodedJSON {
        let base = Array((files.baseURL + "/").utf8)
        var output = JSONOutput(capacity: 4_096)
        output.append("{\"brands\":[")
        var first = true
        try connection.forEachRow(Self.brandsQuery(customerID: customerID)) { row in
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            output.append(UInt8(ascii: "{"))
            SQLRowJSON.appendMembers(row, Self.brandID, from: 0, EgresosJSONFormat.self, to: &output)
            output.append(UInt8(ascii: ","))
            SQLRowJSON.appendMembers(row, Self.brandHead, from: 2, EgresosJSONFormat.self, to: &output)
            output.append(",\"projects\":\"/api/v1/brands/")
            SQLRowJSON.appendValue(row, 0, EgresosJSONFormat.self, to: &output)
            output.append("/projects\",\"picture\":")
            Self.appendFileURL(row, row.isNull(5) ? 6 : 5, base: base, to: &output)
            output.append(",\"customer_id\":")
            SQLRowJSON.appendValue(row, 1, EgresosJSONFormat.self, to: &output)
            output.append(UInt8(ascii: "}"))
        }
        output.append("]}")
        return EncodedJSON(output)
    }

    /// `FileStore.url` of the stored path in `column` as a JSON string (`null` for NULL): the base URL and the
    /// path escaped as the one string they make, so invalid UTF-8 in the path is repaired as `String` would.
    private static func appendFileURL(_ row: borrowing SQLRowView, _ column: Int, base: [UInt8],
                                      to output: inout JSONOutput) {
        if row.isNull(column) {
            output.append("null")
            return
        }
        let path = row.bytes(column)
        withUnsafeTemporaryAllocation(byteCount: base.count + path.count, alignment: 1) { joined in
            base.withUnsafeBytes { joined.copyMemory(from: $0) }
            UnsafeMutableRawBufferPointer(rebasing: joined[base.count...]).copyMemory(from: path)
            JSONWriter.appendString(utf8: UnsafeRawBufferPointer(joined), to: &output)
        }
    }
}
