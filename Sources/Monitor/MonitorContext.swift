import AppCore
import HTTPCore
import Logging

/// What a Monitor handler sees for one request: id, logger, caller, and the worker's persistence.
public final class MonitorContext: RequestContext {
    /// The request id.
    public var requestID: String = ""
    /// The request's logger.
    public var logger: Logger
    /// The caller, once `MonitorAuth` has accepted the token.
    public internal(set) var identity: MonitorIdentity?
    /// The worker's database access.
    let persistence: MonitorPersistence
    /// Health readings from the database.
    let health: any MonitorHealthRepository
    /// Token issuing and verification.
    let tokens: MonitorTokens
    /// The module's settings that handlers need (time zone, directories, limits).
    let environment: MonitorEnvironment
    /// The worker's memory of the users tokens named.
    let sessionUsers: SessionUsers

    init(logger: Logger, persistence: MonitorPersistence, health: any MonitorHealthRepository, tokens: MonitorTokens,
         environment: MonitorEnvironment, sessionUsers: SessionUsers = SessionUsers()) {
        self.logger = logger
        self.persistence = persistence
        self.health = health
        self.tokens = tokens
        self.environment = environment
        self.sessionUsers = sessionUsers
    }
}
