/// A client-facing Monitor failure: a status and the Spanish message clients match byte for byte.
public struct MonitorError: Error, Equatable, Sendable {
    /// The HTTP status.
    public let status: Int
    /// The message, sent as `{"error": message}`.
    public let message: String

    /// An error from its parts.
    public init(status: Int, _ message: String) {
        self.status = status
        self.message = message
    }

    /// 404 for any unknown route (ruling M10).
    public static let routeNotFound = MonitorError(status: 404, "Ruta no encontrada")
    /// 405 for a known path with another method.
    public static let methodNotAllowed = MonitorError(status: 405, "Método no permitido")
    /// 413 for a body over the module's limit (also what nginx answers).
    public static let bodyTooLarge = MonitorError(status: 413, "El cuerpo de la solicitud excede el límite permitido")
    /// 400 for a body that is not valid JSON.
    public static let malformedJSON = MonitorError(status: 400, "El cuerpo de la solicitud no es JSON válido")
    /// 400 for a form or multipart body that cannot be parsed.
    public static let malformedBody = MonitorError(status: 400, "El cuerpo de la solicitud está mal formado")
    /// 400 for a body that ended before its declared length.
    public static let truncatedBody = MonitorError(status: 400, "El cuerpo de la solicitud está incompleto")
    /// 415 for a body in an encoding the route does not take.
    public static let unsupportedMediaType = MonitorError(status: 415, "Tipo de contenido no soportado")
    /// 503 while the database does not answer.
    public static let serviceUnavailable = MonitorError(status: 503, "Servicio no disponible")
    /// 500 for anything unexpected (details go to the log only).
    public static let internalError = MonitorError(status: 500, "Error interno del servidor")
}
