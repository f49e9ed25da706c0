import AppCore
import Foundation
import Logging
import MariaDB

/// Starts the bulk job (monitor.md §6.4) on a thread of its own with a connection of its own, which takes the
/// job's lock (`BackupJobLock`) before anything else and holds it to the end. `start` answers once the lock is
/// taken (the progress row then says the job is running) or refused, so the caller's 200 or 409 is the truth.
public final class BackupJobs: Sendable {
    private let database: MariaDBConfiguration

    /// Jobs over connections made from `database` (the module's own settings).
    public init(database: MariaDBConfiguration) {
        self.database = database
    }

    /// Jobs for the module's settings.
    convenience init(settings: DatabaseSettings) {
        self.init(database: settings.mariaDBConfiguration)
    }

    /// What a job does once it holds the lock: runs over the job's connection and returns the error message of a
    /// failed run (nil when it ended well).
    typealias Work = @Sendable (MariaDBConnection) -> String?

    /// Starts `work` when no job runs anywhere: true when it started, false when another one holds the lock.
    /// Throws when the database cannot be reached.
    func start(clock: any Clock, logger: Logger, work: @escaping Work) throws -> Bool {
        let handshake = Handshake()
        let database = self.database
        let thread = Thread {
            MariaDBLibrary.threadInit()
            defer { MariaDBLibrary.threadEnd() }
            let connection = MariaDBConnection(configuration: database, logger: logger)
            defer { connection.close() }
            let repository = MariaDBBackupRepository(connection: connection)
            do {
                guard try BackupJobLock.tryAcquire(connection) else { return handshake.answer(.busy) }
                try repository.startProgress()
            } catch {
                BackupJobLock.release(connection)
                return handshake.answer(.failed(error))
            }
            handshake.answer(.started)
            let failure = work(connection)
            do {
                try repository.finishProgress(at: clock.nowMilliseconds(), error: failure)
            } catch {
                logger.error("Respaldo: no se pudo registrar el fin del trabajo", metadata: ["error": "\(error)"])
            }
            BackupJobLock.release(connection)
        }
        thread.start()
        switch handshake.wait() {
        case .started: return true
        case .busy: return false
        case .failed(let error): throw error
        }
    }

    /// The job thread's first answer to the caller.
    private final class Handshake: @unchecked Sendable {
        enum Answer { case started, busy, failed(any Error) }
        private let condition = NSCondition()
        private var answer: Answer?

        func answer(_ value: Answer) {
            condition.lock()
            answer = value
            condition.broadcast()
            condition.unlock()
        }

        func wait() -> Answer {
            condition.lock()
            defer { condition.unlock() }
            while answer == nil { condition.wait() }
            return answer!
        }
    }
}
