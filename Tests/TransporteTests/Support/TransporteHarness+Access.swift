import HTTPCore
import TestSupport
import Testing
@testable import Transporte

extension TransporteHarness {
    /// The T12 matrix of ADMIN-written, token-read routes: without a token every route is 401; a SOLICITANTE
    /// and an APROBADOR read (200) and are refused every write (403).
    func expectAdminWritesTokenReads(_ routes: [(HTTPMethod, String, String?)], sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (method, path, json) in routes {
            #expect(call(method, path, json: json).status == 401, "\(method) \(path)", sourceLocation: sourceLocation)
            for username in ["solicitante1", "aprobador1"] {
                let response = call(method, path, json: json, token: try token(username))
                #expect(response.status == (method == .get ? 200 : 403), "\(username) \(method) \(path)", sourceLocation: sourceLocation)
            }
        }
    }
}
