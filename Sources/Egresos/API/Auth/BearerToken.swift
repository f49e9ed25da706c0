import AppCore
import HTTPCore

/// Step 1 of egresos.md §10.1 (and §10.2): the token of `Authorization: Bearer <jwt>`. No header → 401 `4014`;
/// another scheme, no token or not three dot-separated parts → 401 `4011`.
enum BearerToken {
    /// The token of `request`'s `Authorization` header, or the refusal.
    static func token(in request: Request) throws -> String {
        guard let header = request.headers["Authorization"] else { throw EgresosError(code: "4014") }
        let pieces = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard pieces.count == 2, pieces[0].lowercased() == "bearer" else { throw EgresosError(code: "4011") }
        // Trimmed by index on the Substring itself: a reversed view of a reversed slice walked every Character
        // of the token through unspecialised generic code and cost more than the RS256 check (scripts/bench).
        let value = pieces[1]
        let isBlank = { (character: Character) in character == " " || character == "\t" }
        guard let start = value.firstIndex(where: { !isBlank($0) }), let end = value.lastIndex(where: { !isBlank($0) }) else {
            throw EgresosError(code: "4011")
        }
        let token = value[start...end]
        guard !Self.containsWhitespace(token),
              token.utf8.lazy.filter({ $0 == UInt8(ascii: ".") }).count == 2 else { throw EgresosError(code: "4011") }
        return String(token)
    }

    /// Whether `text` holds white space; ASCII text (every JWT) is checked byte by byte, without the Unicode
    /// property lookup per Character.
    static func containsWhitespace(_ text: Substring) -> Bool {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return text.contains(where: \.isWhitespace) }
        return bytes.contains { $0 == 0x20 || (0x09...0x0D).contains($0) }
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
