import Dispatch
import Foundation
import MariaDB
import Testing

extension MariaDBIntegrationTests {
    /// The lock that replicates (`MariaDBLease`): what the migrator, Monitor's backup job and Egresos' admin
    /// bootstrap rely on instead of `GET_LOCK`, which is node-local under Galera.
    @Suite("Leases", .temporaryDatabase("lease"), .serialized)
    struct LeaseTests {
        let connection: MariaDBConnection
        let other: MariaDBConnection

        init() throws {
            connection = try TestDatabase.connect()
            other = try TestDatabase.connect()
            try connection.executeText(MariaDBLease.createTableSQL() + "; DELETE FROM \(MariaDBLease.tableName)")
        }

        private func lease(_ connection: MariaDBConnection, ttl: Int = 60, name: String = "job") -> MariaDBLease {
            MariaDBLease(name: name, connection: connection, ttlSeconds: ttl)
        }

        private func holder(_ name: String = "job") throws -> String? {
            try connection.queryFirst("SELECT holder FROM ventanilla_lease WHERE name = \(name)")?.string("holder")
        }

        @Test("the first claimant holds it; a second is refused, and waiting for it ends refused; its holder may claim again")
        func secondClaimantRefused() throws {
            let first = lease(connection)
            let second = lease(other)
            #expect(try first.tryClaim())
            #expect(try !second.tryClaim())
            #expect(try !second.claim(waitingUpTo: 0.3, pollMilliseconds: 100))
            #expect(try first.tryClaim(), "claiming again is a renewal for the holder")
            #expect(try holder() == first.holder)
            #expect(try lease(other, name: "another").tryClaim(), "names are independent")
        }

        @Test("release frees it for the next claimant; a release by a non-holder changes nothing")
        func release() throws {
            let first = lease(connection)
            let second = lease(other)
            #expect(try first.tryClaim())
            second.release()
            #expect(try holder() == first.holder)
            first.release()
            #expect(try holder() == nil)
            #expect(try second.tryClaim())
            #expect(try holder() == second.holder)
        }

        @Test("an expired lease is taken over; the old holder's renewal then fails, and it cannot release the new one")
        func expiryTakeover() throws {
            // A TTL of 0 s expires at once (server time), so no test waits for a clock.
            let dead = lease(connection, ttl: 0)
            #expect(try dead.tryClaim())
            let next = lease(other)
            #expect(try next.tryClaim())
            #expect(try holder() == next.holder)
            #expect(try !dead.renew())
            dead.release()
            #expect(try holder() == next.holder)
        }

        @Test("renewal extends the expiry by the TTL from the server's now, and keeps others out")
        func renew() throws {
            let held = lease(connection, ttl: 60)
            #expect(try held.tryClaim())
            try connection.execute("UPDATE ventanilla_lease SET expires_at = UTC_TIMESTAMP(6) + INTERVAL 1 SECOND")
            #expect(try held.renew())
            let left = try connection.queryFirst("""
                SELECT TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(6), expires_at) AS s FROM ventanilla_lease WHERE name = 'job'
                """)?.int("s")
            #expect((58...60).contains(left ?? 0), "\(String(describing: left)) s left")
            #expect(try !lease(other).tryClaim())
        }

        @Test("claimants racing on two connections: exactly one holds it")
        func race() throws {
            let configuration = try TestDatabase.configuration()
            let wins = (0..<4).map { _ in LockedBox<Bool>(false) }
            let group = DispatchGroup()
            for index in 0..<4 {
                group.enter()
                Thread {
                    let connection = MariaDBConnection(configuration: configuration)
                    defer { connection.close(); group.leave() }
                    let won = (try? MariaDBLease(name: "race", connection: connection, ttlSeconds: 60).tryClaim()) ?? false
                    wins[index].set(won)
                }.start()
            }
            #expect(group.wait(timeout: .now() + 30) == .success)
            #expect(wins.filter { $0.get() }.count == 1, "\(wins.map { $0.get() })")
        }
    }
}
