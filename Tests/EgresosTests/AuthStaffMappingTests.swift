import AppCore
import Dispatch
import Logging
import MariaDB
import Foundation
import HTTPCore
import TestSupport
import Testing
@testable import Egresos

/// egresos.md §10.1 steps 5–6: the token's user (by sub, else by e-mail, then linked) and the route's roles.
@Suite("Egresos staff tokens: user mapping and roles")
struct AuthStaffMappingTests {
    @Test("first use links the user found by e-mail (case-insensitive) without counting a login (only #1 does, §3.1); then the sub finds it")
    func linkByEmail() throws {
        let harness = try EgresosHarness.authProbe()
        let id = try harness.user(email: "Ana@Element.com.mx")
        let first = harness.get("/test/staff", token: harness.staffToken(sub: "auth0|ana", email: "ana@ELEMENT.com.mx"))
        #expect(first.status == 200)
        #expect(first.json?["id"] == .number(String(id)))
        let row = try harness.userRow(id)
        #expect(row.subject == "auth0|ana")
        #expect(row.logins == 0)
        #expect(row.lastLogin == nil)
        // Later tokens find the user by sub, whatever their e-mail says; no login is counted here either.
        let later = harness.get("/test/staff", token: harness.staffToken(sub: "auth0|ana", email: "other@element.com.mx"))
        #expect(later.status == 200)
        #expect(later.json?["id"] == .number(String(id)))
        #expect(try harness.userRow(id).logins == 0)
    }

    @Test("AUTH0_EMAIL_CLAIM names the e-mail claim (a namespaced one), verified by its own <claim>_verified")
    func namespacedClaim() throws {
        let harness = try EgresosHarness.authProbe(extra: ["AUTH0_EMAIL_CLAIM": "https://element.mx/email"])
        let id = try harness.user(email: "ana@element.com.mx")
        let unverified = harness.staffToken(sub: "auth0|ns", email: nil, ["https://element.mx/email": .string("ana@element.com.mx")])
        #expect(harness.get("/test/staff", token: unverified).errorCode == "4031")
        #expect(try harness.userRow(id).subject == nil)
        let token = harness.staffToken(sub: "auth0|ns", email: nil, ["https://element.mx/email": .string("ana@element.com.mx"),
                                                                     "https://element.mx/email_verified": .bool(true)])
        let response = harness.get("/test/staff", token: token)
        #expect(response.status == 200)
        #expect(try harness.userRow(id).subject == "auth0|ns")
    }

    @Test("an unregistered person, even with a company address → 403 4031")
    func unregistered() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx")
        let response = harness.get("/test/staff", token: harness.staffToken(sub: "auth0|x", email: "nadie@element.com.mx"))
        #expect(response.status == 403)
        #expect(response.errorCode == "4031")
        let noEmail = harness.get("/test/staff", token: harness.staffToken(sub: "auth0|x", email: nil))
        #expect(noEmail.status == 403)
        #expect(noEmail.errorCode == "4031")
    }

    @Test("a deleted user → 403 4031, by sub and by e-mail")
    func deleted() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "linked@element.com.mx", subject: "auth0|gone", deleted: true)
        let unlinked = try harness.user(email: "unlinked@element.com.mx", deleted: true)
        for token in [harness.staffToken(sub: "auth0|gone", email: "linked@element.com.mx"),
                      harness.staffToken(sub: "auth0|new", email: "unlinked@element.com.mx")] {
            let response = harness.get("/test/staff", token: token)
            #expect(response.status == 403)
            #expect(response.errorCode == "4031")
        }
        #expect(try harness.userRow(unlinked).subject == nil)
    }

    @Test("an e-mail already linked to another sub → 403 4031, and the link stays")
    func linkedElsewhere() throws {
        let harness = try EgresosHarness.authProbe()
        let id = try harness.user(email: "ana@element.com.mx", subject: "auth0|original")
        let response = harness.get("/test/staff", token: harness.staffToken(sub: "google-oauth2|other", email: "ana@element.com.mx"))
        #expect(response.status == 403)
        #expect(response.errorCode == "4031")
        #expect(try harness.userRow(id).subject == "auth0|original")
    }

    @Test("E7: only email_verified == true links by e-mail; missing, false, \"true\", 1, null → 403 4031, nothing linked",
          arguments: [nil, JSONValue.bool(false), .string("true"), .integer(1), .null, .string("yes")] as [JSONValue?])
    func unverifiedEmail(verified: JSONValue?) throws {
        let harness = try EgresosHarness.authProbe()
        let id = try harness.user(email: "ana@element.com.mx")
        let response = harness.get("/test/staff", token: harness.staffToken(sub: "auth0|u", ["email_verified": verified]))
        #expect(response.status == 403)
        #expect(response.errorCode == "4031")
        #expect(try harness.userRow(id).subject == nil)
        // The same token with the boolean true links.
        #expect(harness.get("/test/staff", token: harness.staffToken(sub: "auth0|u", ["email_verified": .bool(true)])).status == 200)
        #expect(try harness.userRow(id).subject == "auth0|u")
    }

    // An unknown role cannot be stored: sql/egresos/0001_users.sql CHECKs the role list.
    @Test("roles: the listed role and admin pass; others → 403 4031; no roles → any registered user",
          arguments: [("rh", 200), ("admin", 200), ("employee", 403), ("manager", 403), ("account_manager", 403)])
    func roles(role: String, status: Int) throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx", role: role, subject: "auth0|100")
        let response = harness.get("/test/rh", token: harness.staffToken())
        #expect(response.status == status)
        if status == 403 { #expect(response.errorCode == "4031") }
        #expect(harness.get("/test/staff", token: harness.staffToken()).status == 200)
    }

    @Test("the token is verified before the user is looked up: a bad token of a registered user is still refused")
    func verifyFirst() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx", role: "admin", subject: "auth0|100")
        let response = harness.get("/test/rh", token: harness.staffToken(["exp": .integer(harness.now - 3600)]))
        #expect(response.errorCode == "4016")
    }
}

@Suite("Egresos staff tokens: concurrent first use")
struct AuthStaffLinkRaceTests {
    @Test("eight first requests at once: all pass, the user is linked once and one login is counted")
    func concurrentFirstUse() throws {
        let harness = try EgresosHarness.authProbe()
        let id = try harness.user(email: "ana@element.com.mx")
        let token = harness.staffToken(sub: "auth0|race")
        let responder = harness.responder
        let module = harness.module
        let configuration = harness.database.configuration
        let statuses = AuthStatuses()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let connection = MariaDBConnection(configuration: configuration)
            defer { connection.close() }
            let response = TestExchange.send(TestExchange.request(.get, "/test/staff", token: token), to: responder,
                                             context: module.makeContext(connection: connection, logger: Logger(label: "race")))
            statuses.append(response.status)
        }
        #expect(statuses.all == Array(repeating: 200, count: 8))
        let row = try harness.userRow(id)
        #expect(row.subject == "auth0|race")
        #expect(row.logins == 0)
    }
}

/// Statuses collected from several threads.
final class AuthStatuses: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []

    func append(_ status: Int) { lock.withLock { values.append(status) } }

    var all: [Int] { lock.withLock { values } }
}
