import HTTPCore

/// The path parameters of Monitor's routes: the claim number (any text, `/` included when percent-encoded,
/// ruling M12), record ids (a number, else the route's 400) and user ids (a positive INT, else 400).
enum MonitorParameter {
    /// `{no_siniestro}`.
    static let noSiniestro = OpenAPIOperation.Parameter(
        name: "no_siniestro", location: "path", schema: ["type": "string"],
        description: "The claim number of the expediente (e.g. `SIN-2024-001`).")

    /// `{id}` of `/api/usuarios`: digits only, 1 through 2147483647 (`RecordID.positive`).
    static let usuarioID = OpenAPIOperation.Parameter(
        name: "id", location: "path", schema: ["type": "integer", "format": "int32", "minimum": 1, "maximum": 2_147_483_647],
        description: "Numeric id of the user: a positive integer, digits only (`1.0`, `12abc`, `0` are a 400).")

    /// A record id `{name}` of `what` (`RecordID.require`).
    static func recordID(_ name: String, of what: String) -> OpenAPIOperation.Parameter {
        OpenAPIOperation.Parameter(name: name, location: "path", schema: ["type": "integer", "format": "int32"],
                                   description: "Numeric id of the \(what).")
    }
}
