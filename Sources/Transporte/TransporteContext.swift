import HTTPCore
import Logging

/// What a Transporte handler sees for one request.
public final class TransporteContext: RequestContext {
    /// The request id.
    public var requestID: String = ""
    /// The request's logger.
    public var logger: Logger
    /// Health reading from the database.
    let health: any TransporteHealthRepository

    init(logger: Logger, health: any TransporteHealthRepository) {
        self.logger = logger
        self.health = health
    }
}
