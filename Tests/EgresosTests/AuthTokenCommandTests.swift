import App
import AppCore
import HTTPCore
import Logging
import TestSupport
import Testing
@testable import Egresos

/// `ventanilla token egresos` (ruling E2): the local stack mints staff tokens the middleware accepts.
@Suite("Egresos: the local staff token command")
struct AuthTokenCommandTests {
    func settings(_ harness: EgresosHarness, _ extra: [String: String] = [:]) throws -> ModuleSettings {
        try TestEnvironment.settings(.egresos, database: harness.database.name, extra: AuthKeys.values().merging(extra) { $1 })
    }

    @Test("a token for a registered e-mail is accepted and links the user to local|<email>")
    func minted() throws {
        let harness = try EgresosHarness.authProbe()
        let id = try harness.user(email: "ana@element.com.mx", role: "rh")
        let minted = try StaffTokenTask.mint(try settings(harness), email: " Ana@Element.com.mx ", lifetime: 600,
                                             clock: harness.clock, logger: Logger(label: "t"))
        #expect(minted.warning == nil)
        #expect(minted.subject == "local|ana@element.com.mx")
        let response = harness.get("/test/rh", token: minted.token)
        #expect(response.status == 200)
        #expect(response.json?["id"] == .number(String(id)))
        #expect(try harness.userRow(id).subject == "local|ana@element.com.mx")
        let claims = try harness.module.egresos.staffTokens.verify(minted.token, now: harness.now)
        #expect(claims["iss"] == .string(AuthKeys.issuer))
        #expect(claims["aud"] == .string(AuthKeys.audience))
        #expect(claims["email"] == .string("ana@element.com.mx"))
        #expect(claims["exp"] == .number(String(harness.now + 600)))
        #expect(claims["email_verified"] == .bool(true))
        // Expired after its lifetime (plus the leeway).
        harness.clock.advance(seconds: 600 + 61)
        #expect(harness.get("/test/rh", token: minted.token).errorCode == "4016")
    }

    @Test("a user already linked to a real sub gets a token with that sub")
    func linkedUser() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx", subject: "auth0|real")
        let minted = try StaffTokenTask.mint(try settings(harness), email: "ana@element.com.mx", clock: harness.clock,
                                             logger: Logger(label: "t"))
        #expect(minted.subject == "auth0|real")
        #expect(harness.get("/test/staff", token: minted.token).status == 200)
    }

    @Test("an unregistered or deleted e-mail is refused with a clear message")
    func unknownUser() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "gone@element.com.mx", deleted: true)
        for email in ["nadie@element.com.mx", "gone@element.com.mx"] {
            #expect(throws: StaffTokenTask.Failure.unknownUser(email)) {
                try StaffTokenTask.mint(try settings(harness), email: email, clock: harness.clock, logger: Logger(label: "t"))
            }
        }
        #expect(StaffTokenTask.Failure.unknownUser("x@y.z").description.contains("no active egresos user"))
    }

    @Test("without a database the token is minted with a warning")
    func noDatabase() throws {
        let harness = try EgresosHarness.authProbe()
        let minted = try StaffTokenTask.mint(try settings(harness, ["DB_SOCKET": "/nonexistent/mysqld.sock"]),
                                             email: "ana@element.com.mx", clock: harness.clock, logger: Logger(label: "t"))
        #expect(minted.warning?.contains("not reachable") == true)
        #expect(try harness.module.egresos.staffTokens.verify(minted.token, now: harness.now)["sub"] == .string("local|ana@element.com.mx"))
    }

    @Test("refusals: no private key, a key that is not the configured pair, a bad e-mail or lifetime, another module")
    func refusals() throws {
        let harness = try EgresosHarness.authProbe()
        try harness.user(email: "ana@element.com.mx")
        let logger = Logger(label: "t")
        #expect(throws: StaffTokenTask.Failure.noPrivateKey) {
            try StaffTokenTask.mint(try settings(harness, ["AUTH0_PRIVATE_KEY_FILE": ""]), email: "ana@element.com.mx", logger: logger)
        }
        #expect(throws: StaffTokenTask.Failure.unusablePrivateKey(AuthKeys.publicKeyFile)) {
            try StaffTokenTask.mint(try settings(harness, ["AUTH0_PRIVATE_KEY_FILE": AuthKeys.publicKeyFile]), email: "ana@element.com.mx",
                                    logger: logger)
        }
        do {
            _ = try StaffTokenTask.mint(try settings(harness, ["AUTH0_PRIVATE_KEY_FILE": AuthKeys.strangerKeyFile]),
                                        email: "ana@element.com.mx", logger: logger)
            Issue.record("a foreign key minted a token")
        } catch let failure as StaffTokenTask.Failure {
            #expect(failure.description.contains("AUTH0_PUBLIC_KEY_FILE"))
        }
        #expect(throws: StaffTokenTask.Failure.badEmail("ana")) {
            try StaffTokenTask.mint(try settings(harness), email: "ana", logger: logger)
        }
        #expect(throws: StaffTokenTask.Failure.badLifetime) {
            try StaffTokenTask.mint(try settings(harness), email: "ana@element.com.mx", lifetime: 10, logger: logger)
        }
        let monitor = try ModuleSettings(module: .monitor, values: [:])
        #expect(throws: StaffTokenTask.Failure.notAvailable(.monitor)) {
            try StaffTokenTask.mint(monitor, email: "ana@element.com.mx", logger: logger)
        }
    }
}
