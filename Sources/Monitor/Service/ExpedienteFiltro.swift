import AppCore

/// The optional filters of `GET /api/expedientes` (ruling 7). Every filter sent must hold; none means all.
struct ExpedienteFiltro: Sendable, Equatable {
    /// Only this estado.
    var estado: Estado?
    /// Only this aseguradora's id.
    var aseguradora: Int?
    /// Text contained (case-insensitively) in `no_siniestro`, `placas` or `nombre_cliente`.
    var q: String?
    /// `fecha_ingreso` on or after this day (`YYYY-MM-DD`).
    var desde: CivilDate?
    /// `fecha_ingreso` on or before this day (`YYYY-MM-DD`).
    var hasta: CivilDate?
    /// The page, or nil for the whole list.
    var page: ListPage?

    /// Whether nothing was asked for: the answer is the unfiltered list of §4.4.
    var isEmpty: Bool { self == ExpedienteFiltro() }

    /// `q` as a LIKE pattern matching it anywhere, with `!`, `%` and `_` escaped by `!`.
    var likePattern: String? {
        q.map { text in
            var escaped = ""
            for character in text {
                if character == "!" || character == "%" || character == "_" { escaped.append("!") }
                escaped.append(character)
            }
            return "%" + escaped + "%"
        }
    }
}
