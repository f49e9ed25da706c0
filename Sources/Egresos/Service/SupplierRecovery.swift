/// #28's rule (egresos.md §3.4, ruling 8): at most one recovery mail per supplier per 5 minutes. A request
/// within that window answers as the first did (the caller cannot tell them apart) but writes nothing: no mail is
/// queued, and the token the first mail carries stays valid. Instants are the module's clock.
struct SupplierRecovery {
    /// The shortest time between two recovery mails of one supplier: 5 minutes.
    static let intervalMilliseconds: Int64 = 5 * 60_000

    let repository: any SupplierPortalRepository

    /// Issues a token and queues its mail for supplier `id` unless one went less than 5 minutes before `now`;
    /// returns whether it did. The supplier's row is locked while deciding, so two requests at once queue one mail.
    func request(supplierID id: Int, email: String, settings: EgresosSettings, nowMilliseconds now: Int64) throws -> Bool {
        try repository.transaction {
            guard Self.mayMail(lastMailedAt: try repository.lastRecoveryMail(supplierID: id), now: now) else { return false }
            _ = try repository.issueRecovery(supplierID: id, email: email, settings: settings, nowMilliseconds: now)
            return true
        }
    }

    /// Whether a recovery mail may go at `now` when the last one went at `last`. A `last` after `now` (a clock
    /// set back since) does not hold requests back: a moved clock must not lock a supplier out.
    static func mayMail(lastMailedAt last: Int64?, now: Int64) -> Bool {
        guard let last, last <= now else { return true }
        return now - last >= intervalMilliseconds
    }
}
