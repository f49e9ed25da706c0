import HTTPCore
import Logging
import MariaDB

/// One module as the FastCGI glue needs it: its frozen responder and how to make a request context on a
/// worker's database connection. Shared by every worker.
struct ModuleEntry<Context: RequestContext>: Sendable {
    let responder: Responder<Context>
    let makeContext: @Sendable (MariaDBConnection, Logger) -> Context
}
