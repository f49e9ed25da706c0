/// Monitor's roles (ruling M5). `Técnico` is accepted on input and stored as `Tecnico`.
public enum Rol: String, Sendable, CaseIterable {
    /// Everything, including deletes and users.
    case administrador = "Administrador"
    /// Writes expedientes, estados and evidencias.
    case operador = "Operador"
    /// Reads; writes levantamientos, checklists and comentarios.
    case tecnico = "Tecnico"

    /// The role named by `text` (exact, or `Técnico`), or nil.
    public init?(input text: String) {
        if text == "Técnico" { self = .tecnico; return }
        self.init(rawValue: text)
    }

    /// Every name accepted on input: the three roles and `Técnico`.
    static let inputNames = allCases.map(\.rawValue) + ["Técnico"]

    /// The message for a role that is not one of the three.
    public static let invalidMessage = "Rol inválido. Debe ser: Administrador, Operador, Tecnico"
}
