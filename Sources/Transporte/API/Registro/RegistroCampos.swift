/// The JSON we expect from each external registry (ruling T15), and the bodies of the routes that create from
/// them. Every field is a field of the record it fills, declared once where that record's routes declare it
/// (`Flota.vehiculo`, `SolicitanteFields`, `MotoristaFields`), so a registry answer is checked exactly like a
/// client's body: an answer that would not pass as a body is unusable (502).
enum RegistroCampos {
    /// `GET <TRANSPORTE_PLACA_API_URL>/<placa>` answers 200 with this object (404: unknown plate): `placa`
    /// (required, the plate asked for), the vehicle fields it knows, `clase` (the class name, matched to
    /// ClaseVehiculo by name or code) and `propietario` (the registered owner).
    static let placa: [Field] = campos(["placa", "marca", "modelo", "anio", "color", "numeroMotor", "numeroChasis", "numeroVin",
                                        "capacidadPasajeros", "fechaTarjetaCirculacion", "numeroPolizaSeguro",
                                        "fechaVencimientoSeguro"], de: Flota.vehiculo.fields)
        + [Field("clase", .text(minLength: 0, maxLength: 100)), Field("propietario", .text(minLength: 0, maxLength: 250))]

    /// `GET <TRANSPORTE_DUI_API_URL>/<dui>` answers 200 with this object (404: unknown DUI): `dui` (required, the
    /// DUI asked for), names and surnames (`nombre1` and `apellido1` required) and `direccion`.
    static let dui: [Field] = campos(["dui", "nombre1", "nombre2", "nombre3", "apellido1", "apellido2", "apellido3", "direccion"],
                                     de: SolicitanteFields.externo)

    /// `POST /vehiculo/crear-por-placa`: the plate, then every vehicle field the registry does not fill, all
    /// optional (`idClaseVehiculo` defaults to the registry's class, `idEstadoVehiculo` to the first active state
    /// that allows assignment).
    static let vehiculo: [Field] = [Field("placa", .plate(maxLength: 20), required: true)]
        + opcionales(Flota.vehiculo.fields.filter { field in field.key != "placa" && !placa.contains { $0.key == field.key } })

    /// `POST /motorista/crear-por-dui`: the driver's body without what the registry fills.
    static let motorista: [Field] = sinRegistro(MotoristaFields.all)

    /// `POST /solicitante/externo/crear-por-dui`: the external requester's body without what the registry fills.
    static let solicitante: [Field] = sinRegistro(SolicitanteFields.externo)

    /// The 400 of a plate the plate registry cannot know (transporte.md §9.1).
    static let placaInvalida = "La placa debe tener al menos una letra inicial y cuatro dígitos como mínimo."

    /// Whether `placa` (upper-cased, without spaces) is one letter or more followed by four digits or more.
    static func esPlacaRegistrable(_ placa: String) -> Bool {
        let bytes = Array(placa.utf8)
        guard let firstDigit = bytes.firstIndex(where: { (48...57).contains($0) }), firstDigit > 0 else { return false }
        return bytes[..<firstDigit].allSatisfy { (65...90).contains($0) }
            && bytes[firstDigit...].allSatisfy { (48...57).contains($0) } && bytes.count - firstDigit >= 4
    }

    /// The fields of `fields` named by `keys`, in the order of `keys`.
    static func campos(_ keys: [String], de fields: [Field]) -> [Field] {
        keys.compactMap { key in fields.first { $0.key == key } }
    }

    /// `fields` with the ones the DUI registry fills removed (the DUI itself stays, required).
    private static func sinRegistro(_ fields: [Field]) -> [Field] {
        fields.filter { field in field.key == "dui" || !dui.contains { $0.key == field.key } }
    }

    /// `fields`, none required (a `null` stays refused where it was).
    private static func opcionales(_ fields: [Field]) -> [Field] {
        fields.map { Field($0.key, $0.kind, required: false, nullable: $0.nullable, column: $0.column) }
    }
}
