/// How a catalog names its records in messages (transporte.md §10): the singular with its grammatical gender
/// ("Clase de vehículo", feminine) and the plural of the list messages ("clases de vehículo"). Every success,
/// not-found and conflict text of the 72 endpoints is built here, so they all follow one pattern.
struct CatalogNaming: Sendable {
    /// The singular as a message starts with it: "Estado de solicitud".
    let singular: String
    /// The plural as list messages use it: "estados de solicitud".
    let plural: String
    /// Whether the noun is feminine ("creada", "una", "la").
    let feminine: Bool

    init(_ singular: String, plural: String, feminine: Bool = false) {
        self.singular = singular
        self.plural = plural
        self.feminine = feminine
    }

    /// The singular inside a sentence: "estado de solicitud".
    var lowercased: String { (singular.first.map { $0.lowercased() } ?? "") + singular.dropFirst() }

    /// "creado" / "creada", "eliminado" / "eliminada", ...: `stem` + the gender ending.
    func participle(_ stem: String) -> String { stem + (feminine ? "a" : "o") }

    /// "Estado de solicitud creado exitosamente" (`stem` "cread").
    func done(_ stem: String) -> String { "\(singular) \(participle(stem)) exitosamente" }

    /// 201: "Clase de vehículo creada exitosamente".
    var created: String { done("cread") }
    /// 200: "Lugar obtenido exitosamente".
    var obtained: String { done("obtenid") }
    /// 200: "Rol actualizado exitosamente".
    var updated: String { done("actualizad") }
    /// 200: "Departamento eliminado exitosamente".
    var deleted: String { done("eliminad") }
    /// 200: "Listado de lugares obtenido exitosamente".
    var listed: String { "Listado de \(plural) obtenido exitosamente" }
    /// 200: "Listado completo de lugares obtenido exitosamente".
    var listedAll: String { "Listado completo de \(plural) obtenido exitosamente" }

    /// The delete response's `data.mensaje`: "Lugar 'Sede Central' eliminado exitosamente".
    func deletedRecord(_ nombre: String) -> String { "\(singular) '\(nombre)' \(participle("eliminad")) exitosamente" }

    /// 404: "Clase de vehículo con Id 7 no encontrada" (`id` as the path gave it).
    func notFound(_ id: String) -> String { "\(singular) con Id \(id) \(participle("no encontrad"))" }

    /// 409: "Ya existe una clase de vehículo con el código 'X'" (`value` already quoted when it is text).
    func duplicate(label: String, value: String, article: String = "el") -> String {
        "Ya existe \(feminine ? "una" : "un") \(lowercased) con \(article) \(label) \(value)"
    }

    /// 409 for a row other active rows still use: "No se puede eliminar este lugar porque `reason`".
    func inUse(_ reason: String) -> String {
        "No se puede eliminar \(feminine ? "esta" : "este") \(lowercased) porque \(reason)"
    }

    /// 409 for a code the system looks up (workflow states, roles): deleting it.
    func protectedDelete(_ codigo: String) -> String {
        "No se puede eliminar \(feminine ? "la" : "el") \(lowercased) '\(codigo)' porque el sistema \(feminine ? "la" : "lo") utiliza"
    }

    /// 409 for a code the system looks up: changing its `codigo`.
    func protectedCode(_ codigo: String) -> String {
        "No se puede cambiar el código \(feminine ? "de la" : "del") \(lowercased) '\(codigo)' porque el sistema \(feminine ? "la" : "lo") utiliza"
    }
}
