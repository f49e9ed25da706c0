import AppCore
import HTTPCore

/// `/api/usuarios` (all A, monitor.md §4.2, ruling M10): list, get, update, delete. Registered by `AuthRoutes`.
struct UsuarioRoutes {
    func register(in router: inout Router<MonitorContext>) {
        router.add(UsuarioOperations.listUsuarios) { _, context in
            .json(.array(try Self.service(context).list().map(\.json)))
        }
        router.add(UsuarioOperations.getUsuario) { request, context in
            let id = try Self.id(request)
            return .json(try Self.service(context).get(id: id).json)
        }
        router.add(UsuarioOperations.updateUsuario) { request, context in
            let id = try Self.id(request)
            let fields = try FieldDecoder(zone: context.environment.zone).decode(try request.bodyObject(context), AuthFields.update)
            let changes = UsuarioChanges(nombre: fields["nombre"].map { Self.text($0) }, username: Self.text(fields, "username"),
                                         password: Self.text(fields, "password"), rol: Self.text(fields, "rol"))
            let updated = try Self.service(context).update(id: id, changes)
            context.sessionUsers.forget(id)  // this worker sees a new role or password at once
            return .json(updated.json)
        }
        router.add(UsuarioOperations.deleteUsuario) { request, context in
            let id = try Self.id(request)
            try Self.service(context).delete(id: id, caller: try context.caller())
            context.sessionUsers.forget(id)
            return .json(.object([("ok", .bool(true)), ("id", .integer(id))]))
        }
    }

    /// The service over the request's persistence.
    static func service(_ context: MonitorContext) -> UsuarioService {
        UsuarioService(repository: context.persistence.usuarios, logger: context.logger)
    }

    /// The `:id` parameter, or 400 `ID inválido` when it is not a positive integer (`1.0`, `12abc`, `0`).
    static func id(_ request: Request) throws -> Int {
        guard let id = RecordID.positive(request.parameter("id")) else { throw MonitorError.invalidUsuarioID }
        return id
    }

    /// The text of a decoded field; nil when absent or `null`.
    static func text(_ fields: DecodedFields, _ name: String) -> String? {
        fields[name].flatMap { text($0) }
    }

    /// The text of a decoded value; nil for `null`.
    static func text(_ value: FieldValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}
