import MariaDB

/// One part of the record statement's rows (the solicitud's, a stop's or a mission's columns) whose catalog names
/// and people's names and e-mails (`Catalogo.expresiones`) are not selected but taken from `CatalogoNombres` (issue 16): the columns the statement
/// sends, and how the rendered record's columns, names included, are filled from them.
struct RegistroParte: Sendable {
    /// Where one rendered column comes from.
    enum Fuente: Sendable {
        /// The statement's column at this position of the part.
        case columna(Int)
        /// Column `campo` of `catalogo`'s row whose id is the part's column `id`.
        case nombre(Catalogo, campo: Int, id: Int)
    }

    /// The rendered columns (every label, the names included), as the joins gave them.
    let layout: RecordLayout
    /// The select-list entries the statement sends, in order (the rendered ones minus the names).
    let seleccionadas: [String]
    /// Per rendered column, where it comes from.
    let fuentes: [Fuente]

    /// The part whose rendered select list is `columnas` (`expression [AS Label]`).
    init(_ columnas: [String]) {
        layout = RecordLayout(selected: columnas)
        var seleccionadas: [String] = []
        var nombres: [(posicion: Int, catalogo: Catalogo, campo: Int, id: String)] = []
        for columna in columnas {
            // The expression before the label (` AS `), as the former joins selected it.
            let palabras = columna.split(separator: " ", omittingEmptySubsequences: false)
            let expresion = palabras.count > 2 && palabras[palabras.count - 2] == "AS"
                ? palabras.dropLast(2).joined(separator: " ") : columna
            let partes = expresion.split(separator: ".")
            if let (catalogo, campo, id) = Catalogo.expresiones[expresion] {
                nombres.append((seleccionadas.count + nombres.count, catalogo, campo, id))
            } else if partes.count == 2, let (catalogo, _) = Catalogo.unidos[String(partes[0])] {
                preconditionFailure("\(columna): \(catalogo.tabla) caches no such column")
            } else {
                seleccionadas.append(columna)
            }
        }
        var fuentes: [Fuente] = []
        var siguiente = 0
        for posicion in columnas.indices {
            if let nombre = nombres.first(where: { $0.posicion == posicion }) {
                guard let id = seleccionadas.firstIndex(of: nombre.id) else {
                    preconditionFailure("\(nombre.id) is not selected beside \(nombre.catalogo.tabla)'s name")
                }
                fuentes.append(.nombre(nombre.catalogo, campo: nombre.campo, id: id))
            } else {
                fuentes.append(.columna(siguiente))
                siguiente += 1
            }
        }
        self.seleccionadas = seleccionadas
        self.fuentes = fuentes
    }

    /// The rendered values of the part `fila` (the statement's columns of this part, in order), with the names of
    /// `catalogos` (indexed by `Catalogo.rawValue`).
    func valores(_ fila: ArraySlice<SQLValue>, _ catalogos: [CatalogoCargado]) -> [SQLValue] {
        let base = fila.startIndex
        return fuentes.map { fuente in
            switch fuente {
            case .columna(let posicion): fila[base + posicion]
            case .nombre(let catalogo, let campo, let id):
                catalogos[catalogo.rawValue].valor(fila[base + id], campo: campo) ?? catalogo.ausente(campo)
            }
        }
    }
}
