/// What goes through an approval chain; the raw value is the notification's `type_of` (§7.4).
public enum ApprovalItem: String, Sendable, CaseIterable {
    /// A quotation (§7.1).
    case quotation
    /// A supply ("insumo", §7.2).
    case supply
    /// A refund ("reembolso", §7.2).
    case refund

    /// The actions that have a route for this item (§2): a quotation has no delete, a supply or refund no
    /// comment route of its own (its comments come with confirm and reject).
    public var actions: [ApprovalAction] {
        switch self {
        case .quotation: [.confirm, .reject, .edit, .comment]
        case .supply, .refund: [.confirm, .reject, .edit, .delete]
        }
    }

    /// The endpoint's Roles line for `action` (§2; checked first, 403 `4031`): quotation reject (#41) admits
    /// admin and grouper, every other action admin, grouper and account_manager.
    func admits(_ role: StaffRole, for action: ApprovalAction) -> Bool {
        switch (self, action) {
        case (.quotation, .reject): role == .admin || role == .grouper
        default: role == .admin || role == .grouper || role == .accountManager
        }
    }
}
