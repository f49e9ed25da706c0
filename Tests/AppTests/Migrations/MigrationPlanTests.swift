import App
import MariaDB
import Testing

@Suite("Migration plans: files against recorded rows")
struct MigrationPlanTests {
    private func file(_ version: Int64, _ contents: String) -> MigrationFile {
        let fileName = "000\(version)_m\(version).sql"
        return MigrationFile(version: version, name: "m\(version)", fileName: fileName, path: "/sql/" + fileName,
                             contents: Array(contents.utf8))
    }

    private func record(_ file: MigrationFile, checksum: String? = nil) -> MigrationRecord {
        MigrationRecord(version: file.version, name: file.fileName, checksum: checksum ?? file.checksum,
                        appliedAt: SQLDateTime(year: 2025, month: 1, day: 1), executionMilliseconds: 3)
    }

    @Test("nothing recorded: everything is pending")
    func fresh() throws {
        let files = [file(1, "a"), file(2, "b")]
        let plan = try MigrationPlan(files: files, records: [])
        #expect(plan.pending == files)
        #expect(plan.alreadyApplied.isEmpty)
        #expect(plan.missingFiles.isEmpty)
    }

    @Test("recorded files with unchanged checksums are already applied; new ones are pending")
    func partlyApplied() throws {
        let files = [file(1, "a"), file(2, "b"), file(3, "c")]
        let plan = try MigrationPlan(files: files, records: [record(files[0]), record(files[1])])
        #expect(plan.pending == [files[2]])
        #expect(plan.alreadyApplied == [1, 2])
    }

    @Test("every changed applied file is reported with both checksums")
    func changedFiles() {
        let files = [file(1, "a"), file(2, "b"), file(3, "c")]
        let records = [record(files[0], checksum: String(repeating: "0", count: 64)), record(files[1]),
                       record(files[2], checksum: String(repeating: "f", count: 64))]
        let error = #expect(throws: MigrationError.self) { try MigrationPlan(files: files, records: records) }
        guard case .checksumMismatch(let mismatches) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(mismatches.map(\.version) == [1, 3])
        #expect(mismatches[0].recorded == String(repeating: "0", count: 64))
        #expect(mismatches[0].current == files[0].checksum)
        let message = error?.description ?? ""
        #expect(message.contains("0001_m1.sql") && message.contains(files[0].checksum))
        #expect(message.contains(String(repeating: "f", count: 64)))
    }

    @Test("recorded versions without a file are listed as missing, not fatal")
    func missingFiles() throws {
        let files = [file(1, "a"), file(2, "b")]
        let gone = file(5, "gone")
        let plan = try MigrationPlan(files: files, records: [record(files[0]), record(gone)])
        #expect(plan.missingFiles.map(\.version) == [5])
        #expect(plan.pending == [files[1]])
    }
}
