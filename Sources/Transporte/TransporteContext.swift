import AppCore
import HTTPCore
import Logging

/// What a Transporte handler sees for one request: id, logger, caller, and the worker's persistence.
public final class TransporteContext: RequestContext {
    /// The request id.
    public var requestID: String = ""
    /// The request's logger.
    public var logger: Logger
    /// The caller, once `TransporteAuth` has accepted the token.
    public internal(set) var identity: TransporteIdentity?
    /// The worker's database access.
    let persistence: TransportePersistence
    /// Health reading from the database.
    let health: any TransporteHealthRepository
    /// Token issuing and verification.
    let tokens: TransporteTokens
    /// Zone, clock and limits.
    let environment: TransporteEnvironment
    /// The worker's memory of the users tokens named.
    let sessionUsers: SessionUsers

    init(logger: Logger, persistence: TransportePersistence, health: any TransporteHealthRepository,
         tokens: TransporteTokens, environment: TransporteEnvironment, sessionUsers: SessionUsers = SessionUsers()) {
        self.logger = logger
        self.persistence = persistence
        self.health = health
        self.tokens = tokens
        self.environment = environment
        self.sessionUsers = sessionUsers
    }
}
