/// What start-up found or did about the first admin (egresos.md §4 "Bootstrap").
public enum AdminBootstrapOutcome: Sendable, Equatable {
    /// An active admin exists: nothing was written.
    case adminExists
    /// No active admin and no `BOOTSTRAP_ADMIN_EMAIL`: nobody can create users (#2 is admin-only).
    case unconfigured
    /// The admin was created with this id.
    case created(id: Int)
    /// The active user with the configured e-mail held `previousRole` and was made admin.
    case promoted(id: Int, previousRole: String)
}

/// The storage start-up needs to make sure an admin exists. Reads see active (not deleted) rows only.
protocol AdminBootstrapRepository {
    /// Runs `body` holding a lock that every process bootstrapping this database takes, so that only one of
    /// several processes starting at once writes; throws when the lock cannot be taken in time.
    func exclusively<T>(_ body: () throws -> T) throws -> T
    /// Whether an active admin exists.
    func hasActiveAdmin() throws -> Bool
    /// The active user with `email` (case-insensitively).
    func activeUser(email: String) throws -> UserRecord?
    /// Makes active user `id` an admin.
    func promoteToAdmin(id: Int) throws
    /// Inserts `user`; returns its id.
    func create(_ user: NewUser) throws -> Int
}

/// The bootstrap rule: when no active admin exists, the configured one is created; if the configured e-mail
/// already belongs to an active user with another role, that user is promoted (the operator named that
/// person as the admin, and without an admin nobody could change the role through #3).
struct AdminBootstrap {
    let repository: any AdminBootstrapRepository

    /// Applies the rule for `admin` (nil: `BOOTSTRAP_ADMIN_EMAIL` unset, nothing is written).
    func run(_ admin: BootstrapAdmin?) throws -> AdminBootstrapOutcome {
        // The usual case, an admin exists, costs one read and no lock.
        if try repository.hasActiveAdmin() { return .adminExists }
        guard let admin else { return .unconfigured }
        return try repository.exclusively {
            // Another process may have won the lock first.
            if try repository.hasActiveAdmin() { return .adminExists }
            if let user = try repository.activeUser(email: admin.email) {
                try repository.promoteToAdmin(id: user.id)
                return .promoted(id: user.id, previousRole: user.role)
            }
            let row = UserService.newUser(email: admin.email, name: admin.name, jobTitle: admin.jobTitle,
                                          role: StaffRole.admin.rawValue)
            return .created(id: try repository.create(row))
        }
    }
}
