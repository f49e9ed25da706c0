import AppCore
import Foundation
import Testing

@Suite("The mail outbox schema")
struct MailOutboxSchemaTests {
    /// `sql/` of this repository, from this file's path (Tests/AppTests/Mail/ → ../../../sql).
    private static let sqlDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sql")

    @Test("each module's outbox migration is exactly the shared text", arguments: ["transporte", "egresos"])
    func migrationMatches(module: String) throws {
        let file = Self.sqlDirectory.appendingPathComponent(module).appendingPathComponent("0010_outbox.sql")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == MailOutboxSchema.migrationSQL,
                "sql/\(module)/0010_outbox.sql differs from AppCore's MailOutboxSchema.migrationSQL: copy it over")
    }
}
