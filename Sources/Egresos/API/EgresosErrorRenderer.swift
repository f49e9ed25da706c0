import HTTPCore
import Logging

/// Egresos' error formats (egresos.md §8.3), in the request's language: non-field errors
/// `{"code": "<code>", "message": "<text>"}`; field errors (`EgresosValidationError`)
/// `{"code": <status>, "message": "<HTTP-level text>", "errors": [{"code": <code>, "fields": "<field>", "message": "<text>"}]}`.
struct EgresosErrorRenderer: ErrorRenderer {
    func response(for error: any Error, request: Request, logger: Logger) -> Response {
        let language = Language(acceptLanguage: request.headers["Accept-Language"])
        if let validation = error as? EgresosValidationError {
            return Self.fieldErrors(validation, language)
        }
        let failure = classify(error, logger: logger)
        let message = EgresosMessages.code(failure.code, language, values: failure.values)
        return .json(.object([("code", .string(failure.code)), ("message", .string(message))]), status: failure.status)
    }

    /// The field-error body: HTTP status = the lowest among the failures, numeric codes, the key `fields`.
    static func fieldErrors(_ error: EgresosValidationError, _ language: Language) -> Response {
        let status = error.status
        let items: [JSONValue] = error.failures.map { failure in
            .object([("code", .int(Int64(failure.code))), ("fields", .string(failure.field)),
                     ("message", .string(EgresosMessages.code(String(failure.code), language, values: failure.values)))])
        }
        return .json(.object([("code", .int(Int64(status))), ("message", .string(EgresosMessages.http(status, language))),
                              ("errors", .array(items))]), status: status)
    }

    private func classify(_ error: any Error, logger: Logger) -> EgresosError {
        switch error {
        case let failure as EgresosError:
            return failure
        case let failure as HTTPError:
            switch failure {
            case .notFound, .methodNotAllowed: return .routeNotFound
            case .payloadTooLarge: return .bodyTooLarge
            case .malformedBody(let detail):
                logger.debug("malformed body", metadata: ["detail": "\(detail)"])
                return .malformedBody
            case .truncatedBody: return .malformedBody
            case .unsupportedMediaType: return .unsupportedMediaType
            }
        case let failure as any ClassifiedError where failure.errorClass == .serviceUnavailable:
            logger.error("database unavailable", metadata: ["error": "\(String(reflecting: failure))"])
            return .serviceUnavailable
        default:
            logger.error("internal error", metadata: ["error": "\(String(reflecting: error))"])
            return .internalError
        }
    }
}
