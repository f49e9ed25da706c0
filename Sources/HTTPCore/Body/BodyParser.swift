/// Turns a request body into the input tree, choosing the parser by media type.
///
/// No body is an empty object. `application/json` and `*/*+json` (and a body without Content-Type, which
/// browsers and curl often send) are JSON, where an all-whitespace body is an empty object too;
/// `application/x-www-form-urlencoded` and `multipart/form-data` are forms; anything else is
/// `HTTPError.unsupportedMediaType`.
public enum BodyParser {
    /// Parses the body of `request` within `limits`.
    public static func parse(_ request: Request, limits: BodyLimits) throws -> Input {
        guard request.hasBody else { return .object(InputObject()) }
        if let declared = request.body.declaredLength, declared > limits.maxBody {
            throw HTTPError.payloadTooLarge(limit: limits.maxBody)
        }
        let bufferLimit = min(limits.maxBufferedBody, limits.maxBody)
        guard let mediaType = request.mediaType else {
            return try parseJSON(request, request.body.readAll(limit: bufferLimit))
        }
        switch mediaType {
        case "application/json":
            return try parseJSON(request, request.body.readAll(limit: bufferLimit))
        case "application/x-www-form-urlencoded":
            return try URLEncoding.parseForm(request.body.readAll(limit: bufferLimit))
        case "multipart/form-data":
            return try MultipartParser.parse(request.body, contentType: request.headers["Content-Type"] ?? "",
                                             limits: limits)
        default:
            if mediaType.hasSuffix("+json"), mediaType.contains("/") {
                return try parseJSON(request, request.body.readAll(limit: bufferLimit))
            }
            throw HTTPError.unsupportedMediaType(mediaType)
        }
    }

    /// JSON, with an empty or all-whitespace body read as an empty object (and marked blank on the request).
    private static func parseJSON(_ request: Request, _ bytes: [UInt8]) throws -> Input {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            request.bodyIsBlank = true
            return .object(InputObject())
        }
        return try JSONParser.parse(bytes)
    }
}
