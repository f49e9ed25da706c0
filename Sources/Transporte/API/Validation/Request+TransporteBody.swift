import HTTPCore

extension Request {
    /// The JSON (or form) body as an object; any other JSON value is a 400. An empty body is an empty object.
    func bodyObject(_ context: TransporteContext) throws -> InputObject {
        guard let object = try input(limits: context.environment.bodyLimits).objectValue else {
            throw TransporteError(status: 400, "El cuerpo de la petición debe ser un objeto JSON")
        }
        return object
    }
}
