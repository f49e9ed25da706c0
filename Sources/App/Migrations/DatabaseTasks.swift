import AppCore
import Egresos
import Logging
import MariaDB

/// The database commands of the CLI (`migrate`, `seed`) over one connection with the module's settings.
public enum DatabaseTasks {
    /// Applies the pending migrations of `directory` (`sql/<module>`); returns a summary for the operator.
    public static func migrate(_ settings: ModuleSettings, directory: String, logger: Logger) throws -> String {
        try withConnection(settings, logger: logger) { connection in
            String(describing: try Migrator(directory: directory, logger: logger).migrate(on: connection))
        }
    }

    /// Runs the development seed of `directory`; returns a summary for the operator.
    public static func seed(_ settings: ModuleSettings, directory: String, logger: Logger) throws -> String {
        try withConnection(settings, logger: logger) { connection in
            String(describing: try Seeder(directory: directory, logger: logger).run(on: connection))
        }
    }

    /// Gives every stored Egresos file without a random part in its name a random one (ruling E8); returns a
    /// summary for the operator. `settings` are Egresos'.
    public static func migrateEgresosFiles(_ settings: ModuleSettings, logger: Logger) throws -> String {
        let module = try EgresosModule(settings: settings, fileStore: CurlS3Client.storageFactory)
        return try withConnection(settings, logger: logger) { connection in
            String(describing: try module.migrateStoredFiles(connection: connection, logger: logger))
        }
    }

    private static func withConnection<T>(_ settings: ModuleSettings, logger: Logger,
                                          _ body: (MariaDBConnection) throws -> T) throws -> T {
        MariaDBLibrary.initialize()
        defer { MariaDBLibrary.shutdown() }
        let connection = MariaDBConnection(configuration: settings.database.mariaDBConfiguration, logger: logger)
        defer { connection.close() }
        try connection.connect()
        return try body(connection)
    }
}
