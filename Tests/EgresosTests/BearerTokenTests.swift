import HTTPCore
import Testing
import TestSupport
@testable import Egresos

/// Step 1 of egresos.md §10.1: reading `Authorization: Bearer <jwt>`.
@Suite("Egresos bearer token header")
struct BearerTokenTests {
    func read(_ header: String?) -> String {
        let request = TestExchange.request(.get, "/api/v1/users/profile", headers: header.map { [("Authorization", $0)] } ?? [])
        do {
            return try BearerToken.token(in: request)
        } catch let error as EgresosError {
            return error.code
        } catch {
            return "unexpected \(error)"
        }
    }

    @Test("the token, with blanks around it dropped and the scheme matched case-insensitively")
    func accepted() {
        #expect(read("Bearer aa.bb.cc") == "aa.bb.cc")
        #expect(read("bearer   aa.bb.cc \t ") == "aa.bb.cc")
        #expect(read("BEARER \taa.bb.") == "aa.bb.")
        // Not ASCII, but no white space: the verifier refuses it later, not this step.
        #expect(read("Bearer aa.bé.cc") == "aa.bé.cc")
    }

    @Test("no header → 4014; another scheme, no token, inner white space or not three parts → 4011")
    func refused() {
        #expect(read(nil) == "4014")
        for header in ["Basic aa.bb.cc", "Bearer", "Bearer  \t ", "Bearer aa.bb", "Bearer aa.bb.cc.dd", "Bearer aa.b b.cc",
                       "Bearer aa.bb\u{00A0}.cc", "Bearer aa.bb\u{2003}.cc", "Bearer aa.bb\n.cc", "Bearer aa.bb\u{0B}.cc", "Beareraa.bb.cc"] {
            #expect(read(header) == "4011", "\(header)")
        }
    }
}
