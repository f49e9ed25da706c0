import AppCore
import Foundation
import TestSupport
import Testing
@testable import Egresos

/// Egresos' auth settings (§14, ruling E4): read once; a missing or unusable value is a clear start-up failure.
@Suite("Egresos auth settings")
struct AuthSettingsTests {
    func settings(_ changes: [String: String?]) throws -> EgresosSettings {
        var values = AuthKeys.values()
        for (key, value) in changes { values[key] = value }
        return try EgresosSettings(environment: Environment(module: .egresos, values: values))
    }

    func failure(_ changes: [String: String?]) -> ConfigurationError? {
        do {
            _ = try settings(changes)
            return nil
        } catch {
            return error as? ConfigurationError
        }
    }

    @Test("defaults: leeway 60, TTL 3600, e-mail claim email, domain element.com.mx; audiences are a comma list")
    func defaults() throws {
        let settings = try settings([:])
        #expect(settings.staffTokens.leeway == 60)
        #expect(settings.staffTokens.issuer == AuthKeys.issuer)
        #expect(settings.staffTokens.audiences == [AuthKeys.audience, AuthKeys.otherAudience])
        #expect(settings.supplierSessionSeconds == 3600)
        #expect(settings.emailClaim == "email")
        #expect(settings.allowedEmailDomains == ["element.com.mx"])
        #expect(settings.privateKeyFile == AuthKeys.privateKeyFile)
        let custom = try self.settings(["JWT_LEEWAY_SECONDS": "5", "SUPPLIER_SESSION_TTL_SECONDS": "600",
                                        "ALLOWED_EMAIL_DOMAINS": "Element.com.mx, element.mx"])
        #expect(custom.staffTokens.leeway == 5)
        #expect(custom.supplierSessionSeconds == 600)
        #expect(custom.allowedEmailDomains == ["element.com.mx", "element.mx"])
    }

    @Test("the EGRESOS_ prefix wins, as for every setting")
    func prefixed() throws {
        var values = AuthKeys.values()
        values["EGRESOS_AUTH0_ISSUER"] = "https://prefixed.test/"
        let settings = try EgresosSettings(environment: Environment(module: .egresos, values: values))
        #expect(settings.staffTokens.issuer == "https://prefixed.test/")
    }

    @Test("required: AUTH0_ISSUER, AUTH0_AUDIENCES, a key file, SUPPLIER_JWT_SECRET",
          arguments: ["AUTH0_ISSUER", "AUTH0_AUDIENCES", "SUPPLIER_JWT_SECRET"])
    func required(variable: String) {
        #expect(failure([variable: nil])?.variable == variable)
        #expect(failure([variable: nil])?.description.contains("is required") == true)
    }

    @Test("no key file, an unreadable or a bad key file → the variable is named")
    func keyFiles() throws {
        #expect(failure(["AUTH0_PUBLIC_KEY_FILE": nil])?.variable == "AUTH0_JWKS_FILE")
        #expect(failure(["AUTH0_PUBLIC_KEY_FILE": "/nonexistent/key.pem"])?.variable == "AUTH0_PUBLIC_KEY_FILE")
        #expect(failure(["AUTH0_PUBLIC_KEY_FILE": AuthKeys.jwksFile])?.variable == "AUTH0_PUBLIC_KEY_FILE")
        #expect(failure(["AUTH0_JWKS_FILE": AuthKeys.publicKeyFile])?.variable == "AUTH0_JWKS_FILE")
        #expect(failure(["AUTH0_JWKS_FILE": "/nonexistent/jwks.json", "AUTH0_PUBLIC_KEY_FILE": nil])?.variable == "AUTH0_JWKS_FILE")
        _ = try settings(["AUTH0_JWKS_FILE": AuthKeys.jwksFile, "AUTH0_PUBLIC_KEY_FILE": nil])
    }

    @Test("a short supplier secret, a bad leeway or TTL are refused")
    func ranges() {
        #expect(failure(["SUPPLIER_JWT_SECRET": "short"])?.variable == "SUPPLIER_JWT_SECRET")
        #expect(failure(["JWT_LEEWAY_SECONDS": "-1"])?.variable == "JWT_LEEWAY_SECONDS")
        #expect(failure(["SUPPLIER_SESSION_TTL_SECONDS": "abc"])?.variable == "SUPPLIER_SESSION_TTL_SECONDS")
    }

    @Test("the module refuses to start without them")
    func module() throws {
        let settings = try ModuleSettings(module: .egresos, values: ["UPLOAD_DIR": NSTemporaryDirectory()])
        #expect(throws: ConfigurationError.self) { try EgresosModule(settings: settings) }
    }
}
