@testable import Egresos
import AppCore
import HTTPCore
import MariaDB
import TestSupport
import Testing

/// §3.1 and ruling 2 for #1 and #2: only #1 counts a login, from the token's `iat`; each of them writes and reads
/// its answer back in one transaction, so a failure after the write leaves nothing behind.
@Suite("Egresos users: the login of #1 and atomic writes (§3.1, ruling 2)", .serialized)
struct UsersAtomicityTests {
    /// The real repository, failing the read that follows a write (the answer read back), as a lost connection would.
    final class FailingReadBack: UserRepository {
        let base: MariaDBUserRepository
        var wrote = false
        init(_ connection: MariaDBConnection) { base = MariaDBUserRepository(connection: connection) }

        struct Injected: Error {}
        func user(id: Int) throws -> UserRecord? {
            if wrote { throw Injected() }
            return try base.user(id: id)
        }
        func activeUsers() throws -> [UserRecord] { try base.activeUsers() }
        func create(_ user: NewUser) throws -> Int { wrote = true; return try base.create(user) }
        func update(id: Int, _ changes: UserChanges) throws { try base.update(id: id, changes) }
        func softDelete(id: Int, atMilliseconds now: Int64) throws { try base.softDelete(id: id, atMilliseconds: now) }
        func activeAdmins(excluding id: Int) throws -> Int { try base.activeAdmins(excluding: id) }
        func recordProfile(id: Int, issuedAt: Int64?, claims: ProfileClaims) throws {
            wrote = true
            try base.recordProfile(id: id, issuedAt: issuedAt, claims: claims)
        }
        func transaction<T>(_ body: () throws -> T) throws -> T { try base.transaction(body) }
    }

    @Test("the first use of a token on another route links it but counts no login; #1 then counts one, at the token's iat")
    func loginOnlyOnProfile() throws {
        let h = try EgresosHarness(caller: "manager@element.com.mx", language: nil)
        #expect(h.call(.get, "/api/v1/catalogs/concepts").status == 200)
        #expect(h.call(.get, "/api/v1/customers").status == 200)
        let linked = try h.userRow(4003)
        #expect(linked.subject != nil && linked.logins == 0 && linked.lastLogin == nil)
        let profile = h.call(.get, "/api/v1/users/profile").json?["user"]
        #expect(egInt(profile?["logins_count"]) == 1)
        #expect(profile?["last_login"]?.stringValue == "2026-12-01T12:00:00.000Z")
        // Other routes with a newer token still count nothing.
        h.clock.advance(seconds: 60)
        #expect(h.call(.get, "/api/v1/customers", token: h.token("manager@element.com.mx")).status == 200)
        #expect(try h.userRow(4003).logins == 1)
    }

    /// A harness whose admin token is linked already (no login counted), and admin as a caller with `claims`.
    static func linkedAdmin(_ claims: (EgresosHarness) -> InputObject) throws -> (EgresosHarness, StaffIdentity) {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        #expect(h.call(.get, "/api/v1/catalogs/concepts").status == 200)
        let user = StaffUser(id: 4001, subject: nil, email: "admin@element.com.mx", name: "Admin", role: "admin")
        return (h, StaffIdentity(user: user, subject: "auth0|admin@element.com.mx", claims: claims(h)))
    }

    @Test("#1: a failure after recording the login rolls the login and the claims back")
    func profileAtomic() throws {
        let (h, caller) = try Self.linkedAdmin { InputObject([("iat", .number(String($0.now))), ("given_name", .string("Otro"))]) }
        let before = try h.usersSnapshot()
        #expect(throws: FailingReadBack.Injected.self) {
            try UserService(repository: FailingReadBack(h.database.connection)).profile(of: caller)
        }
        #expect(try h.usersSnapshot() == before)
    }

    @Test("#1 answers with the row authentication read (issue 16): no second read of it unless the login or claims change it")
    func profileReadsTheRowOnce() throws {
        let h = try EgresosHarness(caller: "admin@element.com.mx", language: nil)
        #expect(h.call(.get, "/api/v1/users/profile").status == 200)
        let subject = "auth0|admin@element.com.mx"
        let user = try #require(try MariaDBAuthRepository(connection: h.database.connection).activeUser(subject: subject))
        #expect(user.record == (try MariaDBUserRepository(connection: h.database.connection).user(id: 4001)))
        let counted = InputObject([("iat", .number(String(h.now)))])
        let reads = FailingReadBack(h.database.connection)
        reads.wrote = true  // any read of the row now throws
        let same = try UserService(repository: reads).profile(of: StaffIdentity(user: user, subject: subject, claims: counted))
        #expect(same == user.record)
        // A caller without the row (the user the token just linked) reads it.
        let bare = StaffUser(id: 4001, subject: subject, email: "admin@element.com.mx", name: "Admin", role: "admin")
        #expect(throws: FailingReadBack.Injected.self) {
            try UserService(repository: reads).profile(of: StaffIdentity(user: bare, subject: subject, claims: counted))
        }
    }

    @Test("#2: a failure reading the new user back leaves no user behind")
    func createAtomic() throws {
        let (h, caller) = try Self.linkedAdmin { _ in InputObject() }
        let before = try h.usersSnapshot()
        #expect(throws: FailingReadBack.Injected.self) {
            try UserService(repository: FailingReadBack(h.database.connection))
                .create(caller: caller, email: "nuevo@element.com.mx", name: "Nuevo Usuario", jobTitle: "Analista", role: "employee")
        }
        #expect(try h.usersSnapshot() == before)
    }
}
