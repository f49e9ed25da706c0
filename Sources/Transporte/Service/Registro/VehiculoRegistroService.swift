import HTTPCore

/// The plate registry routes (transporte.md §9.1, ruling T15): look a plate up, or create the vehicle from it
/// through the catalog's own create path (`CatalogService.create` over `Flota.vehiculo`: references,
/// uniqueness among active vehicles, reactivation of a deleted one), so the registry is only another source
/// of the same fields. The registry is asked before any transaction starts.
struct VehiculoRegistroService {
    let registro: Registro
    let repository: any VehiculoRegistroRepository
    let vehiculos: CatalogService
    /// `TRANSPORTE_PLACA_API_PROPIETARIO_FILTRO`.
    let propietarioFiltro: String?

    /// The registry's record of `placa` (PascalCase keys, as records are), with the class it maps to
    /// (`IdClaseVehiculo`) and the active vehicle that already has the plate (`IdVehiculo`), each null when none.
    func consultar(_ placa: String) throws -> JSONValue {
        let datos = try consultarRegistro(placa)
        var members = datos.values.map { ($0.field.column, $0.value.json) }
        members.append(("IdClaseVehiculo", try datos["clase"]?.text.flatMap(repository.claseVehiculo).map(JSONValue.integer) ?? .null))
        members.append(("IdVehiculo", try repository.vehiculoActivo(placa: placa).map(JSONValue.integer) ?? .null))
        return .object(members)
    }

    /// Creates (or reactivates) the vehicle of `cuerpo["placa"]` from the registry's fields and the body's, the
    /// body winning; the class defaults to the registry's one, the state to `estadoInicial` (400 naming the
    /// field when there is none).
    func crear(_ cuerpo: Validated) throws -> JSONValue {
        let placa = cuerpo["placa"]?.text ?? ""
        let datos = try consultarRegistro(placa)
        var extra: [String: FieldValue] = [:]
        if cuerpo["idClaseVehiculo"] == nil {
            let clase = datos["clase"]?.text
            guard let id = try clase.flatMap(repository.claseVehiculo) else {
                throw TransporteError.field("idClaseVehiculo", "La clase de vehículo '\(clase ?? "")' de la API externa no existe en el "
                                            + "catálogo; envíe idClaseVehiculo")
            }
            extra["idClaseVehiculo"] = .integer(id)
        }
        if cuerpo["idEstadoVehiculo"] == nil {
            guard let id = try repository.estadoInicial() else {
                throw TransporteError.field("idEstadoVehiculo", "No hay un estado de vehículo activo que permita asignación; envíe idEstadoVehiculo")
            }
            extra["idEstadoVehiculo"] = .integer(id)
        }
        var valores = Validated()
        for field in Flota.vehiculo.fields {
            if let value = cuerpo[field.key] ?? extra[field.key] ?? datos[field.key] { valores.values.append((field, value)) }
        }
        return try vehiculos.create(valores)
    }

    /// The registry's fields for `placa`, refused with 403 when an owner filter is set and the registered owner
    /// does not contain it.
    private func consultarRegistro(_ placa: String) throws -> Validated {
        let datos = try registro.consultar(placa)
        if let filtro = propietarioFiltro,
           !(datos["propietario"]?.text ?? "").lowercased().contains(filtro.lowercased()) {
            throw TransporteError(status: 403, "El vehículo con placa \(placa) no pertenece a la institución")
        }
        return datos
    }
}
