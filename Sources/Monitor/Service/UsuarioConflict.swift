/// A write the database refused for a reason the client must hear about.
enum UsuarioConflict: Error, Equatable {
    /// The username belongs to another user (unique key).
    case usernameTaken
    /// Expedientes, historial, evidencias or comentarios still refer to the user (foreign keys, ruling M10).
    case referenced
}
