/// Who may call an operation, in the one form the router and the document both read: the security requirement
/// the document states, the route middleware that enforces it, a sentence for the operation's description and
/// the error responses it implies (401 without a token, 403 without the role). Each module defines its own
/// values (Monitor's T/AO/A, Transporte's roles, Egresos' staff and supplier sessions).
public struct OperationAccess<Context: RequestContext>: Sendable {
    /// Security requirement names: nil inherits the document's, `[]` is public, otherwise any of these schemes.
    public let security: [String]?
    /// The route middleware that enforces it, outermost first.
    public let middleware: [any Middleware<Context>]
    /// What the description says of it (appended as its last paragraph; nil: nothing).
    public let note: String?
    /// The error responses it implies, by status (an operation's own response for a status wins).
    public let responses: [(status: Int, response: JSONValue)]

    /// An access rule from its parts.
    public init(security: [String]?, middleware: [any Middleware<Context>], note: String? = nil,
                responses: [(status: Int, response: JSONValue)] = []) {
        self.security = security
        self.middleware = middleware
        self.note = note
        self.responses = responses
    }
}
