import App
import MariaDB
import Testing

@Suite("Seeder against a real MariaDB")
struct SeederTests {
    static let files = [
        "0001_tables.sql": "CREATE TABLE aseguradoras (id INT AUTO_INCREMENT PRIMARY KEY, nombre VARCHAR(64) NOT NULL UNIQUE);",
        "seed/development.sql": """
            -- idempotent by construction
            INSERT IGNORE INTO aseguradoras (nombre) VALUES ('AXA'), ('HDI'), ('Qualitas');
            DELIMITER $$
            CREATE OR REPLACE PROCEDURE contar(OUT total INT)
            BEGIN
                SELECT COUNT(*) INTO total FROM aseguradoras;
            END $$
            DELIMITER ;
            """,
    ]

    @Test("runs the development seed with the script splitter, as often as asked")
    func runsSeed() throws {
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(Self.files) { (directory) throws in
                _ = try Migrator(directory: directory.path, logger: MigrationTestDatabase.logger).migrate(on: connection)
                let seeder = Seeder(directory: directory.path, logger: MigrationTestDatabase.logger)
                let first = try seeder.run(on: connection)
                let second = try seeder.run(on: connection)
                #expect(first == SeedReport(path: directory.path + "/seed/development.sql", fileExists: true, statementCount: 2))
                #expect(second == first)
                #expect(try connection.queryFirst("SELECT COUNT(*) AS n FROM aseguradoras")?.int("n") == 3)
                try connection.executeText("CALL contar(@total)")
                #expect(try connection.queryFirst("SELECT @total AS total")?.int("total") == 3)
            }
        }
    }

    @Test("a module without a seed file has nothing to seed")
    func noSeedFile() throws {
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(["0001_tables.sql": "SELECT 1;"]) { (directory) throws in
                let report = try Seeder(directory: directory.path, logger: MigrationTestDatabase.logger).run(on: connection)
                #expect(!report.fileExists)
                #expect(report.statementCount == 0)
            }
        }
    }

    @Test("a failing seed statement names the seed file and line")
    func failingSeed() throws {
        try MigrationTestDatabase.withConnection { (connection, _) throws in
            try MigrationFixtureDirectory.with(["seed/development.sql": "SELECT 1;\nINSERT INTO nowhere VALUES (1);"]) { (directory) throws in
                let error = #expect(throws: MigrationError.self) {
                    try Seeder(directory: directory.path, logger: MigrationTestDatabase.logger).run(on: connection)
                }
                #expect(error.map { String(describing: $0) }?.hasPrefix("seed/development.sql line 2: ") == true)
            }
        }
    }
}
