/// The check of a solicitud's referenced rows (`POST /solicitud`, `PUT /solicitud/:id`; transporte.md §7.1), which
/// also reads the display names the creation's record shows (issue 16).
extension SolicitudSQL {
    /// Which referenced rows exist and are active, and their display names: one scalar subquery per row, NULL when
    /// the row does not exist, is deleted or its id was not sent (bound as NULL); the approver's role as a flag.
    /// Each row found is share-locked until the end of the transaction, so a catalog delete cannot slip in between
    /// this check and the INSERT (its guard waits for the COMMIT and then sees the solicitud). Binds: department,
    /// requester, approver, approver (role), priority, service; then `lugar` once per distinct stop place.
    ///
    /// The names are read here, by the lookups the check makes anyway, so the creation's INSERTs return no
    /// subqueries (eleven primary-key reads and their optimisation per creation before, issue 16). A Perfil gives
    /// its name and e-mail, a place its name and address, each pair in one subquery as `dosTextos` encodes it.
    static let referencias = "SELECT "
        + "(SELECT Nombre FROM Departamento WHERE Id = ? AND Eliminado = 0 LOCK IN SHARE MODE) AS Departamento, "
        + persona("Solicitante") + ", " + persona("Aprobador") + ", "
        + "EXISTS(SELECT 1 FROM PerfilRol pr JOIN Rol r ON r.Id = pr.IdRol AND r.Eliminado = 0 "
        + "WHERE pr.IdPerfil = ? AND pr.Eliminado = 0 AND r.Codigo IN ('APROBADOR', 'ADMIN') LOCK IN SHARE MODE) AS AprobadorConRol, "
        + "(SELECT Nombre FROM TipoPrioridadSolicitud WHERE Id = ? AND Eliminado = 0 LOCK IN SHARE MODE) AS Prioridad, "
        + "(SELECT Nombre FROM TipoServicioSolicitud WHERE Id = ? AND Eliminado = 0 LOCK IN SHARE MODE) AS Servicio"

    /// The column `referencias` gets for one stop place (appended once per distinct place, in id order): its name
    /// and address (`dosTextos`), NULL when the place does not exist or is deleted.
    static let lugar = ", (SELECT " + dosTextos("Nombre", "Direccion")
        + " FROM Lugares WHERE Id = ? AND Eliminado = 0 LOCK IN SHARE MODE)"

    /// The active Perfil with an active Usuario as `alias`: its record name and e-mail (`dosTextos`), as the record
    /// statement shows them (`PerfilSQL`).
    private static func persona(_ alias: String) -> String {
        "(SELECT " + dosTextos(PerfilSQL.nombreCompleto("p"), PerfilSQL.email("p", usuario: "u"))
            + " FROM Perfil p JOIN Usuario u ON u.Id = p.IdUsuario AND u.Eliminado = 0 "
            + "WHERE p.Id = ? AND p.Eliminado = 0 LOCK IN SHARE MODE) AS \(alias)"
    }

    /// Two texts in one column, the first never NULL: `+` (or `-` when the second is NULL), the first's length in
    /// bytes, `:`, the first, then the second. Lengths, not a separator, so no character of a name can break it;
    /// `DosTextos` reads it back.
    static func dosTextos(_ primero: String, _ segundo: String) -> String {
        "CONCAT(IF(\(segundo) IS NULL, '-', '+'), LENGTH(\(primero)), ':', \(primero), IFNULL(\(segundo), ''))"
    }
}

/// Reads a column written by `SolicitudSQL.dosTextos` (the connection's character set is utf8mb4, so its byte
/// lengths are UTF-8's).
enum DosTextos {
    /// The two texts of `codificado`, or nil when it is not in that form.
    static func leer(_ codificado: String) -> (primero: String, segundo: String?)? {
        let bytes = Array(codificado.utf8)
        guard let marca = bytes.first, marca == UInt8(ascii: "+") || marca == UInt8(ascii: "-") else { return nil }
        var indice = 1
        var longitud = 0
        while indice < bytes.count, bytes[indice] != UInt8(ascii: ":") {
            let digito = Int(bytes[indice]) - Int(UInt8(ascii: "0"))
            guard (0...9).contains(digito), longitud < 1 << 32 else { return nil }
            longitud = longitud * 10 + digito
            indice += 1
        }
        guard indice > 1, indice < bytes.count else { return nil }
        let inicio = indice + 1
        guard bytes.count - inicio >= longitud else { return nil }
        let primero = String(decoding: bytes[inicio..<inicio + longitud], as: UTF8.self)
        let segundo = String(decoding: bytes[(inicio + longitud)...], as: UTF8.self)
        return (primero, marca == UInt8(ascii: "+") ? segundo : nil)
    }
}
