import AppCore
import HTTPCore
import MariaDB
import Testing
import TestSupport
@testable import Egresos

/// The customers list (#7) and the brands lists (#8, #13) write their JSON straight from the fetched rows
/// (`forEachRow`, `SQLRowJSON`, `EgresosJSONFormat`). Their bytes must be exactly those of the record path
/// (`customers()`/`brands(customerID:)` → `CustomerViews` → `JSONWriter`), whatever the rows hold: quotes,
/// backslashes, control characters, NUL, multi-byte UTF-8 (ñ, €, emoji), U+2028/U+2029, NULLs, empty and long
/// values (a picture path longer than its column's first buffer, so it grows in the middle of the set), pictures
/// of their own or their customer's, and no rows at all.
@Suite("Egresos: customers and brands lists written straight to JSON", .serialized)
struct CustomerListJSONTests {
    static let tricky = "comillas \" barra \\ tab\t salto\n\r ctrl \u{1}\u{1F}\u{7F} nul \u{0} ñandú € 😀 \u{2028}\u{2029} </script>"
    static let long = String(repeating: "Ñ\"\\😀 /", count: 140)

    /// The seed plus customers with every shape of value, brands with and without pictures, and projects
    /// (live, deleted, under a deleted brand) so the counts differ.
    static func harness() throws -> EgresosHarness {
        let harness = try EgresosHarness(caller: "admin")
        let c = harness.database.connection
        _ = try c.execute("""
            INSERT INTO customers (id, code, name, description, payment_conditions, picture_path) VALUES \
            (2, \("\"\\\u{0}ñ€😀\u{2028}"), \(tricky), \(tricky), 365, \(long)), \
            (3, 'E', \("Vacío ☃"), \(""), 0, \("")), \
            (4, 'N', 'Nulos', NULL, 30, NULL), \
            (5, 'X', \(String(repeating: "ñ", count: 120)), \(String(repeating: "€", count: 255)), 1, \("customers/v1/5/picture-\u{2028}.png"))
            """)
        _ = try c.execute("""
            INSERT INTO brands (id, customer_id, code, name, description, picture_path, deleted_at) VALUES \
            (2, 2, \("\u{0}\u{1}B"), \("Marca \" \\ \u{2029}"), \(tricky), \(long), NULL), \
            (3, 2, 'B3', 'Sin imagen', NULL, NULL, NULL), \
            (4, 4, 'B4', 'Sin imagen ni cliente', \(""), NULL, NULL), \
            (5, 2, 'B5', 'Borrada', NULL, NULL, UTC_TIMESTAMP(3))
            """)
        _ = try c.execute("""
            INSERT INTO projects (brand_id, folio, name, deleted_at) VALUES (2, '701', 'Viva', NULL), \
            (2, '702', 'Otra viva', NULL), (3, '703', 'Borrada', UTC_TIMESTAMP(3)), (5, '704', 'De marca borrada', NULL)
            """)
        return harness
    }

    static func files(_ baseURL: String) -> FileStore {
        FileStore(storage: LocalFileStorage(prefix: FileStore.keyPrefix, root: "/unused"), baseURL: baseURL)
    }

    /// The record path's bytes of #7.
    static func customersExpected(_ repository: MariaDBCustomersRepository, _ files: FileStore) throws -> [UInt8] {
        let views = CustomerViews(files: files)
        return JSONWriter.encode(.object([("customers", .array(try repository.customers().map(views.customer)))]))
    }

    /// The record path's bytes of #8/#13.
    static func brandsExpected(_ repository: MariaDBCustomersRepository, _ files: FileStore, customerID: Int?) throws -> [UInt8] {
        let views = CustomerViews(files: files)
        return JSONWriter.encode(.object([("brands", .array(try repository.brands(customerID: customerID).map(views.brand)))]))
    }

    @Test("#7's bytes equal the record path's, for every shape of customer and any files base URL")
    func customersBytes() throws {
        let harness = try Self.harness()
        let repository = MariaDBCustomersRepository(connection: harness.database.connection)
        for base in ["https://api.example/files", "", "https://ñ.example/\"\\/€"] {
            let files = Self.files(base)
            let written = try repository.customerListJSON(files: files).bytes
            let expected = try Self.customersExpected(repository, files)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(base)")
            #expect(written == expected)
        }
        // The data the comparison ran on: every customer, the counts of live projects under live brands.
        let answer = try JSONParser.parse(repository.customerListJSON(files: Self.files("b")).bytes)
        #expect(answer["customers"]?.egItems?.map { egInt($0["id"]) } == [1, 2, 3, 4, 5])
        #expect(answer["customers"]?.egItems?.map { egInt($0["projects_count"]) } == [1, 2, 0, 0, 0])
        #expect(answer["customers"]?.egItems?[1]["name"]?.stringValue == Self.tricky)
    }

    @Test("#8's and #13's bytes equal the record path's: own picture, the customer's, none")
    func brandsBytes() throws {
        let harness = try Self.harness()
        let repository = MariaDBCustomersRepository(connection: harness.database.connection)
        let files = Self.files("https://api.example/files")
        for customerID in [nil, 1, 2, 3, 4, 99] as [Int?] {
            let written = try repository.brandListJSON(customerID: customerID, files: files).bytes
            let expected = try Self.brandsExpected(repository, files, customerID: customerID)
            #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(String(describing: customerID))")
            #expect(written == expected)
        }
        #expect(try repository.brandListJSON(customerID: 3, files: files).bytes == Array(#"{"brands":[]}"#.utf8))
    }

    @Test("no live customer: #7 is an empty list")
    func emptyList() throws {
        let harness = try EgresosHarness(caller: "admin")
        let repository = MariaDBCustomersRepository(connection: harness.database.connection)
        try harness.execute("UPDATE customers SET deleted_at = UTC_TIMESTAMP(3)")
        #expect(try repository.customerListJSON(files: Self.files("x")).bytes == Array(#"{"customers":[]}"#.utf8))
    }

    @Test("the routes answer the record path's bytes with the module's files base URL")
    func routes() throws {
        let harness = try Self.harness()
        let repository = MariaDBCustomersRepository(connection: harness.database.connection)
        let files = FileStore(storage: harness.module.egresos.storage, baseURL: harness.module.egresos.filesBaseURL)
        let customers = try Self.customersExpected(repository, files)
        let brands = try Self.brandsExpected(repository, files, customerID: nil)
        let brandsOfTwo = try Self.brandsExpected(repository, files, customerID: 2)
        let list = harness.call(.get, "/api/v1/customers")
        #expect(list.status == 200)
        #expect(list.headers["Content-Type"] == "application/json; charset=utf-8")
        #expect(list.body == customers)
        let all = harness.call(.get, "/api/v1/brands")
        #expect(all.status == 200)
        #expect(all.body == brands)
        let one = harness.call(.get, "/api/v1/customers/2/brands")
        #expect(one.status == 200)
        #expect(one.body == brandsOfTwo)
    }

    @Test("EgresosJSONFormat: dates as DATE_FORMAT's text, instants as the views' ISO 8601, at their edges")
    func format() throws {
        let harness = try EgresosHarness(caller: "admin")
        let c = harness.database.connection
        for date in ["1000-01-01", "2024-02-29", "9999-12-31", "0001-01-01"] {
            var written: [UInt8] = []
            _ = try c.forEachRow(SQLQuery(unsafeSQL: "SELECT CAST('\(date)' AS DATE) AS d")) { row in
                written = JSONOutput.written { SQLRowJSON.appendValue(row, 0, EgresosJSONFormat.self, to: &$0) }
            }
            #expect(String(decoding: written, as: UTF8.self) == "\"\(date)\"")
        }
        for stamp in ["1970-01-01 00:00:00", "2024-02-29 23:59:59.999", "9999-12-31 23:59:59.999", "1000-01-01 00:00:00.001"] {
            var written: [UInt8] = []
            var millis: Int64 = 0
            _ = try c.forEachRow(SQLQuery(unsafeSQL: "SELECT CAST('\(stamp)' AS DATETIME(3)) AS s")) { row in
                written = JSONOutput.written { SQLRowJSON.appendValue(row, 0, EgresosJSONFormat.self, to: &$0) }
                millis = row.dateTime(0).unixMilliseconds
            }
            #expect(written == JSONWriter.encode(.string(ISO8601.format(utcMilliseconds: millis))), "\(stamp)")
        }
        var decimal: [UInt8] = []
        var time: [UInt8] = []
        _ = try c.forEachRow("SELECT CAST('-12345678901234567890.000001' AS DECIMAL(30,6)) AS d, CAST('-838:59:59' AS TIME) AS t") { row in
            decimal = JSONOutput.written { SQLRowJSON.appendValue(row, 0, EgresosJSONFormat.self, to: &$0) }
            time = JSONOutput.written { SQLRowJSON.appendValue(row, 1, EgresosJSONFormat.self, to: &$0) }
        }
        #expect(String(decoding: decimal, as: UTF8.self) == "\"-12345678901234567890.000001\"")
        #expect(String(decoding: time, as: UTF8.self) == "\"-838:59:59\"")
    }
}
