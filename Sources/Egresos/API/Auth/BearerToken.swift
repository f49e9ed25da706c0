import AppCore
import HTTPCore

/// Step 1 of egresos.md §10.1 (and §10.2): the token of `Authorization: Bearer <jwt>`. No header → 401 `4014`;
/// another scheme, no token or not three dot-separated parts → 401 `4011`.
enum BearerToken {
    static func token(in request: Request) throws -> String {
        guard let header = request.headers["Authorization"] else { throw EgresosError(code: "4014") }
        let pieces = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard pieces.count == 2, pieces[0].lowercased() == "bearer" else { throw EgresosError(code: "4011") }
        let token = pieces[1].drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
        guard !token.contains(where: \.isWhitespace),
              token.split(separator: ".", omittingEmptySubsequences: false).count == 3 else { throw EgresosError(code: "4011") }
        return String(token)
    }
}

extension RS256Verifier.Failure {
    /// The §9.2 code of the refusal (§10.1 steps 1–4).
    var egresosCode: String {
        switch self {
        case .malformed, .notYetValid, .wrongIssuer, .wrongAudience: "4011"
        case .wrongAlgorithm, .unknownKey, .badSignature: "4033"
        case .expired: "4016"
        case .missingSubject: "4015"
        }
    }
}
