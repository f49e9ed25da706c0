import Foundation
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// Ruling T16 against a real MariaDB: a lock wait timeout (1205) and a deadlock (1213) provoked between two
/// connections are retried with backoff, at most five attempts, and the worst case stays under nginx's
/// `fastcgi_read_timeout`.
@Suite("T16: transactions retry 1213 and 1205 with backoff", .serialized)
struct TransactionRetryTests {
    /// What concurrent transactions report (attempt numbers, outcomes).
    final class Seen<Value>: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [Value] = []
        func record(_ value: Value) { lock.withLock { values.append(value) } }
        var all: [Value] { lock.withLock { values } }
    }

    /// Holds `Rol` row 1 locked from a connection of its own for `seconds`, then commits.
    static func holdLock(_ harness: TransporteHarness, seconds: Double) throws -> DispatchSemaphore {
        try harness.holdLock("SELECT Id FROM Rol WHERE Id = 1 FOR UPDATE", seconds: seconds)
    }

    @Test("a lock wait timeout reruns the whole transaction, which then gets the lock")
    func lockWait() throws {
        let harness = try TransporteHarness()
        let released = try Self.holdLock(harness, seconds: 1.5)
        var attempts: [Int] = []
        let retry = TransactionRetry(connection: harness.connection, lockWaitSeconds: 1)
        let (locked, seconds) = try Elapsed.measure {
            try retry.run(onAttempt: { attempts.append($0) }) {
                try harness.connection.queryFirst("SELECT Id FROM Rol WHERE Id = 1 FOR UPDATE")?.int("Id")
            }
        }
        released.wait()
        #expect(locked == 1 && attempts == [1, 2])
        #expect(seconds >= 1.0 && seconds < 3.0, "\(seconds) s")
    }

    @Test("after five lock wait timeouts the error stands, within five waits and the backoffs")
    func exhausted() throws {
        let harness = try TransporteHarness()
        let released = try Self.holdLock(harness, seconds: 7)
        var attempts: [Int] = []
        let retry = TransactionRetry(connection: harness.connection, lockWaitSeconds: 1)
        let (error, seconds) = Elapsed.measure {
            #expect(throws: MariaDBError.self) {
                try retry.run(onAttempt: { attempts.append($0) }) {
                    _ = try harness.connection.execute("UPDATE Rol SET Nombre = 'Otro' WHERE Id = 1")
                }
            }
        }
        released.wait()
        #expect(error?.kind == .lockWaitTimeout)
        #expect(attempts == [1, 2, 3, 4, 5])
        #expect(seconds >= 5.0 && seconds < 5.0 + 0.4 + 1.0, "\(seconds) s")
        #expect(try harness.count("SELECT COUNT(*) FROM Rol WHERE Nombre = 'Otro'") == 0)
    }

    @Test("a deadlock between two transactions: the victim is rerun and both commit")
    func deadlock() throws {
        let harness = try TransporteHarness()
        let connections = [harness.connection, MariaDBConnection(configuration: harness.configuration)].map(ConexionCompartida.init)
        let attempts = Seen<Int>()
        let ready = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        let outcomes = Seen<String>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let connection = connections[index].connection
            let (first, second) = index == 0 ? (1, 2) : (2, 1)
            do {
                try TransactionRetry(connection: connection).run(onAttempt: attempts.record) {
                    _ = try connection.execute("UPDATE Lugares SET Observaciones = \("T\(index)") WHERE Id = \(first)")
                    if attempts.all.count <= 2 {
                        // First attempts only: each holds its first row before either asks for its second.
                        ready[index].signal()
                        ready[1 - index].wait()
                    }
                    _ = try connection.execute("UPDATE Lugares SET Observaciones = \("T\(index)") WHERE Id = \(second)")
                }
                outcomes.record("committed")
            } catch {
                outcomes.record("\(error)")
            }
        }
        connections[1].connection.close()
        #expect(outcomes.all == ["committed", "committed"])
        #expect(attempts.all.sorted() == [1, 1, 2], "one victim, rerun once")
        #expect(try harness.count("SELECT COUNT(DISTINCT Observaciones) FROM Lugares WHERE Id IN (1, 2)") == 1)
    }

    @Test("inside a transaction already open the body just joins it: only its owner reruns it")
    func nested() throws {
        let harness = try TransporteHarness()
        var attempts: [Int] = []
        let retry = TransactionRetry(connection: harness.connection)
        try harness.connection.transaction {
            _ = try retry.run(onAttempt: { attempts.append($0) }) { 1 }
        }
        #expect(attempts.isEmpty)
    }

    @Test("backoff: jittered, doubling from 25 ms; the worst case answers before nginx's fastcgi_read_timeout")
    func bounds() throws {
        for attempt in 1...4 {
            let ceiling = TransactionRetry.baseDelayMilliseconds << (attempt - 1) * 1000
            let delays = (0..<200).map { _ in TransactionRetry.delayMicroseconds(after: attempt) }
            #expect(delays.allSatisfy { (ceiling / 2...ceiling).contains($0) })
            #expect(Set(delays).count > 1, "jittered")
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let params = try String(contentsOf: root.appendingPathComponent("nginx/http.conf"), encoding: .utf8)
        let line = try #require(params.split(separator: "\n").first { $0.hasPrefix("fastcgi_read_timeout") })
        let timeout = try #require(Double(line.split(separator: " ").last?.dropLast(2) ?? ""))
        let connection = MariaDBConnection(configuration: MariaDBConfiguration(socket: "/nonexistent", user: "none"))
        let worst = TransactionRetry(connection: connection, lockWaitSeconds: TransactionRetry.maximumLockWaitSeconds)
        #expect(worst.attempts == 5)
        #expect(worst.worstCaseSeconds < timeout - 5, "\(worst.worstCaseSeconds) s against \(timeout) s")
    }
}
