/// A client-facing Transporte failure in the T1 envelope: status, message and per-field errors.
public struct TransporteError: Error, Equatable, Sendable {
    /// One field's problem, named like `lugares[1].horaEstimadaRetorno`.
    public struct FieldError: Equatable, Sendable {
        /// The field path.
        public let field: String
        /// What is wrong with it.
        public let message: String

        /// A field error from its parts.
        public init(field: String, message: String) {
            self.field = field
            self.message = message
        }
    }

    /// The HTTP status.
    public let status: Int
    /// The top-level message.
    public let message: String
    /// Field errors (may be empty).
    public let errors: [FieldError]

    /// An error from its parts.
    public init(status: Int, _ message: String, errors: [FieldError] = []) {
        self.status = status
        self.message = message
        self.errors = errors
    }

    /// 401 without a bearer token (`WWW-Authenticate: Bearer` is added by the renderer).
    public static let notAuthenticated = TransporteError(status: 401, "No autenticado")
    /// 401 for a token that is forged, malformed, expired or of the wrong kind.
    public static let invalidToken = TransporteError(status: 401, "Token inválido o expirado")
    /// 403 for a caller whose roles, or whose relation to the solicitud, do not allow the action (T5).
    public static let forbidden = TransporteError(status: 403, "No tiene permisos para realizar esta acción")
    /// 400 with the field errors of a request (transporte.md §1.3, T2).
    public static func validation(_ errors: [FieldError]) -> TransporteError {
        TransporteError(status: 400, "Error de validación en los datos enviados", errors: errors)
    }
    /// 400 for a single field (an unknown referenced id, requester = approver, ...): the message is both the
    /// top-level message and the field's.
    public static func field(_ field: String, _ message: String, status: Int = 400) -> TransporteError {
        TransporteError(status: status, message, errors: [FieldError(field: field, message: message)])
    }

    /// 404 for an unknown route.
    public static let routeNotFound = TransporteError(status: 404, "Ruta no encontrada")
    /// 405 for a known path with another method.
    public static let methodNotAllowed = TransporteError(status: 405, "Método no permitido")
    /// 413 for a body over the module's limit (also what nginx answers).
    public static let bodyTooLarge = TransporteError(status: 413, "El cuerpo de la petición excede el tamaño máximo permitido")
    /// 400 for a body that is not valid JSON (transporte.md §1.3, `json_invalid`).
    public static let malformedJSON = TransporteError(status: 400, "El cuerpo de la petición no es un JSON válido")
    /// 400 for a form or multipart body that cannot be parsed.
    public static let malformedBody = TransporteError(status: 400, "El cuerpo de la petición está mal formado")
    /// 400 for a body that ended before its declared length.
    public static let truncatedBody = TransporteError(status: 400, "El cuerpo de la petición está incompleto")
    /// 415 for a body in an encoding the API does not take.
    public static let unsupportedMediaType = TransporteError(status: 415, "Tipo de contenido no soportado")
    /// 503 while the database does not answer.
    public static let serviceUnavailable = TransporteError(status: 503, "Servicio no disponible temporalmente")
    /// 500 for anything unexpected (details go to the log only).
    public static let internalError = TransporteError(status: 500, "Error interno del servidor")
}
