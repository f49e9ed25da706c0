import HTTPCore

/// The four routes of the external registries (transporte.md §2.3, §9; ruling T15): `GET
/// /vehiculo/consulta-placa/{placa}` (any valid token), and the ADMIN creates (T12) `POST /vehiculo/crear-por-placa`,
/// `POST /motorista/crear-por-dui` and `POST /solicitante/externo/crear-por-dui`. The body is checked first (400),
/// then the registry is asked (503, 504, 502, 404), then the resource's own create path runs with the registry's
/// fields and the body's, so its rules, messages and answer are those of the plain create.
struct RegistroRoutes {
    func register(in router: inout Router<TransporteContext>) {
        router.add(Self.consultaPlaca.spec) { request, context in
            let placa = try Self.placa(.string(request.parameter("placa")))
            return Envelope.success(Self.placaObtenida, data: try Self.vehiculos(context).consultar(placa))
        }
        router.add(Self.crearPorPlaca.spec) { request, context in
            var cuerpo = try SolicitanteRoutes.body(request, context, RegistroCampos.vehiculo)
            if let index = cuerpo.values.firstIndex(where: { $0.field.key == "placa" }) {
                cuerpo.values[index].value = .text(try Self.placa(.string(cuerpo.values[index].value.text ?? "")))
            }
            return Envelope.success(Flota.vehiculo.naming.created, data: try Self.vehiculos(context).crear(cuerpo), status: 201)
        }
        router.add(Self.motoristaPorDUI.spec) { request, context in
            let datos = try Self.conDUI(request, context, RegistroCampos.motorista, completando: MotoristaFields.all)
            return Envelope.success("Motorista creado exitosamente", data: try MotoristaRoutes.service(context).crear(datos), status: 201)
        }
        router.add(Self.solicitantePorDUI.spec) { request, context in
            let datos = try Self.conDUI(request, context, RegistroCampos.solicitante, completando: SolicitanteFields.externo)
            return Envelope.success(SolicitanteService.naming.created, data: try SolicitanteRoutes.service(context).crearExterno(datos),
                                    status: 201)
        }
    }

    /// 200 of `consulta-placa` (transporte.md §9.1).
    static let placaObtenida = "Información de placa obtenida exitosamente"

    /// The plate in its normal form (upper-case, no spaces), or 400 naming `placa` when the registry could not
    /// know it (§9.1: letters, then four digits or more).
    static func placa(_ input: Input) throws -> String {
        var decoder = FieldDecoder()
        var object = InputObject()
        object["placa"] = input
        let placa = decoder.decode(object, [Field("placa", .plate(maxLength: 20), required: true)])["placa"]?.text
        try decoder.finish()
        guard let placa, RegistroCampos.esPlacaRegistrable(placa) else {
            throw TransporteError.field("placa", RegistroCampos.placaInvalida)
        }
        return placa
    }

    /// The body checked against `campos` (400 naming every problem; a DUI not `12345678-9` too), the DUI
    /// registry's record of its `dui`, and both merged in the order of `todos` (the body winning).
    static func conDUI(_ request: Request, _ context: TransporteContext, _ campos: [Field], completando todos: [Field]) throws -> Validated {
        let cuerpo = try SolicitanteRoutes.body(request, context, campos)
        let dui = cuerpo["dui"]?.text ?? ""
        guard PerfilFormato.esDUI(dui) else { throw TransporteError.field("dui", PerfilFormato.duiInvalido) }
        let registro = try registro(.dui, context.environment.registries.dui, RegistroCampos.dui, context).consultar(dui)
        var datos = Validated()
        for field in todos {
            if let value = cuerpo[field.key] ?? registro[field.key] { datos.values.append((field, value)) }
        }
        return datos
    }

    static func vehiculos(_ context: TransporteContext) -> VehiculoRegistroService {
        let registries = context.environment.registries
        return VehiculoRegistroService(
            registro: registro(.placa, registries.placa, RegistroCampos.placa, context),
            repository: context.persistence.vehiculoRegistro,
            vehiculos: CatalogService(catalog: Flota.vehiculo, repository: context.persistence.catalogs(zone: context.environment.zone)),
            propietarioFiltro: registries.propietarioFiltro)
    }

    private static func registro(_ tipo: Registro.Tipo, _ transport: (any RegistryTransport)?, _ campos: [Field],
                                 _ context: TransporteContext) -> Registro {
        Registro(tipo: tipo, transport: transport, campos: campos, logger: context.logger)
    }
}
