import Logging
import MariaDB

extension EgresosModule {
    /// Start-up, once per process before the workers serve: makes sure an active admin exists (egresos.md §4
    /// "Bootstrap"), creating `BOOTSTRAP_ADMIN_EMAIL`'s user or promoting it, and logs what it found or did.
    /// Safe when several processes start at once (a database-wide lock). Throws the database's errors.
    @discardableResult
    public func bootstrapAdmin(connection: MariaDBConnection, logger: Logger) throws -> AdminBootstrapOutcome {
        let outcome = try AdminBootstrap(repository: MariaDBAdminBootstrapRepository(connection: connection))
            .run(egresos.bootstrapAdmin)
        let email = egresos.bootstrapAdmin?.email ?? ""
        switch outcome {
        case .adminExists:
            logger.debug("bootstrap admin: an active admin exists")
        case .unconfigured:
            logger.warning("bootstrap admin: no active admin and BOOTSTRAP_ADMIN_EMAIL is unset: nobody can create users")
        case .created(let id):
            logger.notice("bootstrap admin: created", metadata: ["id": "\(id)", "email": "\(email)"])
        case .promoted(let id, let previousRole):
            logger.warning("bootstrap admin: no active admin; promoted the existing user to admin",
                           metadata: ["id": "\(id)", "email": "\(email)", "previous_role": "\(previousRole)"])
        }
        return outcome
    }
}
