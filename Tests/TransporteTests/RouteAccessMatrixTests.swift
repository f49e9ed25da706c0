import HTTPCore
import TestSupport
import Testing
@testable import Transporte

/// The route × role matrix of ruling T12 over every operation the router registers, in the documented form it
/// keeps (`Router.operations`, from each route's one declaration): what the document says of access is what the
/// routes do.
@Suite("Transporte route × role matrix (T12)")
struct RouteAccessMatrixTests {
    /// The seed users and their roles.
    static let users: [(String, TransporteRol)] = [("admin", .admin), ("solicitante1", .solicitante), ("aprobador1", .aprobador)]

    /// `op.path` with every placeholder replaced by an id no row has (T13: an unknown id is a 404 before any 403).
    static func path(_ op: OpenAPIOperation) -> String {
        op.path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("{") ? "999999" : String($0) }.joined(separator: "/")
    }

    @Test("every operation but the open ones is 401 without a token; a role it does not name is 403; one it names never 401, 403 or 5xx")
    func matrix() throws {
        let harness = try TransporteHarness()
        let tokens = try Dictionary(uniqueKeysWithValues: Self.users.map { ($0.0, try harness.token($0.0)) })
        var checked = 0
        for op in OpenAPITests.operations() where op.security != [] {
            let path = Self.path(op)
            let body = op.requestBody == nil ? nil : "{}"
            #expect(harness.call(op.method, path, json: body).status == 401, "\(op.method) \(op.path) without a token")
            for (username, rol) in Self.users {
                let allowed = OpenAPITests.roles(op).map { $0.contains(rol.rawValue) } ?? true
                let status = harness.call(op.method, path, json: body, token: tokens[username]).status
                if allowed {
                    #expect(![401, 403].contains(status) && status < 500, "\(username) \(op.method) \(op.path): \(status)")
                } else {
                    #expect(status == 403, "\(username) \(op.method) \(op.path): \(status)")
                }
            }
            checked += 1
        }
        #expect(checked > 100)
    }
}
