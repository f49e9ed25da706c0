import HTTPCore
import Logging

/// What an Egresos handler sees for one request.
public final class EgresosContext: RequestContext {
    /// The request id.
    public var requestID: String = ""
    /// The request's logger.
    public var logger: Logger
    /// Health reading from the database.
    let health: any EgresosHealthRepository

    init(logger: Logger, health: any EgresosHealthRepository) {
        self.logger = logger
        self.health = health
    }
}
