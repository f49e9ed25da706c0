import AppCore
import App
import Testing

@Suite("Migration file names and directories")
struct MigrationDirectoryTests {
    @Test("NNNN_description.sql is a migration", arguments: [
        ("0001_create_tables.sql", Int64(1), "create_tables"),
        ("0042_add-index.sql", 42, "add-index"),
        ("20240131120000_Timestamped.sql", 20_240_131_120_000, "Timestamped"),
    ])
    func migration(fileName: String, version: Int64, name: String) {
        #expect(MigrationDirectory.classify(fileName) == .migration(version: version, name: name))
    }

    @Test("files that are not meant as migrations are ignored", arguments: [
        "README.md", "procedures.sql", "seed", "notes.txt", ".0001_hidden.sql.swp", "0001_backup.sql~", "0001_x.sql.orig",
    ])
    func ignored(fileName: String) {
        #expect(MigrationDirectory.classify(fileName) == .ignored)
    }

    @Test("files that look like migrations but are misnamed are refused", arguments: [
        "12_x.sql", "001_x.sql", "0001.sql", "0001_.sql", "0001-x.sql", "0001_two words.sql", "0001_x.SQL",
        "0001_x.y.sql", "1234567890123456789_too_big.sql",
    ])
    func misnamed(fileName: String) {
        guard case .misnamed = MigrationDirectory.classify(fileName) else {
            Issue.record("\(fileName) was not refused")
            return
        }
    }

    @Test("files load in numeric order with their SHA-256, ignoring subdirectories and other files")
    func loadsInOrder() throws {
        let files = [
            "0010_third.sql": "SELECT 3;", "0002_second.sql": "SELECT 2;", "0001_first.sql": "SELECT 1;",
            "README.md": "# notes", "seed/development.sql": "SELECT 'seed';",
        ]
        try MigrationFixtureDirectory.with(files) { (directory) throws in
            let loaded = try MigrationDirectory(path: directory.path).files
            #expect(loaded.map(\.version) == [1, 2, 10])
            #expect(loaded.map(\.fileName) == ["0001_first.sql", "0002_second.sql", "0010_third.sql"])
            #expect(loaded.map(\.name) == ["first", "second", "third"])
            #expect(loaded[0].checksum == Hashing.sha256Hex(Array("SELECT 1;".utf8)))
            #expect(loaded[0].path == directory.path + "/0001_first.sql")
        }
    }

    @Test("two files with the same number are refused, naming both")
    func duplicateVersion() throws {
        try MigrationFixtureDirectory.with(["0001_a.sql": "SELECT 1;", "00001_b.sql": "SELECT 2;"]) { (directory) throws in
            let error = #expect(throws: MigrationError.self) { try MigrationDirectory(path: directory.path) }
            guard case .duplicateVersion(let version, let fileNames) = error else {
                Issue.record("unexpected \(String(describing: error))")
                return
            }
            #expect(version == 1)
            #expect(fileNames == ["00001_b.sql", "0001_a.sql"])
            #expect(error?.description.contains("0001_a.sql") == true)
        }
    }

    @Test("a missing directory is an error naming it")
    func missingDirectory() {
        let error = #expect(throws: MigrationError.self) { try MigrationDirectory(path: "/nonexistent/sql/monitor") }
        #expect(error?.description == "migration directory /nonexistent/sql/monitor does not exist")
    }
}
