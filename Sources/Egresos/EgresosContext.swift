import AppCore
import HTTPCore
import Logging

/// What an Egresos handler sees for one request: id, logger, caller, and the worker's persistence.
public final class EgresosContext: RequestContext {
    /// The request id.
    public var requestID: String = ""
    /// The request's logger.
    public var logger: Logger
    /// The staff caller, once `StaffAuth` has accepted the token.
    public internal(set) var staff: StaffIdentity?
    /// The supplier caller, once `SupplierAuth` has accepted the token.
    public internal(set) var supplier: SupplierIdentity?
    /// The worker's database access.
    let persistence: EgresosPersistence
    /// Health reading from the database.
    let health: any EgresosHealthRepository
    /// Token verification and issuing.
    let auth: EgresosAuthentication
    /// The module's body limits. The body-parsing middleware has parsed every routed body with them already;
    /// a context made without them (some tests) can read no body that was not parsed before.
    let bodyLimits: BodyLimits
    /// The tokens this worker verified (their claims only; the users they name are read on every request).
    let verifiedTokens: EgresosVerifiedTokens
    /// The module's bound on profitability reports built at once (a context made without it has its own).
    let reportBuilds: ConcurrencyLimit

    init(logger: Logger, persistence: EgresosPersistence, health: any EgresosHealthRepository, auth: EgresosAuthentication,
         bodyLimits: BodyLimits? = nil, verifiedTokens: EgresosVerifiedTokens = EgresosVerifiedTokens(),
         reportBuilds: ConcurrencyLimit = .perCore()) {
        self.logger = logger
        self.reportBuilds = reportBuilds
        self.verifiedTokens = verifiedTokens
        self.persistence = persistence
        self.health = health
        self.auth = auth
        self.bodyLimits = bodyLimits ?? BodyLimits(maxBody: 0, maxBufferedBody: 0, maxFileSize: 0, uploadDirectory: "/nonexistent")
    }
}
