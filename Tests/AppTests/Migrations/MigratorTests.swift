import AppCore
import App
import Foundation
import TestSupport
import MariaDB
import Synchronization
import Testing

@Suite("Migrator against a real MariaDB")
struct MigratorTests {
    static let fixtures: [String: String] = [
        "0001_create_tables.sql": """
            -- Tables; this comment has a semicolon; and 'quotes
            CREATE TABLE expedientes (
                no_siniestro VARCHAR(32) NOT NULL PRIMARY KEY,
                estado VARCHAR(32) NOT NULL DEFAULT 'recibido' # estado; inicial
            ) ENGINE = InnoDB;
            CREATE TABLE historial (
                id INT AUTO_INCREMENT PRIMARY KEY,
                no_siniestro VARCHAR(32) NOT NULL,
                estado VARCHAR(32) NOT NULL
            ) ENGINE = InnoDB;
            /* two rows, one with a ; and one with a quote */
            INSERT INTO expedientes (no_siniestro) VALUES ('A;1'), ('B''2');
            """,
        "0002_cambiar_estado.sql": """
            DELIMITER //
            CREATE PROCEDURE cambiar_estado(IN p_no VARCHAR(32), IN p_estado VARCHAR(32))
            BEGIN
                UPDATE expedientes SET estado = p_estado WHERE no_siniestro = p_no;
                INSERT INTO historial (no_siniestro, estado) VALUES (p_no, p_estado);
            END //
            DELIMITER ;
            CALL cambiar_estado('A;1', 'en proceso');
            """,
        "0003_add_nota.sql": "ALTER TABLE expedientes ADD COLUMN nota TEXT NULL;\n",
        "README.md": "Not a migration.",
    ]

    private func migrator(_ directory: MigrationFixtureDirectory) -> Migrator {
        Migrator(directory: directory.path, logger: MigrationTestDatabase.logger)
    }

    private func tableExists(_ table: String, on connection: MariaDBConnection) throws -> Bool {
        let query: SQLQuery = """
            SELECT COUNT(*) AS found FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = \(table)
            """
        return try connection.queryFirst(query)?.int("found") == 1
    }

    private func recordedVersions(on connection: MariaDBConnection) throws -> [Int64] {
        try connection.query("SELECT version FROM schema_migrations ORDER BY version").map { Int64(try $0.int("version")) }
    }

    @Test("a fresh database gets every file in order, recorded with its checksum")
    func freshApply() throws {
        try MigrationTestDatabase.withConnection { (connection, database) throws in
            try MigrationFixtureDirectory.with(Self.fixtures) { (directory) throws in
                let report = try migrator(directory).migrate(on: connection)
                #expect(report.database == database)
                #expect(report.appliedVersions == [1, 2, 3])
                #expect(report.alreadyApplied.isEmpty)
                #expect(report.missingFiles.isEmpty)

                let rows = try connection.query("""
                    SELECT version, name, checksum, applied_at, execution_ms FROM schema_migrations ORDER BY version
                    """)
                #expect(try rows.map { try $0.string("name") }
                        == ["0001_create_tables.sql", "0002_cambiar_estado.sql", "0003_add_nota.sql"])
                #expect(try rows.map { try $0.string("checksum") } == report.applied.map(\.checksum))
                #expect(try rows[1].string("checksum") == Hashing.sha256Hex(Array(Self.fixtures["0002_cambiar_estado.sql"]!.utf8)))
                #expect(try rows.allSatisfy { try $0.int("execution_ms") >= 0 })
                let appliedAt = try rows[0].dateTime("applied_at")
                let now = try #require(try connection.queryFirst("SELECT UTC_TIMESTAMP(6) AS now")).dateTime("now")
                #expect(appliedAt.date == now.date || appliedAt.hour == 23)

                // The procedure with ; in its body was created whole, and the CALL after DELIMITER ; ran.
                let estado = try connection.queryFirst("SELECT estado FROM expedientes WHERE no_siniestro = 'A;1'")
                #expect(try estado?.string("estado") == "en proceso")
                try connection.executeText("CALL cambiar_estado('B''2', 'terminado')")
                #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM historial")?.int("n") == 2)
                #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM expedientes WHERE nota IS NULL")?.int("n") == 2)
            }
        }
    }

    @Test("a second run applies nothing")
    func rerunIsNoOp() throws {
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(Self.fixtures) { (directory) throws in
                _ = try migrator(directory).migrate(on: connection)
                let again = try migrator(directory).migrate(on: connection)
                #expect(again.applied.isEmpty)
                #expect(again.alreadyApplied == [1, 2, 3])
                #expect(again.description.contains("nothing to apply"))
                #expect(try recordedVersions(on: connection) == [1, 2, 3])
                #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM historial")?.int("n") == 1)
            }
        }
    }

    @Test("an edited applied file is refused with both checksums, and nothing else is applied")
    func editedFileRefused() throws {
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(Self.fixtures) { (directory) throws in
                _ = try migrator(directory).migrate(on: connection)
                let original = Hashing.sha256Hex(Array(Self.fixtures["0002_cambiar_estado.sql"]!.utf8))
                let edited = Self.fixtures["0002_cambiar_estado.sql"]! + "\n-- a harmless-looking edit\n"
                try directory.write("0002_cambiar_estado.sql", edited)
                try directory.write("0004_nuevo.sql", "CREATE TABLE nuevo (id INT PRIMARY KEY);")

                let error = #expect(throws: MigrationError.self) { try migrator(directory).migrate(on: connection) }
                guard case .checksumMismatch(let mismatches) = error else {
                    Issue.record("unexpected \(String(describing: error))")
                    return
                }
                #expect(mismatches == [MigrationError.ChecksumMismatch(
                    version: 2, fileName: "0002_cambiar_estado.sql", recorded: original,
                    current: Hashing.sha256Hex(Array(edited.utf8)))])
                let message = String(describing: error!)
                #expect(message.contains("0002_cambiar_estado.sql") && message.contains(original)
                        && message.contains(Hashing.sha256Hex(Array(edited.utf8))))
                #expect(try !tableExists("nuevo", on: connection))
                #expect(try recordedVersions(on: connection) == [1, 2, 3])
            }
        }
    }

    @Test("a new file after the applied ones is applied alone")
    func newFileApplied() throws {
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(Self.fixtures) { (directory) throws in
                _ = try migrator(directory).migrate(on: connection)
                try directory.write("0004_nuevo.sql", "CREATE TABLE nuevo (id INT PRIMARY KEY);\nINSERT INTO nuevo VALUES (1);")
                #expect(try migrator(directory).pending(on: connection).map(\.version) == [4])

                let report = try migrator(directory).migrate(on: connection)
                #expect(report.appliedVersions == [4])
                #expect(report.alreadyApplied == [1, 2, 3])
                #expect(try recordedVersions(on: connection) == [1, 2, 3, 4])
                #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM nuevo")?.int("n") == 1)
                #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM historial")?.int("n") == 1)
            }
        }
    }

    @Test("a failing statement names the file, line and server message and leaves the file unrecorded")
    func failingStatement() throws {
        var files = Self.fixtures
        files["0003_add_nota.sql"] = """
            CREATE TABLE antes (id INT PRIMARY KEY);

            -- the next statement refers to a table that does not exist
            INSERT INTO no_such_table
                VALUES (1);
            CREATE TABLE despues (id INT PRIMARY KEY);
            """
        files["0004_later.sql"] = "CREATE TABLE later (id INT PRIMARY KEY);"
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(files) { (directory) throws in
                let error = #expect(throws: MigrationError.self) { try migrator(directory).migrate(on: connection) }
                guard case .statementFailed(let fileName, let line, let serverError) = error else {
                    Issue.record("unexpected \(String(describing: error))")
                    return
                }
                #expect(fileName == "0003_add_nota.sql")
                #expect(line == 4)
                #expect(serverError.code == 1146)
                let message = String(describing: error!)
                #expect(message.hasPrefix("0003_add_nota.sql line 4: "))
                #expect(message.contains("no_such_table' doesn't exist"))
                #expect(message.contains(String(reflecting: serverError)))
                // Files before it are recorded; it is not, and nothing after it ran.
                #expect(try recordedVersions(on: connection) == [1, 2])
                #expect(try tableExists("antes", on: connection))
                #expect(try !tableExists("despues", on: connection))
                #expect(try !tableExists("later", on: connection))
                #expect(try migrator(directory).pending(on: connection).map(\.version) == [3, 4])
            }
        }
    }

    @Test("a syntax error points at the file line the server complains about")
    func syntaxErrorLine() throws {
        let files = ["0001_bad.sql": "SELECT 1;\n\nCREATE TABLE t (\n    id INT PRIMARY KEY,\n    name VARCHAR(10) NOT NULL DEFAULT,\n    other INT\n);\n"]
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(files) { (directory) throws in
                let error = #expect(throws: MigrationError.self) { try migrator(directory).migrate(on: connection) }
                let message = error.map { String(describing: $0) } ?? ""
                #expect(message.hasPrefix("0001_bad.sql line 3 (error at line 5): "), "\(message)")
                #expect(try recordedVersions(on: connection).isEmpty)
            }
        }
    }

    @Test("misnamed files and duplicate numbers are refused before anything is applied", arguments: [
        ["0001_ok.sql": "CREATE TABLE ok (id INT);", "12_x.sql": "CREATE TABLE x (id INT);"],
        ["0001_ok.sql": "CREATE TABLE ok (id INT);", "0002_a.sql": "CREATE TABLE a (id INT);",
         "0002_b.sql": "CREATE TABLE b (id INT);"],
    ])
    func badNamesRefused(files: [String: String]) throws {
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(files) { (directory) throws in
                let error = #expect(throws: MigrationError.self) { try migrator(directory).migrate(on: connection) }
                switch error {
                case .misnamedFile(let fileName, _)?: #expect(fileName == "12_x.sql")
                case .duplicateVersion(let version, let fileNames)?:
                    #expect(version == 2)
                    #expect(fileNames == ["0002_a.sql", "0002_b.sql"])
                default: Issue.record("unexpected \(String(describing: error))")
                }
                #expect(try !tableExists("ok", on: connection))
                #expect(try !tableExists("schema_migrations", on: connection))
            }
        }
    }

    @Test("a malformed DELIMITER in a later file stops the run before the earlier files are applied")
    func invalidScriptRefusedUpFront() throws {
        let files = ["0001_ok.sql": "CREATE TABLE ok (id INT);", "0002_bad.sql": "SELECT 1;\nDELIMITER\nSELECT 2;"]
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(files) { (directory) throws in
                let error = #expect(throws: MigrationError.self) { try migrator(directory).migrate(on: connection) }
                #expect(error.map { String(describing: $0) }
                        == "0002_bad.sql line 2: DELIMITER must be followed by a 'delimiter' character or string")
                #expect(try !tableExists("ok", on: connection))
            }
        }
    }

    @Test("a recorded migration whose file is gone is a warning in the report, not an error")
    func missingFileWarns() throws {
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(Self.fixtures) { (directory) throws in
                _ = try migrator(directory).migrate(on: connection)
                try directory.remove("0003_add_nota.sql")
                let report = try migrator(directory).migrate(on: connection)
                #expect(report.applied.isEmpty)
                #expect(report.alreadyApplied == [1, 2])
                #expect(report.missingFiles.map(\.version) == [3])
                #expect(report.missingFiles.first?.name == "0003_add_nota.sql")
                #expect(report.description.contains("warning: 0003_add_nota.sql (version 3) is recorded as applied but its file is missing"))
            }
        }
    }

    @Test("pending lists unapplied files without creating anything")
    func pendingIsReadOnly() throws {
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(Self.fixtures) { (directory) throws in
                #expect(try migrator(directory).pending(on: connection).map(\.fileName)
                        == ["0001_create_tables.sql", "0002_cambiar_estado.sql", "0003_add_nota.sql"])
                #expect(try !tableExists("schema_migrations", on: connection))
                _ = try migrator(directory).migrate(on: connection)
                #expect(try migrator(directory).pending(on: connection).isEmpty)
            }
        }
    }

    @Test("a connection without a database is refused")
    func noDatabase() throws {
        let connection = MariaDBConnection(configuration: try MigrationTestDatabase.configuration(),
                                           logger: MigrationTestDatabase.logger)
        defer { connection.close() }
        try MigrationFixtureDirectory.with(Self.fixtures) { (directory) throws in
            let error = #expect(throws: MigrationError.self) { try migrator(directory).migrate(on: connection) }
            guard case .noDatabaseSelected? = error else {
                Issue.record("unexpected \(String(describing: error))")
                return
            }
        }
    }

    @Test("two migrators started together apply each file exactly once")
    func concurrentMigrators() throws {
        var files = Self.fixtures
        files["0004_slow.sql"] = "DO SLEEP(0.3);\nCREATE TABLE slow (id INT PRIMARY KEY);"
        try MigrationTestDatabase.withScratchDatabase { (database) throws in
            try MigrationFixtureDirectory.with(files) { (directory) throws in
                let configuration = try MigrationTestDatabase.configuration(database: database)
                let results = ResultsBox()
                let path = directory.path
                let threads = (0..<2).map { _ in
                    Thread {
                        let connection = MariaDBConnection(configuration: configuration, logger: MigrationTestDatabase.logger)
                        defer { connection.close() }
                        let result = Result {
                            try Migrator(directory: path, logger: MigrationTestDatabase.logger)
                                .migrate(on: connection).appliedVersions
                        }
                        results.mutex.withLock { $0.append(result) }
                    }
                }
                threads.forEach { $0.start() }
                _ = Elapsed.waitUntil(seconds: 60) { results.mutex.withLock { $0.count } >= 2 }
                let applied = try results.mutex.withLock { try $0.map { try $0.get() } }
                #expect(applied.count == 2)
                #expect(applied.sorted { $0.count < $1.count } == [[], [1, 2, 3, 4]])
            }
        }
    }
}

/// Collects what the migrator threads of `concurrentMigrators` returned.
private final class ResultsBox: Sendable {
    let mutex = Mutex<[Result<[Int64], any Error>]>([])
}
