/// Who acts, as the approval chains see them: the role (nil for a caller without a staff role, such as a
/// supplier session) and the relations to the item: its creator (`created_by`) and its leader (the grouper of
/// the item's project, egresos.md §7).
public struct ApprovalCaller: Sendable, Hashable {
    /// The staff role, or nil.
    public let role: StaffRole?
    /// Whether the caller created the item.
    public let isCreator: Bool
    /// Whether the caller is the grouper of the item's project.
    public let isLeader: Bool

    /// A supplier session: no staff role, no relation (every staff action refuses it with 403 `4031`).
    public static let supplier = ApprovalCaller(role: nil, isCreator: false, isLeader: false)

    /// A director ("directivos" = admins, §1).
    var isDirector: Bool { role == .admin }
}
