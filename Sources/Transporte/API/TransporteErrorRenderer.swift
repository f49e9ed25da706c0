import HTTPCore
import Logging

/// Transporte's one error format: the T1 envelope with `success: false`.
struct TransporteErrorRenderer: ErrorRenderer {
    func response(for error: any Error, request: Request, logger: Logger) -> Response {
        var response = Envelope.failure(classify(error, request: request, logger: logger))
        if response.status == 401 {
            response.headers.set("WWW-Authenticate", "Bearer")
        }
        if case HTTPError.methodNotAllowed(let allowed) = error {
            response.headers.set("Allow", allowed.map(\.rawValue).joined(separator: ", "))
        }
        return response
    }

    private func classify(_ error: any Error, request: Request, logger: Logger) -> TransporteError {
        switch error {
        case let failure as TransporteError:
            return failure
        case let failure as HTTPError:
            switch failure {
            case .notFound: return .routeNotFound
            case .methodNotAllowed: return .methodNotAllowed
            case .payloadTooLarge: return .bodyTooLarge
            case .malformedBody(let detail):
                logger.debug("malformed body", metadata: ["detail": "\(detail)"])
                return request.mediaType == "multipart/form-data" || request.mediaType == "application/x-www-form-urlencoded"
                    ? .malformedBody : .malformedJSON
            case .truncatedBody: return .truncatedBody
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
