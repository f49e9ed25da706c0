import HTTPCore
import Logging

/// Egresos' error format for non-field errors: `{"code": "<code>", "message": "<text>"}` in the request's language.
struct EgresosErrorRenderer: ErrorRenderer {
    func response(for error: any Error, request: Request, logger: Logger) -> Response {
        let failure = classify(error, logger: logger)
        let language = Language(acceptLanguage: request.headers["Accept-Language"])
        let message = EgresosMessages.code(failure.code, language, values: failure.values)
        return .json(.object([("code", .string(failure.code)), ("message", .string(message))]), status: failure.status)
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
