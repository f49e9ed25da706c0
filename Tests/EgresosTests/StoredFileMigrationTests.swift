import AppCore
import Foundation
import Logging
import Testing
import TestSupport
@testable import Egresos

/// `ventanilla files migrate egresos` (ruling E8): rows and files stored before E8 get random names; nothing is
/// lost, the old names stop existing, and a second run changes nothing.
@Suite("Egresos stored files: the E8 migration", .serialized)
struct StoredFileMigrationTests {
    /// Writes `bytes` at `path` under the harness's FILES_ROOT.
    static func write(_ harness: EgresosHarness, _ path: String, _ bytes: String) throws {
        let target = harness.filesRoot + "/" + path
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: target, contents: Data(bytes.utf8)))
    }

    static func migrate(_ harness: EgresosHarness) throws -> StoredFileMigrationReport {
        try harness.module.migrateStoredFiles(connection: harness.database.connection, logger: Logger(label: "eg"))
    }

    @Test("old-style rows and files are renamed (bytes kept, old names gone), a missing file is left alone; a rerun is a no-op")
    func migrates() throws {
        let harness = try EgresosHarness()
        let schedule = try harness.paymentSchedule(quotationStatus: 3)
        let old: [(table: String, column: String, id: Int, path: String)] = [
            ("customers", "picture_path", 1, "customers/v1/1/picture.png"),
            ("brands", "picture_path", 1, "brands/v1/1/picture.jpg"),
            ("billings", "account_status_file_path", 1, "billings/v1/1/account_status_file.pdf"),
            ("payment_schedules", "billing_file_path", schedule, "paymentschedules/v1/\(schedule)/billing_file.xml"),
            ("quotations", "quotation_file_path", 1, "quotations/v1/1/quotation_file.docx"),
        ]
        for row in old {
            try harness.execute("UPDATE \(row.table) SET \(row.column) = '\(row.path)' WHERE id = \(row.id)")
            try Self.write(harness, row.path, "bytes of \(row.path)")
        }
        // A row whose file is not on disk: nothing to rename, and no URL serves it.
        try harness.execute("UPDATE suppliers SET picture_path = 'suppliers/v1/1/picture.png' WHERE id = 1")

        let report = try Self.migrate(harness)
        #expect(report.renamed == 5 && report.missing == 1 && report.alreadyRandom == 0 && report.refused == 0)
        for row in old {
            let path = try StoredFileNamesTests.storedPath(harness, row.table, row.column, id: row.id) ?? ""
            let parts = row.path.split(separator: "/")
            let (field, ext) = (parts[3].split(separator: ".")[0], parts[3].split(separator: ".")[1])
            #expect(StoredFileNamesTests.isRandomName(path, String(parts[0]), row.id, String(field), String(ext)), "\(path)")
            #expect(harness.stored(path) == Array("bytes of \(row.path)".utf8))
            #expect(!FileManager.default.fileExists(atPath: harness.filesRoot + "/" + row.path))
        }
        #expect(try StoredFileNamesTests.storedPath(harness, "suppliers", "picture_path", id: 1) == "suppliers/v1/1/picture.png")
        let after = harness.storedFiles()
        #expect(after.count == 5)

        // Idempotent: the second run renames nothing and touches no file.
        let again = try Self.migrate(harness)
        #expect(again.renamed == 0 && again.alreadyRandom == 5 && again.missing == 1 && again.leftoversRemoved == 0)
        #expect(harness.storedFiles() == after)
    }

    @Test("an old name left beside a migrated row (a run stopped after its COMMIT) is removed by the next run")
    func removesLeftovers() throws {
        let harness = try EgresosHarness()
        let random = "customers/v1/1/picture-0123456789abcdef0123456789abcdef.png"
        try harness.execute("UPDATE customers SET picture_path = '\(random)' WHERE id = 1")
        try Self.write(harness, random, "new")
        try Self.write(harness, "customers/v1/1/picture.png", "new")
        try Self.write(harness, "customers/v1/1/picture.jpg", "older")
        let report = try Self.migrate(harness)
        #expect(report.renamed == 0 && report.alreadyRandom == 1 && report.leftoversRemoved == 2)
        #expect(harness.storedFiles() == [random])
    }

    @Test("a row changed meanwhile or a failing update keeps the old file and removes the new link")
    func keepsOldFileWhenTheRowIsNotUpdated() throws {
        let root = NSTemporaryDirectory() + "eg-migrate-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/customers/v1/1", withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: root + "/customers/v1/1/picture.png", contents: Data("x".utf8)))

        let changed = try StoredFileMigration(repository: FixedFiles(outcome: .changed), storage: LocalFileStorage(prefix: FileStore.keyPrefix, root: root)).run()
        #expect(changed.changedMeanwhile == 1 && changed.renamed == 0 && changed.refused == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/customers/v1/1") == ["picture.png"])

        #expect(throws: FixedFiles.Failure.self) {
            try StoredFileMigration(repository: FixedFiles(outcome: .fails), storage: LocalFileStorage(prefix: FileStore.keyPrefix, root: root)).run()
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/customers/v1/1") == ["picture.png"])
    }

    /// Customer 1 with an old-style picture and customer 2 with a path leaving FILES_ROOT; the update answers `outcome`.
    struct FixedFiles: StoredFilesRepository {
        enum Outcome { case changed, fails }
        struct Failure: Error {}
        let outcome: Outcome

        func rows(_ column: StoredFileColumn) throws -> [StoredFileRow] {
            column.table == "customers" ? [StoredFileRow(id: 1, path: "customers/v1/1/picture.png"),
                                           StoredFileRow(id: 2, path: "customers/v1/2/../../../etc/passwd")] : []
        }

        func replacePath(_ column: StoredFileColumn, id: Int, from old: String, to new: String) throws -> Bool {
            if outcome == .fails { throw Failure() }
            return false
        }
    }
}
