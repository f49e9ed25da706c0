import AppCore

/// Password tokens (egresos.md §10.3): 32 characters of `[a-z0-9]` from the system CSPRNG; only their sha256
/// (64 lower-case hex digits) is stored, in `suppliers.password_token_hash`.
enum PasswordTokens {
    /// The token length (`exact:32`).
    static let length = 32
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// A new random token.
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The stored form of `token`.
    static func hash(_ token: String) -> String { Hashing.sha256Hex(Array(token.utf8)) }

    /// The link of a password mail: `SUPPLIER_PORTAL_URL/password?token=<token>` (§12).
    static func link(_ token: String, settings: EgresosSettings) -> String {
        settings.supplierPortalURL + "/password?token=" + token
    }

    /// The invitation mail (#24): "establece tu contraseña".
    static func invitation(to email: String, token: String, settings: EgresosSettings) throws -> MailMessage {
        let link = link(token, settings: settings)
        return try MailMessage(to: [email], subject: "Element Studios: establece tu contraseña", text: """
            Hola:

            Element Studios te invitó a su portal de proveedores. Para establecer tu contraseña abre el siguiente \
            enlace (vence en \(settings.passwordTokenHours) horas):

            \(link)

            Si no esperabas este correo, ignóralo.
            """)
    }

    /// The recovery mail (#28): "reestablece tu contraseña".
    static func recovery(to email: String, token: String, settings: EgresosSettings) throws -> MailMessage {
        let link = link(token, settings: settings)
        return try MailMessage(to: [email], subject: "Element Studios: reestablece tu contraseña", text: """
            Hola:

            Recibimos una solicitud para reestablecer la contraseña de tu cuenta en el portal de proveedores de \
            Element Studios. Para elegir una nueva contraseña abre el siguiente enlace (vence en \
            \(settings.passwordTokenHours) horas):

            \(link)

            Si no solicitaste este cambio, ignora este correo: tu contraseña actual sigue siendo válida.
            """)
    }
}
