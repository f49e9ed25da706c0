/// Supplies ("insumos") and refunds ("reembolsos"): identical in behaviour (egresos.md §3.8, §7.2), so one
/// implementation serves both, parameterised by this kind: its table, its id column (in `expenses`,
/// `comments` and `notifications`), its path segment, its list key and its notifications' `type_of`.
public enum SpendingKind: String, Sendable, CaseIterable {
    /// `/api/v1/supplies` (#46-#53, EXT-1/2).
    case supply
    /// `/api/v1/refunds` (#54-#61, EXT-3/4).
    case refund

    /// The table, also the path segment and the list's key (`supplies`, `refunds`).
    public var table: String {
        switch self {
        case .supply: "supplies"
        case .refund: "refunds"
        }
    }

    /// The id column naming it in `expenses`, `comments` and `notifications`, and its path parameter.
    public var idColumn: String { rawValue + "_id" }

    /// The item of the approval chain (§7.2); its raw value is the notifications' `type_of`.
    public var approvalItem: ApprovalItem {
        switch self {
        case .supply: .supply
        case .refund: .refund
        }
    }

    /// The table of its `exists:` rules (and 4042's `{{model}}`).
    public var validationTable: ValidationTable {
        switch self {
        case .supply: .supplies
        case .refund: .refunds
        }
    }

    /// What its comments hang off.
    public var commentParent: CommentParent {
        switch self {
        case .supply: .supply
        case .refund: .refund
        }
    }
}

/// What a comment hangs off (§4 `comments`: exactly one of four references).
public enum CommentParent: String, Sendable, CaseIterable {
    case quotation
    case supplierQuotation = "supplier_quotation"
    case supply
    case refund

    /// The reference column in `comments`.
    public var column: String { rawValue + "_id" }
}
