/// A record id in a path: decimal digits that fit an INT column (1...2147483647). Anything else names no
/// record, so routes answer the entity's 404 for it, like for an unknown id (never a 5xx).
import HTTPCore

enum PathID {
    /// The id in path parameter `name` of `request`, or the `notFound` error for the text as sent.
    static func require(_ request: Request, _ name: String, notFound: (String) -> TransporteError) throws -> Int {
        let text = request.parameter(name)
        guard let id = parse(text) else { throw notFound(text) }
        return id
    }

    /// The id `text` spells, or nil.
    static func parse(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 10, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let id = Int(text), (1...2_147_483_647).contains(id) else { return nil }
        return id
    }
}
