import HTTPCore

/// The registry operations as documented (OpenAPI, `/docs`), from the same field declarations the routes and
/// the answer checks use. Each description says what the registry must answer (ruling T15: we define it).
extension RegistroRoutes {
    /// What every failure of registry `servicio` (`PLACA`, `DUI`) answers.
    static func fallos(_ servicio: String) -> String {
        "Sin TRANSPORTE_\(servicio)_API_URL configurada, o mientras el registro no se consulta tras fallos seguidos "
            + "(TRANSPORTE_REGISTRY_BREAKER_FAILURES, 5; durante TRANSPORTE_REGISTRY_BREAKER_COOLDOWN_SECONDS, 30): 503. Sin respuesta en 10 s (3 s para conectar): 504. "
            + "Servicio caído, o respuesta que no es un 200 con el objeto JSON descrito: 502. 404 del registro: 404"
    }

    /// The JSON object a registry must answer with, listed from its field declarations.
    static func respuesta(_ campos: [Field]) -> String {
        campos.map { $0.key + ($0.required ? " (obligatorio)" : "") }.joined(separator: ", ")
    }

    private static let placaParametro = APIOperation.Parameter(
        name: "placa", location: "path", kind: .plate(maxLength: 20),
        description: "Placa: se normaliza a mayúsculas sin espacios y debe ser una o más letras seguidas de cuatro dígitos o más (400 si no)")
    private static let consulta = OpenAPISchema.record(RegistroCampos.placa.map(\.column) + ["IdClaseVehiculo", "IdVehiculo"])
    private static let placas = fallos("PLACA")
    private static let duis = fallos("DUI")

    /// `GET /vehiculo/consulta-placa/{placa}`.
    static let consultaPlaca = APIOperation(method: .get, path: "/vehiculo/consulta-placa/{placa}", tag: "Vehículo",
                                            summary: "Consulta la placa en el registro externo de placas (GET TRANSPORTE_PLACA_API_URL/{placa}, que responde "
                                                + "200 con {\(respuesta(RegistroCampos.placa))} o 404). Devuelve esos datos en PascalCase, la clase del "
                                                + "catálogo que corresponde a 'clase' (IdClaseVehiculo) y el vehículo activo con esa placa (IdVehiculo), "
                                                + "null si no hay. 403 si TRANSPORTE_PLACA_API_PROPIETARIO_FILTRO no está en el propietario. " + placas,
                                            access: .authenticated, parameters: [placaParametro], success: (200, placaObtenida), data: consulta,
                                            errors: [400, 403, 404, 502, 503, 504])

    /// `POST /vehiculo/crear-por-placa`.
    static let crearPorPlaca = APIOperation(method: .post, path: "/vehiculo/crear-por-placa", tag: "Vehículo",
                                            summary: "Crea el vehículo con los datos del registro externo de placas (los mismos de consulta-placa) y los "
                                                + "del cuerpo, que prevalecen; idClaseVehiculo por defecto: la clase cuyo nombre o código es la 'clase' del "
                                                + "registro (400 si no hay); idEstadoVehiculo por defecto: el primer estado activo que permite asignación. "
                                                + "Mismas reglas que POST /vehiculo (409 placa duplicada; una placa eliminada se reactiva). " + placas,
                                            access: .roles([.admin]), body: RegistroCampos.vehiculo, success: (201, Flota.vehiculo.naming.created),
                                            data: CatalogRoutes.record(Flota.vehiculo), errors: [400, 403, 404, 409, 502, 503, 504])

    /// `POST /motorista/crear-por-dui`.
    static let motoristaPorDUI = APIOperation(method: .post, path: "/motorista/crear-por-dui", tag: "Motoristas",
                                              summary: "Crea el motorista como POST /motorista, con nombres, apellidos y dirección del registro externo de DUI "
                                                  + "(GET TRANSPORTE_DUI_API_URL/{dui}, que responde 200 con {\(respuesta(RegistroCampos.dui))} o 404). " + duis,
                                              access: .roles([.admin]), body: RegistroCampos.motorista, success: (201, "Motorista creado exitosamente"),
                                              data: MotoristaRoutes.creado, errors: [400, 404, 409, 502, 503, 504])

    /// `POST /solicitante/externo/crear-por-dui`.
    static let solicitantePorDUI = APIOperation(method: .post, path: "/solicitante/externo/crear-por-dui", tag: "Solicitantes",
                                                summary: "Crea el solicitante externo como POST /solicitante/externo, con nombres, apellidos y dirección del "
                                                    + "registro externo de DUI (GET TRANSPORTE_DUI_API_URL/{dui}, que responde 200 con "
                                                    + "{\(respuesta(RegistroCampos.dui))} o 404). " + duis,
                                                access: .roles([.admin]), body: RegistroCampos.solicitante, success: (201, SolicitanteService.naming.created),
                                                data: SolicitanteRoutes.registro, errors: [400, 404, 409, 502, 503, 504])
}
