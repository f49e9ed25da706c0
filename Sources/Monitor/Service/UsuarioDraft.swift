/// A user to create, as the request sent it (`POST /api/auth/register`, `ventanilla user create monitor`);
/// nil is an absent or `null` key. The service checks it.
struct UsuarioDraft: Sendable, Equatable {
    /// The login name.
    var username: String?
    /// The password in clear text.
    var password: String?
    /// The role as sent (`Técnico` allowed).
    var rol: String?
    /// The display name.
    var nombre: String?
}
