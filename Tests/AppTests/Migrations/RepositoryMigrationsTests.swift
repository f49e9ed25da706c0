import App
import Foundation
import MariaDB
import Testing

/// The repository's own `sql/<module>/` directories (found through `VENTANILLA_TEST_SQL_DIR`).
@Suite("The repository's migrations")
struct RepositoryMigrationsTests {
    /// Every module directory under `VENTANILLA_TEST_SQL_DIR` that holds at least one migration.
    private func moduleDirectories() throws -> [MigrationDirectory] {
        let root = try MigrationTestDatabase.environment("VENTANILLA_TEST_SQL_DIR")
        let names = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        return try names.compactMap { name in
            var isDirectory: ObjCBool = false
            let path = root + "/" + name
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return nil
            }
            let directory = try MigrationDirectory(path: path)
            return directory.files.isEmpty ? nil : directory
        }
    }

    @Test("every module's migrations apply on a fresh database, re-run as a no-op, and its seed runs twice")
    func applyCleanly() throws {
        for directory in try moduleDirectories() {
            try MigrationTestDatabase.withConnection { (connection, _) throws in
                let migrator = Migrator(directory: directory.path, logger: MigrationTestDatabase.logger)
                let versions = directory.files.map(\.version)
                let first = try migrator.migrate(on: connection)
                #expect(first.appliedVersions == versions, "\(directory.path)")
                let second = try migrator.migrate(on: connection)
                #expect(second.applied.isEmpty, "\(directory.path)")
                #expect(second.alreadyApplied == versions, "\(directory.path)")
                // Seeds must be idempotent: a second run must succeed too.
                let seeder = Seeder(directory: directory.path, logger: MigrationTestDatabase.logger)
                _ = try seeder.run(on: connection)
                _ = try seeder.run(on: connection)
            }
        }
    }

    @Test("every module's migrations run unchanged through the mariadb client, to the same schema")
    func sameResultThroughClient() throws {
        for directory in try moduleDirectories() {
            try MigrationTestDatabase.withConnection { migrated, _ in
                _ = try Migrator(directory: directory.path, logger: MigrationTestDatabase.logger).migrate(on: migrated)
                try MigrationTestDatabase.withConnection { viaClient, clientDatabase in
                    for file in directory.files {
                        try runClient(file: file.path, database: clientDatabase)
                    }
                    #expect(try schema(viaClient) == schema(migrated), "\(directory.path)")
                }
            }
        }
    }

    @Test("Galera: after every migration each table of each module (the migrator's included) is InnoDB with a primary key")
    func galeraReadyTables() throws {
        for directory in try moduleDirectories() {
            try MigrationTestDatabase.withConnection { connection, _ in
                _ = try Migrator(directory: directory.path, logger: MigrationTestDatabase.logger).migrate(on: connection)
                let tables = try connection.query("""
                    SELECT t.TABLE_NAME AS name, COALESCE(t.ENGINE, '-') AS engine,
                           EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS c
                                    WHERE c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
                                      AND c.CONSTRAINT_TYPE = 'PRIMARY KEY') AS has_primary_key
                      FROM information_schema.TABLES t
                     WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' ORDER BY t.TABLE_NAME
                    """)
                let names = try tables.map { try $0.string("name") }
                #expect(names.contains(Migrator.tableName) && names.contains(MariaDBLease.tableName), "\(names)")
                // Galera replicates InnoDB rows only, and a table without a primary key replicates slowly and
                // can diverge (MariaDB Galera "known limitations").
                let wrong = try tables.filter { try $0.string("engine") != "InnoDB" || $0.int("has_primary_key") != 1 }
                    .map { "\(try $0.string("name")) \(try $0.string("engine")) pk=\(try $0.int("has_primary_key"))" }
                #expect(wrong.isEmpty, "\(directory.path): \(wrong)")
            }
        }
    }

    /// Runs `mariadb <database> < file` as an operator would.
    private func runClient(file: String, database: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "mariadb", "--no-defaults", "--socket=" + (try MigrationTestDatabase.environment("VENTANILLA_TEST_DB_SOCKET")),
            "--user=" + (try MigrationTestDatabase.environment("VENTANILLA_TEST_DB_USER")), database,
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["MYSQL_PWD"] = try MigrationTestDatabase.environment("VENTANILLA_TEST_DB_PASSWORD", allowEmpty: true)
        process.environment = environment
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "mariadb < \(file): \(message)")
    }

    /// Tables with their columns and row counts, and routines, views and triggers, of the connection's database.
    private func schema(_ connection: MariaDBConnection) throws -> [String] {
        var lines = try connection.query("""
            SELECT CONCAT_WS(' ', TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COALESCE(COLUMN_DEFAULT, '-'),
                             COLUMN_KEY, EXTRA) AS line
            FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()
              AND TABLE_NAME NOT IN (\(Migrator.tableName), \(MariaDBLease.tableName))
            ORDER BY TABLE_NAME, ORDINAL_POSITION
            """).map { try $0.string("line") }
        lines += try connection.query("""
            SELECT CONCAT_WS(' ', ROUTINE_TYPE, ROUTINE_NAME) AS line FROM information_schema.ROUTINES
            WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY ROUTINE_NAME
            """).map { try $0.string("line") }
        lines += try connection.query("""
            SELECT CONCAT_WS(' ', 'TRIGGER', TRIGGER_NAME, EVENT_OBJECT_TABLE) AS line FROM information_schema.TRIGGERS
            WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY TRIGGER_NAME
            """).map { try $0.string("line") }
        let tables = try connection.query("""
            SELECT TABLE_NAME AS name FROM information_schema.TABLES
            WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME
            """).map { try $0.string("name") }
        for table in tables where table != Migrator.tableName && table != MariaDBLease.tableName {
            let count = try connection.queryFirst("SELECT COUNT(*) AS n FROM \(ident: table)")?.int("n") ?? -1
            lines.append("ROWS \(table) \(count)")
        }
        return lines
    }
}
