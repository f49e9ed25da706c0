import HTTPCore
import Logging

extension MonitorContext {
    /// `body`'s result, or the route's own 500 `{"error": message}` (the failure logged) when it throws: for the
    /// readings of `/api/logs` and `/api/diagnostico` (monitor.md §4.12, §4.13), whose failures have their own message.
    func reading<T>(_ message: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            logger.error("\(message)", metadata: ["error": "\(String(reflecting: error))"])
            throw MonitorError(status: 500, message)
        }
    }
}
