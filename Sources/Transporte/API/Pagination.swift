import HTTPCore

/// The list conventions of transporte.md §1.4: `pagina` (default 1, ≥ 1) and `por_pagina` (default 10,
/// 1..100) in the query; the page as `{"total", "pagina", "porPagina", "registros"}`.
struct Pagination: Sendable, Equatable {
    /// The query fields; add them to a list's filter fields so one decoder reports every problem.
    static let fields = [Field("pagina", .integer(1...1_000_000_000)), Field("por_pagina", .integer(1...100))]

    /// The page number (1-based).
    let pagina: Int
    /// Rows per page.
    let porPagina: Int

    /// The page a validated query asks for.
    init(_ query: Validated) {
        pagina = query["pagina"]?.integer ?? 1
        porPagina = query["por_pagina"]?.integer ?? 10
    }

    /// Rows to skip.
    var offset: Int { (pagina - 1) * porPagina }

    /// The response `data` of a page.
    func json(total: Int, registros: [JSONValue]) -> JSONValue {
        .object([("total", .integer(total)), ("pagina", .integer(pagina)), ("porPagina", .integer(porPagina)),
                 ("registros", .array(registros))])
    }
}
