import MariaDB

/// A catalog whose display names the solicitud record shows, kept in memory by `CatalogoNombres` instead of joined
/// (issue 16), each with its column in `VersionCatalogo` (0022; 0026 for `perfil`, the people's names and e-mails).
enum Catalogo: Int, CaseIterable, Sendable {
    case departamento, prioridad, servicio, estadoSolicitud, lugar, estadoMision, vehiculo, perfil

    /// The table, which is also the name of its column in `VersionCatalogo`.
    var tabla: String {
        switch self {
        case .departamento: "Departamento"
        case .prioridad: "TipoPrioridadSolicitud"
        case .servicio: "TipoServicioSolicitud"
        case .estadoSolicitud: "EstadoSolicitud"
        case .lugar: "Lugares"
        case .estadoMision: "EstadoMision"
        case .vehiculo: "Vehiculo"
        case .perfil: "Perfil"
        }
    }

    /// The cached columns (0022's triggers bump the version when one of them changes), each with the column of the
    /// reload statement it is read in (`Ranura`).
    var columnas: [(nombre: String, ranura: Ranura)] {
        switch self {
        case .departamento, .prioridad, .servicio: [("Nombre", .nombre)]
        case .estadoSolicitud: [("Codigo", .codigo), ("Nombre", .nombre), ("Color", .extra), ("EsEstadoFinal", .numero)]
        case .lugar: [("Nombre", .nombre), ("Direccion", .extra)]
        case .estadoMision: [("Codigo", .codigo), ("Nombre", .nombre)]
        case .vehiculo: [("Placa", .codigo)]
        case .perfil: [("Nombre", .nombre), ("Email", .extra)]
        }
    }

    /// The SQL of cached column `nombre` on the catalog's row `alias` (the reload's `c`, or a former join's alias):
    /// the column itself, except a Perfil's name and e-mail, which the record computed (`PerfilSQL`) from the Perfil
    /// and its Usuario (`usuario`, joined by `desde`).
    func expresion(_ nombre: String, _ alias: String, usuario: String) -> String {
        switch (self, nombre) {
        case (.perfil, "Nombre"): PerfilSQL.nombreCompleto(alias)
        case (.perfil, "Email"): PerfilSQL.email(alias, usuario: usuario)
        default: "\(alias).\(nombre)"
        }
    }

    /// What the former LEFT JOIN gave for cached column `campo` without a row (a NULL id, or no such row): NULL,
    /// except a Perfil's name, `CONCAT_WS(' ', NULL, NULL)`, which is '' (a mission without a driver, say).
    func ausente(_ campo: Int) -> SQLValue {
        self == .perfil && columnas[campo].nombre == "Nombre" ? .text("") : .null
    }

    /// The reload's FROM clause: the table as `c`, a Perfil with its Usuario as `u`.
    var desde: String {
        self == .perfil ? "Perfil c LEFT JOIN Usuario u ON u.Id = c.IdUsuario" : "\(tabla) c"
    }

    /// The shared columns of the reload statement's `UNION ALL`. Its arms must agree on each column's collation
    /// (MariaDB refuses to unite utf8mb4_bin with utf8mb4_unicode_ci), so codes and plates (utf8mb4_bin) have a
    /// column of their own, names another, the other texts (unicode_ci) a third, and the one number a fourth.
    enum Ranura: Int, CaseIterable, Sendable {
        case nombre, codigo, extra, numero
    }

    /// The reload statement: per catalog asked for (its bind 1, else 0), its every row (deleted ones too: the joins
    /// never filtered them), after one row of the versions; one statement, so versions and rows are one snapshot.
    /// Columns: `Catalogo` (the raw value; -1 on the versions' row), `Id`, the `Ranura`s, then one version per catalog.
    static let recarga: String = {
        let versiones = allCases.map { "v.\($0.tabla) AS V\($0.rawValue)" }.joined(separator: ", ")
        let sinVersiones = allCases.map { _ in "NULL" }.joined(separator: ", ")
        var arms = ["SELECT -1 AS Catalogo, NULL AS Id, "
            + Ranura.allCases.map { "NULL AS R\($0.rawValue)" }.joined(separator: ", ")
            + ", \(versiones) FROM VersionCatalogo v WHERE v.Id = 1"]
        for catalogo in allCases {
            let ranuras = Ranura.allCases.map { ranura in
                catalogo.columnas.first { $0.ranura == ranura }.map { catalogo.expresion($0.nombre, "c", usuario: "u") } ?? "NULL"
            }
            arms.append("SELECT \(catalogo.rawValue), c.Id, \(ranuras.joined(separator: ", ")), \(sinVersiones) "
                + "FROM \(catalogo.desde) WHERE ? = 1")
        }
        return arms.joined(separator: " UNION ALL ")
    }()

    /// The catalog named by `alias` in the record statement's former joins, with the column holding its id there.
    static let unidos: [String: (catalogo: Catalogo, id: String)] = [
        "d": (.departamento, "s.IdDepartamentoSolicitante"), "tp": (.prioridad, "s.IdTipoPrioridadSolicitud"),
        "ts": (.servicio, "s.IdTipoServicioSolicitud"), "e": (.estadoSolicitud, "s.IdEstadoActual"),
        "l": (.lugar, "dl.IdLugar"), "em": (.estadoMision, "mi.IdEstadoMision"), "lo": (.lugar, "mi.IdLugarOrigen"),
        "ld": (.lugar, "mi.IdLugarDestino"), "v": (.vehiculo, "mi.IdVehiculoAsignado"),
        "ps": (.perfil, "s.IdUsuarioSolicitante"), "pa": (.perfil, "s.IdUsuarioAprobador"),
        "pm": (.perfil, "mi.IdMotoristaAsignado"),
    ]

    /// The Usuario alias the former joins paired with a Perfil alias (`PerfilSQL.email`).
    static let usuarios = ["ps": "us", "pa": "ua", "pm": "um"]

    /// Every cached value as the former joins selected it (`expresion` on their aliases): its catalog, its column
    /// among the catalog's `columnas` and the column holding the row's id.
    static let expresiones: [String: (catalogo: Catalogo, campo: Int, id: String)] = {
        var expresiones: [String: (catalogo: Catalogo, campo: Int, id: String)] = [:]
        for (alias, (catalogo, id)) in unidos {
            for (campo, columna) in catalogo.columnas.enumerated() {
                expresiones[catalogo.expresion(columna.nombre, alias, usuario: usuarios[alias] ?? "")] = (catalogo, campo, id)
            }
        }
        return expresiones
    }()
}

/// One catalog as a process holds it: the version it was read at and each row's cached columns by Id.
struct CatalogoCargado: Sendable {
    /// The `VersionCatalogo` value read with the rows; -1: nothing loaded yet.
    let version: Int64
    /// Per Id, the values of `Catalogo.columnas`, in their order.
    let filas: [Int64: [SQLValue]]

    static let vacio = CatalogoCargado(version: -1, filas: [:])

    /// Column `campo` of row `id`; nil for a NULL id or a row it does not have (`Catalogo.ausente` says what the
    /// LEFT JOIN gave then).
    func valor(_ id: SQLValue, campo: Int) -> SQLValue? {
        guard case .int(let key) = id, let fila = filas[key] else { return nil }
        return fila[campo]
    }
}
