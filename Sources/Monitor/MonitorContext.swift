import HTTPCore
import Logging

/// What a Monitor handler sees for one request: id, logger, and the repositories on the worker's connection.
public final class MonitorContext: RequestContext {
    /// The request id.
    public var requestID: String = ""
    /// The request's logger.
    public var logger: Logger
    /// Health readings from the database.
    let health: any MonitorHealthRepository

    init(logger: Logger, health: any MonitorHealthRepository) {
        self.logger = logger
        self.health = health
    }
}
