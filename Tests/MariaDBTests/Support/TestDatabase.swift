import Foundation
import MariaDB
import Testing

/// The real MariaDB server the integration tests use, found through the environment that `scripts/test` sets.
enum TestDatabase {
    /// A required environment variable is not set.
    struct MissingEnvironment: Error, CustomStringConvertible {
        let variable: String
        var description: String {
            "\(variable) is not set: run scripts/test, which starts MariaDB (integration tests need a real server)"
        }
    }

    /// The restart command failed.
    struct RestartFailed: Error, CustomStringConvertible {
        let status: Int32
        var description: String { "VENTANILLA_TEST_DB_RESTART failed (status \(status))" }
    }

    /// The temporary database of the running suite (set by the `.temporaryDatabase` trait).
    @TaskLocal static var currentName: String?

    /// The value of a required variable (empty allowed), or a failure naming it.
    static func environment(_ name: String, allowEmpty: Bool = false) throws -> String {
        guard let value = ProcessInfo.processInfo.environment[name], allowEmpty || !value.isEmpty else {
            throw MissingEnvironment(variable: name)
        }
        return value
    }

    /// The configuration for the test server, on `database` (none: no default database).
    static func serverConfiguration(database: String? = nil) throws -> MariaDBConfiguration {
        MariaDBLibrary.initialize()
        return MariaDBConfiguration(
            socket: try environment("VENTANILLA_TEST_DB_SOCKET"),
            user: try environment("VENTANILLA_TEST_DB_USER"),
            password: try environment("VENTANILLA_TEST_DB_PASSWORD", allowEmpty: true),
            database: database,
            readTimeoutSeconds: 60)
    }

    /// The configuration for the running suite's temporary database.
    static func configuration() throws -> MariaDBConfiguration {
        let name = try #require(currentName, "the suite needs the .temporaryDatabase trait")
        return try serverConfiguration(database: name)
    }

    /// A new connection to the running suite's temporary database.
    static func connect() throws -> MariaDBConnection {
        MariaDBConnection(configuration: try configuration())
    }

    /// Runs `VENTANILLA_TEST_DB_RESTART` and waits until it has finished (the server accepts connections).
    static func restartServer() throws {
        try startRestart().wait()
    }

    /// Starts `VENTANILLA_TEST_DB_RESTART` after `delaySeconds` without waiting for it.
    static func startRestart(delaySeconds: Int = 0) throws -> ShellCommand {
        let command = try environment("VENTANILLA_TEST_DB_RESTART")
        return try ShellCommand(delaySeconds > 0 ? "sleep \(delaySeconds); \(command)" : command)
    }
}

/// A `/bin/sh -c` child started with `posix_spawn` and reaped with `waitpid`.
///
/// Not Foundation's `Process`: its exit detection waits for a descriptor that the restarted server (a
/// background grandchild) inherits, so `waitUntilExit` never returns. Here the child also closes every
/// descriptor above stderr, and only the shell's own exit is awaited.
struct ShellCommand {
    let pid: pid_t

    init(_ command: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let openDescriptors = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in openDescriptors.compactMap({ Int32($0) }) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var arguments: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (text: String) in strdup(text) }
        arguments.append(nil)
        var environment: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { (key: String, value: String) in
            strdup("\(key)=\(value)")
        }
        environment.append(nil)
        defer {
            for pointer in arguments + environment { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, "/bin/sh", &actions, nil, arguments, environment)
        guard status == 0 else {
            throw TestDatabase.RestartFailed(status: status)
        }
        self.pid = pid
    }

    /// Waits for the shell to exit; throws unless it exited with status 0.
    func wait() throws {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited && code == 0 else {
            throw TestDatabase.RestartFailed(status: exited ? code : -1)
        }
    }
}

/// Creates a uniquely named database around a whole suite and drops it at the end.
struct TemporaryDatabaseTrait: SuiteTrait, TestScoping {
    let prefix: String

    var isRecursive: Bool { false }

    func provideScope(for test: Test, testCase: Test.Case?,
                      performing function: @Sendable () async throws -> Void) async throws {
        let name = "vt_\(prefix)_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let admin = MariaDBConnection(configuration: try TestDatabase.serverConfiguration())
        try admin.executeText("CREATE DATABASE \(SQLQuery.quoteIdentifier(name)) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        admin.close()
        do {
            try await TestDatabase.$currentName.withValue(name) {
                try await function()
            }
        } catch {
            dropDatabase(name)
            throw error
        }
        dropDatabase(name)
    }

    /// Drops the database on a fresh connection (a test may have restarted the server).
    private func dropDatabase(_ name: String) {
        guard let configuration = try? TestDatabase.serverConfiguration() else { return }
        let admin = MariaDBConnection(configuration: configuration)
        do {
            try admin.executeText("DROP DATABASE IF EXISTS \(SQLQuery.quoteIdentifier(name))")
        } catch {
            Issue.record("could not drop test database \(name): \(String(reflecting: error))")
        }
    }
}

extension Trait where Self == TemporaryDatabaseTrait {
    /// Gives the suite its own database, created before its first test and dropped after its last.
    static func temporaryDatabase(_ prefix: String) -> Self {
        TemporaryDatabaseTrait(prefix: prefix)
    }
}

/// Every suite that talks to the real server, run one test at a time: the recovery tests restart the server.
@Suite("MariaDB integration", .serialized)
struct MariaDBIntegrationTests {}
