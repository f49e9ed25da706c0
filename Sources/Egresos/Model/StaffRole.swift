/// The staff roles of egresos.md §1 (`users.role`).
public enum StaffRole: String, Sendable, CaseIterable {
    /// Directors ("directivos"); admitted wherever a route lists roles.
    case admin
    /// Human resources.
    case rh
    /// Manager.
    case manager
    /// Project lead ("encargado del proyecto", `project.grouper_id`).
    case grouper
    /// Account manager.
    case accountManager = "account_manager"
    /// Employee.
    case employee
}
