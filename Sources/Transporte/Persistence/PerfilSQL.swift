/// SQL fragments about people that several repositories share.
enum PerfilSQL {
    /// The display name of Perfil `alias`: first name and first surname, "Juan Pérez" as seed 002 shows
    /// `NombreSolicitante` (the development seed's Perfil 1 is Juan Carlos Pérez López).
    static func nombreCompleto(_ alias: String) -> String {
        "CONCAT_WS(' ', \(alias).Nombre1, \(alias).Apellido1)"
    }

    /// The e-mail mail goes to for Perfil `alias` of Usuario `usuario`: the profile's, else the account's.
    static func email(_ alias: String, usuario: String) -> String {
        "COALESCE(\(alias).Email, \(usuario).Email)"
    }
}
