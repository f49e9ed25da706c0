/// SQL fragments about people that several repositories share.
enum PerfilSQL {
    /// The full name of Perfil `alias` ("Juan Pérez"): its name parts in order, skipping the missing ones.
    static func nombreCompleto(_ alias: String) -> String {
        "CONCAT_WS(' ', \(alias).Nombre1, \(alias).Nombre2, \(alias).Nombre3, \(alias).Apellido1, \(alias).Apellido2, \(alias).Apellido3)"
    }

    /// The e-mail mail goes to for Perfil `alias` of Usuario `usuario`: the profile's, else the account's.
    static func email(_ alias: String, usuario: String) -> String {
        "COALESCE(\(alias).Email, \(usuario).Email)"
    }
}
