import MariaDB
import Synchronization

/// The display names of the catalogs the solicitud record shows (`Catalogo`), and the names and e-mails of the
/// people it names (`Catalogo.perfil`), one copy per serve process, shared by its workers (issue 16): the record
/// statement joins `VersionCatalogo` instead of nine catalog joins and five Perfil and Usuario joins, and a version
/// newer than this copy's reloads the catalogs that changed before the record is rendered.
///
/// Correct across processes, hosts and Galera nodes because the versions live in the database (0022: bumped by
/// triggers in the transaction of every change to a cached column) and are read in the record's own snapshot: a
/// record never shows names older than its snapshot's. They may be newer (another worker reloaded later), as a
/// later read would show. Memory: the rows of seven small catalogs and every Perfil's name and e-mail, deleted ones
/// included; a 10,000-row Lugares or Perfil costs a few MB (README, "Galera-safe SQL"). A change to a person's
/// shown values (rare: administrators' writes; a login's write to Usuario is not one, 0026) reloads every Perfil.
public final class CatalogoNombres: Sendable {
    /// The loaded catalogs, by `Catalogo.rawValue`; replaced whole, never edited, so a reader's copy is a snapshot.
    private let cargados = Mutex<[CatalogoCargado]>(Array(repeating: .vacio, count: Catalogo.allCases.count))
    /// Held while a reload runs, so the workers that find the same change stale wait for one reload, not one each.
    private let recargando = Mutex<Void>(())

    /// An empty copy: the first record loads every catalog.
    public init() {}

    /// The catalogs at least as new as `versiones` (per catalog, as the record statement read them; nil: the
    /// version row is missing, so reload), reloading those that are older on `connection`.
    func vigentes(_ versiones: [Int64?], connection: MariaDBConnection) throws -> [CatalogoCargado] {
        func viejo(_ catalogo: Catalogo, _ cargados: [CatalogoCargado]) -> Bool {
            versiones[catalogo.rawValue].map { cargados[catalogo.rawValue].version < $0 } ?? true
        }
        func viejos(_ cargados: [CatalogoCargado]) -> [Catalogo] { Catalogo.allCases.filter { viejo($0, cargados) } }
        // The usual case, on every request: nothing to reload, nothing allocated.
        let actuales = cargados.withLock { $0 }
        if !Catalogo.allCases.contains(where: { viejo($0, actuales) }) { return actuales }
        return try recargando.withLock { _ throws -> [CatalogoCargado] in
            // Another worker may have reloaded while this one waited.
            let actuales = cargados.withLock { $0 }
            let pendientes = viejos(actuales)
            if pendientes.isEmpty { return actuales }
            let leidos = try Self.leer(pendientes, connection)
            func mezcla(_ base: [CatalogoCargado]) -> [CatalogoCargado] {
                var mezcla = base
                for (catalogo, leido) in leidos where leido.version >= base[catalogo.rawValue].version || leido.version < 0 {
                    mezcla[catalogo.rawValue] = leido
                }
                return mezcla
            }
            // Inside a transaction the read may include the transaction's own uncommitted catalog writes: this
            // request uses them, the process keeps nothing it could have to take back.
            if connection.inTransaction { return mezcla(actuales) }
            return cargados.withLock { cargados in
                cargados = mezcla(cargados)
                return cargados
            }
        }
    }

    /// `catalogos`' rows and versions, in one statement (one snapshot), each row read in place (no `SQLRow` per
    /// row: a 10,000-row Lugares costs the process its cached values, not a copy of the result besides). A catalog
    /// whose version row is missing gets version -1 (used for this request, replaced by the next load).
    static func leer(_ catalogos: [Catalogo], _ connection: MariaDBConnection) throws -> [(Catalogo, CatalogoCargado)] {
        let binds = Catalogo.allCases.map { SQLValue.int(catalogos.contains($0) ? 1 : 0) }
        let primeraVersion = 2 + Catalogo.Ranura.allCases.count
        var versiones = [Int64](repeating: -1, count: Catalogo.allCases.count)
        var filas = [[Int64: [SQLValue]]](repeating: [:], count: Catalogo.allCases.count)
        try connection.forEachRow(SQLQuery(unsafeSQL: Catalogo.recarga, binds: binds)) { (row: borrowing SQLRowView) in
            guard !row.isNull(0) else { return }
            let numero = row.int64(0)
            if numero < 0 {
                for catalogo in Catalogo.allCases where !row.isNull(primeraVersion + catalogo.rawValue) {
                    versiones[catalogo.rawValue] = row.int64(primeraVersion + catalogo.rawValue)
                }
            } else if let catalogo = Catalogo(rawValue: Int(numero)), !row.isNull(1) {
                filas[catalogo.rawValue][row.int64(1)] = catalogo.columnas.map { row.value(2 + $0.ranura.rawValue) }
            }
        }
        return catalogos.map { ($0, CatalogoCargado(version: versiones[$0.rawValue], filas: filas[$0.rawValue])) }
    }
}
