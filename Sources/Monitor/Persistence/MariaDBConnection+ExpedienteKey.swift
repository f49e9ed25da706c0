import MariaDB

extension MariaDBConnection {
    /// The stored `no_siniestro` matching `noSiniestro`, share-locked until the transaction ends so the
    /// expediente cannot disappear under a child row being written; nil when there is none.
    func lockedExpedienteKey(_ noSiniestro: String) throws -> String? {
        try queryFirst(
            "SELECT no_siniestro FROM expediente WHERE no_siniestro = \(noSiniestro) LOCK IN SHARE MODE")?.string("no_siniestro")
    }
}
