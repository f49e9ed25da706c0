/// What a caller asks of an item in an approval chain (egresos.md §7.1, §7.2).
public enum ApprovalAction: Sendable, CaseIterable {
    /// #39/#52/#60: the creator's submission of a draft, or a reviewer's acceptance.
    case confirm
    /// #41/#53/#61: a reviewer's rejection.
    case reject
    /// A change of a draft: #34-#37 (quotation and its supplier quotations), #46/#54 with an id, #47/#55, #48/#56
    /// (the expenses of a supply or refund).
    case edit
    /// #51/#59: delete a supply or refund (status 0 or 4).
    case delete
    /// #44: a comment on one of the quotation's supplier quotations (every status).
    case comment
}
