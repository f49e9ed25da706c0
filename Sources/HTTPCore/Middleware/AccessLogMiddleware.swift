import Glibc
import Logging

/// Logs one line per request: method, path, status, duration (the request id comes from the logger metadata).
public struct AccessLogMiddleware<Context: RequestContext>: Middleware {
    /// An access-log step.
    public init() {}

    /// Times the rest of the chain and logs the outcome.
    public func handle(_ request: Request, context: Context, next: Next<Context>) throws -> Response {
        let start = Self.nowNanoseconds()
        let response = try next(request, context)
        let micros = (Self.nowNanoseconds() - start) / 1_000
        context.logger.info("\(request.method) \(request.path) \(response.status) \(Self.milliseconds(micros: micros))")
        return response
    }

    /// `micros` as milliseconds with three decimals and the unit, `12.034ms`.
    static func milliseconds(micros: Int) -> String {
        let fraction = micros % 1_000
        let padding = fraction < 10 ? "00" : fraction < 100 ? "0" : ""
        return "\(micros / 1_000).\(padding)\(fraction)ms"
    }

    static func nowNanoseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return now.tv_sec * 1_000_000_000 + now.tv_nsec
    }
}
