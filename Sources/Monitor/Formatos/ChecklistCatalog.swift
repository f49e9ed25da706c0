/// The checklist's item catalogue (monitor.md §7): each sistema, the group it is printed in, the row of its first
/// item, and its items in row order. These strings are what the front end sends as `sistema`/`nombre_item`.
enum ChecklistCatalog {
    /// A column group: the item names in `nameColumn`, the marks for OK, RE, MA, NA in the next four columns.
    enum Group: Int, CaseIterable {
        case left = 0, centre = 5, right = 10

        /// The zero-based column of the item names (A, F, K); the four value columns follow it.
        var nameColumn: Int { rawValue }
    }

    /// One sistema.
    struct Sistema {
        let name: String
        let group: Group
        let firstRow: Int
        let items: [String]
    }

    /// The four values, in the order of their columns.
    static let valores = ["OK", "RE", "MA", "NA"]

    static let sistemas: [Sistema] = [
        Sistema(name: "SISTEMA DE ENFRIAMIENTO", group: .left, firstRow: 15, items: [
            "Nivel aceite motor", "Eficiencia de motor", "Turbo compresor", "Varilla nivel de aceite", "Soporte de motor",
            "Filtro aire primario", "Filtro aire secundario", "Multiple de admision", "Multiple de escape",
            "Bomba de inyeccion", "Inyectores", "mangueras combustible", "Bomba de cebado combustible",
            "Fugas de combustible", "Filtro de diesel", "Filtro aceite de motor", "Filtro separador agua",
            "Radiador de agua", "Tapa de radiador", "Ventilador", "Tolva radiador", "Fugas de refrigerante",
            "Guardas radiador", "Soporte de radiador", "Posteenfriador", "Enfriador aceite motor", "Condensador",
        ]),
        Sistema(name: "CABINA DE OPERADOR", group: .left, firstRow: 43, items: [
            "Estribos de acceso", "faldones izq y der", "Pasamanos", "Llave de contacto", "Pedal aceleracion",
            "Pedal de freno", "Palanca de cambios", "Cabecera", "selector de cambios", "tablero codigos", "Parabrisas",
            "Tablero de luces", "Asientos", "Cinturon de seguridad", "Espejos inferior cabina", "Faro luz de cabina",
            "Radio", "Aire acondicionado",
        ]),
        Sistema(name: "SISTEMA DE TRANSMISION", group: .centre, firstRow: 15, items: [
            "Nivel aceite (trans/caja)", "Vanilaje/Visor nivel aceite", "Caja de cambios", "Tapon de drenaje",
            "Filtro aceite de caja", "Tandem", "Eje cardan", "Cruceta", "Eje de diferencial de la nl",
            "Eje diferencial post", "Nivel aceite diferencial",
        ]),
        Sistema(name: "SISTEMA DE FRENO", group: .centre, firstRow: 27, items: [
            "Liquido de freno", "Efectividad de frenado", "Freno motor/escape", "Freno estacionario",
        ]),
        Sistema(name: "SISTEMA DE DIRECCION", group: .centre, firstRow: 32, items: [
            "Bomba direccion", "Caja de direccion", "Barras de direccion",
        ]),
        Sistema(name: "SISTEMA DE RODAMIENTO", group: .centre, firstRow: 36, items: [
            "Llantas de repuesto", "Llantas delanteras", "Llantas posteriores", "Esparragos y tuercas",
        ]),
        Sistema(name: "ACCESORIOS", group: .centre, firstRow: 41, items: [
            "Baterias(  )marca:", "Loderas delanteras", "Loderas traseras", "Loderas intermedias", "Capuchones ruedas",
            "Valvula de porga", "Tapa baterias", "Surtidor de combustible", "Mangueras de servicio", "Cable macho luces",
            "Placa delantera", "Placa trasera", "Concavos de cofre", "Ganchos de cofre", "Tumbaburros", "Neblineros",
            "Luces adicionales",
        ]),
        Sistema(name: "CABINA EXTERIOR", group: .centre, firstRow: 59, items: [
            "Costados cabina izq", "Costado cabina der", "Cofre", "Espejo retrovisor", "Plumillas limpiaparabrisas",
        ]),
        Sistema(name: "ESTADO", group: .right, firstRow: 15, items: [
            "Compresor aire a/c", "Motor de compresor aire", "Valvula de seguridad", "Mesa de trabajo", "Quinta rueda",
            "Cajones de herramientas", "Eje delantero", "Baleros delanteros",
        ]),
        Sistema(name: "SISTEMA ELECTRICO", group: .right, firstRow: 24, items: [
            "Alternador", "Pajas de alternador", "Marcha", "Baterias", "Gomas de baterias", "Faros delanteros",
            "Faros traseros", "Luces de freno", "Luces direccionales", "Claxon", "Alarma retroceso",
            "Llave y chapa contacto", "Interruptor con energia",
        ]),
        Sistema(name: "ADICIONALES", group: .right, firstRow: 40, items: [
            "Niveles de aceite", "Prueba de manejo", "Niveles de anticongelante", "Limpieza de unidad general",
            "Limpieza chasis", "Detallado",
        ]),
        Sistema(name: "Cabina General", group: .right, firstRow: 50, items: [
            "Cofre", "Defensa", "Cabina izq", "Cabina der", "Alerones izq", "Alerones der",
        ]),
    ]

    /// Where an item is printed: its one-based row and its group.
    struct Slot: Equatable {
        let row: Int
        let group: Group
    }

    /// Every catalogued item by its matching key.
    static let slots: [String: Slot] = {
        var slots: [String: Slot] = [:]
        for sistema in sistemas {
            for (offset, item) in sistema.items.enumerated() {
                slots[key(sistema: sistema.name, item: item)] = Slot(row: sistema.firstRow + offset, group: sistema.group)
            }
        }
        return slots
    }()

    /// The matching key of §7: `sistema|nombre_item`, lower-cased, without `:` and without any whitespace.
    static func key(sistema: String, item: String) -> String {
        (sistema + "|" + item).lowercased().filter { $0 != ":" && !$0.isWhitespace }
    }

    /// The zero-based column of a valor's mark (`OK`, `RE`, `MA`, `NA`, any case) in `group`, or nil.
    static func markColumn(valor: String, group: Group) -> Int? {
        valores.firstIndex(of: valor.uppercased()).map { group.nameColumn + 1 + $0 }
    }
}
