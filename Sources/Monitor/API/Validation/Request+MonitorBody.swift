import HTTPCore

extension Request {
    /// The JSON (or form) body as an object; any other JSON value is a 400, and so is a missing or empty body
    /// (every Monitor operation that reads a body documents it as `required`; ruling 10), and so is one of
    /// nothing but white space. With `required: false` a
    /// missing body reads as `{}`, for a route whose own answer to `{}` is already its documented 400 (login,
    /// register, create, estado, comentario), so that answer stays the same.
    func bodyObject(_ context: MonitorContext, required: Bool = true) throws -> InputObject {
        guard hasBody || !required else { throw Self.bodyRequired }
        let input = try input(limits: context.environment.bodyLimits)
        // Nothing but white space is as empty as no body.
        guard !(required && bodyIsBlank) else { throw Self.bodyRequired }
        guard let object = input.objectValue else {
            throw MonitorError(status: 400, "El cuerpo de la solicitud debe ser un objeto JSON")
        }
        return object
    }

    /// 400 for a request without the body its operation requires.
    static let bodyRequired = MonitorError(status: 400, "El cuerpo de la solicitud es obligatorio")
}
