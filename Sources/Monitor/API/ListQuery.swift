import AppCore
import HTTPCore

/// The query parameters of Monitor's list routes (ruling 7): the paging shared by `GET /api/expedientes`,
/// `/api/checklist` and `/api/levantamientos`, and the filters of `/api/expedientes`. Each is declared once here
/// (the OpenAPI `parameters`) and parsed once here; an invalid value is a 400 naming the parameter.
enum ListQuery {
    /// `limit` and `offset`.
    static let paging: [OpenAPIOperation.Parameter] = [
        .init(name: "limit", location: "query",
              schema: ["type": "integer", "minimum": 1, "maximum": .int(Int64(ListPage.maximumLimit))], required: false,
              description: "At most this many items (1 through \(ListPage.maximumLimit), digits only). Absent: all of them (ruling 7)."),
        .init(name: "offset", location: "query",
              schema: ["type": "integer", "minimum": 0, "maximum": .int(Int64(ListPage.maximumOffset))], required: false,
              description: "Skip this many items of the list's order first (digits only). Absent: 0."),
    ]

    /// The filters of `GET /api/expedientes`, then the paging.
    static let expedienteFilters: [OpenAPIOperation.Parameter] = [
        .init(name: "estado", location: "query",
              schema: ["type": "string", "enum": .array(Estado.allCases.map { .string($0.rawValue) })], required: false,
              description: "Only expedientes in this estado (exact name)."),
        .init(name: "aseguradora", location: "query",
              schema: ["type": "integer", "minimum": 1, "maximum": 2_147_483_647], required: false,
              description: "Only expedientes of this aseguradora, by its `id` (as `GET /api/expedientes/aseguradoras` lists them). An unknown id matches nothing."),
        .init(name: "q", location: "query", schema: ["type": "string", "maxLength": .int(Int64(maximumSearch))], required: false,
              description: "Text contained in `no_siniestro`, `placas` or `nombre_cliente`, case-insensitively (`%` and `_` are plain characters). Empty: no filter. At most \(maximumSearch) characters."),
        .init(name: "desde", location: "query",
              schema: ["type": "string", "format": "date", "pattern": datePattern], required: false,
              description: "Only expedientes whose `fecha_ingreso` is on or after this day (`YYYY-MM-DD`, a real calendar day). Expedientes without `fecha_ingreso` are left out."),
        .init(name: "hasta", location: "query",
              schema: ["type": "string", "format": "date", "pattern": datePattern], required: false,
              description: "Only expedientes whose `fecha_ingreso` is on or before this day (`YYYY-MM-DD`, not before `desde`)."),
    ] + paging

    /// The 400 answer of a list route for an invalid query parameter.
    static let invalid400 = (400, MonitorResponse.error("A query parameter is invalid; the message names it.", [
        "limit": "limit inválido: un entero de 1 a \(ListPage.maximumLimit)",
        "estado": "estado inválido: Ingreso, Restauracion, Pendiente_de_salida o Salida",
        "range": "desde no puede ser posterior a hasta",
    ]))

    static let maximumSearch = 100
    private static let datePattern: JSONValue = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

    /// The page asked for by `limit`/`offset`, or nil when neither is sent.
    static func page(_ query: QueryParameters) throws -> ListPage? {
        let limit = try number(query, "limit", 1...ListPage.maximumLimit)
        let offset = try number(query, "offset", 0...ListPage.maximumOffset)
        if limit == nil && offset == nil { return nil }
        return ListPage(limit: limit, offset: offset ?? 0)
    }

    /// The filters and page of `GET /api/expedientes`.
    static func expedienteFiltro(_ query: QueryParameters) throws -> ExpedienteFiltro {
        var filtro = ExpedienteFiltro()
        if let text = query["estado"] {
            guard let estado = Estado(exactly: text) else {
                throw MonitorError(status: 400, "estado inválido: Ingreso, Restauracion, Pendiente_de_salida o Salida")
            }
            filtro.estado = estado
        }
        filtro.aseguradora = try number(query, "aseguradora", 1...2_147_483_647)
        if let text = query["q"] {
            guard text.count <= maximumSearch else { throw MonitorError(status: 400, "q inválido: como máximo \(maximumSearch) caracteres") }
            filtro.q = text.isEmpty ? nil : text
        }
        filtro.desde = try day(query, "desde")
        filtro.hasta = try day(query, "hasta")
        if let desde = filtro.desde, let hasta = filtro.hasta, desde > hasta {
            throw MonitorError(status: 400, "desde no puede ser posterior a hasta")
        }
        filtro.page = try page(query)
        return filtro
    }

    /// A decimal integer of at most nine digits within `range`, or nil when absent.
    private static func number(_ query: QueryParameters, _ name: String, _ range: ClosedRange<Int>) throws -> Int? {
        guard let text = query[name] else { return nil }
        guard (1...10).contains(text.utf8.count), text.utf8.allSatisfy({ (48...57).contains($0) }),
              let value = Int(text), range.contains(value) else {
            throw MonitorError(status: 400, "\(name) inválido: un entero de \(range.lowerBound) a \(range.upperBound)")
        }
        return value
    }

    /// A `YYYY-MM-DD` calendar day, or nil when absent.
    private static func day(_ query: QueryParameters, _ name: String) throws -> CivilDate? {
        guard let text = query[name] else { return nil }
        guard let date = CivilDate(iso: text) else { throw MonitorError(status: 400, "\(name) inválido: una fecha YYYY-MM-DD") }
        return date
    }
}
