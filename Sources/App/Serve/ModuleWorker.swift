import FastCGI
import HTTPCore
import Logging
import MariaDB

/// The handler of one worker thread: it owns the thread's database connection and turns each FastCGI
/// exchange into a `Request`, runs the module's responder and writes the `Response`.
final class ModuleWorker<Context: RequestContext>: FastCGIHandler {
    private let entry: ModuleEntry<Context>
    private let connection: MariaDBConnection
    private let logger: Logger
    private var parameters: [(String, String)] = []

    /// Made on the worker thread itself, so the connection never crosses threads.
    init(entry: ModuleEntry<Context>, database: MariaDBConfiguration, breaker: ConnectionBreaker,
         nodeHealth: MariaDBNodeHealth?, logger: Logger) {
        MariaDBLibrary.threadInit()
        self.entry = entry
        self.logger = logger
        connection = MariaDBConnection(configuration: database, logger: logger, breaker: breaker, nodeHealth: nodeHealth)
        parameters.reserveCapacity(40)
    }

    deinit {
        connection.close()
        MariaDBLibrary.threadEnd()
    }

    func handle(_ exchange: FastCGIExchange) {
        // The request, its context and the response are gone once `respond` returns: an outsized exchange's
        // memory is free by then, and given back (AllocatorPolicy) instead of kept by this worker's arena.
        if respond(exchange) {
            AllocatorPolicy.releaseFreeMemory()
        }
    }

    /// Answers one exchange; returns whether it was outsized (`AllocatorPolicy.isOutsized`).
    private func respond(_ exchange: FastCGIExchange) -> Bool {
        parameters.removeAll(keepingCapacity: true)
        exchange.forEachParameter(where: Request.readsCGIParameter) { parameters.append(($0, $1)) }
        let request = Request.fromCGI(parameters) { length in
            RequestBody(declaredLength: length) { exchange.readBody(into: $0) }
        }
        let context = entry.makeContext(connection, logger)
        let response = entry.responder.respond(to: request, context: context)
        request.discardTemporaryFiles()
        if exchange.write(CGIResponse.head(response)) {
            exchange.write(response.body)
        }
        return AllocatorPolicy.isOutsized(requestBodyBytes: request.body.declaredLength, responseBodyBytes: response.body.count)
    }
}
