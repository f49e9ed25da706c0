import HTTPCore

/// The supply and refund endpoints as data (egresos.md §2 #46-#51, #54-#59, §2.1 EXT-1..EXT-4, §3.8), generated
/// for both kinds from one description. Their confirm and reject (#52/#53, #60/#61) are the approval chain's.
struct SpendingOperations: Sendable {
    let kind: SpendingKind
    let createExpense: EgresosOperation
    let updateExpense: EgresosOperation
    let deleteExpense: EgresosOperation
    let show: EgresosOperation
    let showByGet: EgresosOperation
    let list: EgresosOperation
    let listByGet: EgresosOperation
    let delete: EgresosOperation

    static let tag = "Supplies and refunds"
    static let access = EgresosAccess.roles(.admin, .grouper, .accountManager)
    static let objectKeys = ["id", "customer", "created_by", "leader_accepted_by", "leader_rejected_by", "director_accepted_by",
                             "director_rejected_by", "expenses", "status", "customer_id", "brand_id", "project_id",
                             "quotation_id", "completed_at", "accepted_at", "rejected_at", "cost_in_cents", "cost", "comments"]

    init(_ kind: SpendingKind) {
        self.kind = kind
        let rules = SpendingRules.of(kind)
        let x = "/api/v1/\(kind.table)"
        let one = "\(x)/{\(kind.idColumn)}"
        let (name, numbers, ext) = kind == .supply ? ("supply", (46, 47, 48, 49, 50, 51), ("EXT-1", "EXT-2"))
                                                   : ("refund", (54, 55, 56, 57, 58, 59), ("EXT-3", "EXT-4"))
        let object = "SupplyOrRefund (§5 item 14)"
        func operation(_ method: HTTPMethod, _ path: String, _ summary: String, rules: [EndpointRules] = [], status: Int = 200,
                       keys: [String] = [], returns: String = "", errors: [Int] = []) -> EgresosOperation {
            EgresosOperation(method: method, path: path, tag: Self.tag, summary: summary, access: Self.access, rules: rules,
                             status: status, keys: keys, returns: returns, errors: errors)
        }
        createExpense = operation(
            .post, "\(x)/expenses",
            "#\(numbers.0) Adds an expense; without \(kind.idColumn) it creates the \(name) (a draft of the caller's); with one, "
                + "that draft must be the caller's or the caller an admin (else 403), in status 0 (else 423)",
            rules: [rules.createExpense], keys: Self.objectKeys, returns: object, errors: [403, 423])
        updateExpense = operation(
            .put, "\(one)/expenses/{expense_id}",
            "#\(numbers.1) Changes an expense of a draft \(name) (creator or admin, else 403; status 0, else 423); "
                + "context fields change the \(name)'s context",
            rules: [rules.updateExpense], keys: Self.objectKeys, returns: object, errors: [403, 423])
        deleteExpense = operation(
            .delete, "\(one)/expenses/{expense_id}",
            "#\(numbers.2) Deletes an expense of a draft \(name) (creator or admin, else 403; status 0, else 423)",
            rules: [rules.deleteExpense], status: 204, errors: [403, 423])
        show = operation(.post, one, "#\(numbers.3) One \(name) (a body is ignored)", rules: [rules.show],
                         keys: Self.objectKeys, returns: object)
        showByGet = operation(.get, one, "\(ext.1) One \(name), as #\(numbers.3)", rules: [rules.show],
                              keys: Self.objectKeys, returns: object)
        list = operation(.post, x, "#\(numbers.4) Every \(name), by id (a body is ignored)", keys: [kind.table],
                         returns: "[\(object)]")
        listByGet = operation(.get, x, "\(ext.0) Every \(name), by id, as #\(numbers.4)", keys: [kind.table],
                              returns: "[\(object)]")
        delete = operation(
            .delete, one,
            "#\(numbers.5) Deletes the \(name) with its expenses and comments (creator or admin, else 403; status 0 or 4, "
                + "else 423); its notifications stay, without the reference",
            rules: [rules.delete], status: 204, errors: [403, 423])
    }

    /// The operations of this kind, in the router's order (the literal `/expenses` before `{id}`).
    var all: [EgresosOperation] { [createExpense, updateExpense, deleteExpense, show, showByGet, list, listByGet, delete] }

    static let supply = SpendingOperations(.supply)
    static let refund = SpendingOperations(.refund)
    /// Both kinds.
    static let both = supply.all + refund.all
}
