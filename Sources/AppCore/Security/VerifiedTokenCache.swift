import HTTPCore

/// A worker's memory of the tokens it has verified: the whole token text → its claims, so a token presented again
/// skips the base64, JSON and signature work. Only tokens that verified are kept, and a kept token is served only
/// while its own `exp` (and `nbf`) still hold at the request's `now` with the verifier's leeway: outside that window
/// the entry is dropped and the full check runs again (and refuses it). It holds no user state: what the token
/// claims is still checked against the user's current row by the caller (ruling 9, M17).
///
/// Bounded by `capacity` entries, evicted by the CLOCK policy (an approximation of least recently used: a token
/// used since the hand last passed it gets a second chance). Not thread-safe on purpose: each worker owns one,
/// beside its database connection.
public final class VerifiedTokenCache {
    /// Entries per worker: a few thousand sessions, a few MB at most.
    public static let defaultCapacity = 2_048

    private struct Entry {
        var token: String
        var claims: InputObject
        var expires: Double
        var notBefore: Double?
        var leeway: Int
        var used: Bool
    }

    /// The most entries kept.
    public let capacity: Int
    private var slots: [Entry] = []
    private var index: [String: Int] = [:]
    private var hand = 0

    /// An empty cache holding at most `capacity` tokens (at least 1).
    public init(capacity: Int = VerifiedTokenCache.defaultCapacity) {
        self.capacity = max(1, capacity)
    }

    /// How many tokens are kept.
    public var count: Int { slots.count }

    /// Whether `token` is kept (tests).
    public func contains(_ token: String) -> Bool { index[token] != nil }

    /// The claims of `token`: the kept ones when it verified before and `now` (Unix seconds) is still inside its
    /// `exp`/`nbf` window widened by `leeway`; otherwise `verify()`'s, kept when it returns. A failure of
    /// `verify()` is thrown as it is and nothing is kept.
    public func claims<Failure: Error>(of token: String, now: Int, leeway: Int,
                                       verify: () throws(Failure) -> InputObject) throws(Failure) -> InputObject {
        if let slot = index[token] {
            let entry = slots[slot]
            if entry.leeway == leeway && Self.isCurrent(now: now, expires: entry.expires, notBefore: entry.notBefore, leeway: leeway) {
                slots[slot].used = true
                return entry.claims
            }
        }
        let claims = try verify()
        remember(token, claims: claims, now: now, leeway: leeway)
        return claims
    }

    private static func isCurrent(now: Int, expires: Double, notBefore: Double?, leeway: Int) -> Bool {
        guard Double(now) < expires + Double(leeway) else { return false }
        if let notBefore, Double(now) + Double(leeway) < notBefore { return false }
        return true
    }

    /// Keeps a token that has just verified; one without a numeric `exp` (no verifier accepts it) is not kept.
    private func remember(_ token: String, claims: InputObject, now: Int, leeway: Int) {
        guard case .number(let expText)? = claims["exp"], let expires = Double(expText) else { return }
        var notBefore: Double?
        if let nbf = claims["nbf"] {
            guard case .number(let text) = nbf, let seconds = Double(text) else { return }
            notBefore = seconds
        }
        guard Self.isCurrent(now: now, expires: expires, notBefore: notBefore, leeway: leeway) else { return }
        let entry = Entry(token: token, claims: claims, expires: expires, notBefore: notBefore, leeway: leeway, used: false)
        if let slot = index[token] {
            slots[slot] = entry
        } else if slots.count < capacity {
            index[token] = slots.count
            slots.append(entry)
        } else {
            let slot = victim()
            index[slots[slot].token] = nil
            slots[slot] = entry
            index[token] = slot
        }
    }

    /// The CLOCK hand's next slot not used since it last passed (clearing the marks it passes).
    private func victim() -> Int {
        while slots[hand].used {
            slots[hand].used = false
            hand = (hand + 1) % slots.count
        }
        let slot = hand
        hand = (hand + 1) % slots.count
        return slot
    }
}
