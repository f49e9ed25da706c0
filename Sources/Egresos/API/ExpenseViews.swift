import AppCore
import HTTPCore

/// The Comment (egresos.md §5 item 13) and Expense (§5 item 15) objects, keys in the doc's order, with the
/// resume's form of an expense (§5 item 9: EXT `type_of` and `supply`/`refund`).
struct ExpenseViews {
    let files: FileStore

    /// An instant as the API writes it (`2019-11-29T22:07:31.893Z`), or null.
    static func instant(_ milliseconds: Int64?) -> JSONValue {
        milliseconds.map { .string(ISO8601.format(utcMilliseconds: $0)) } ?? .null
    }

    /// §5.13 Comment: `id, status, message` + EXT `user` (UserSummary), `created_at`.
    static func comment(_ comment: CommentRecord) -> JSONValue {
        .object([
            ("id", .integer(comment.id)), ("status", .string(comment.status)), ("message", .string(comment.message)),
            ("user", CustomerViews.user(comment.user)), ("created_at", instant(comment.createdAt)),
        ])
    }

    /// A thread of comments.
    static func comments(_ comments: [CommentRecord]) -> JSONValue { .array(comments.map(comment)) }

    /// §5.15 Expense: `id, concept, payment_method, cost_in_cents, comments, accepted_at, rejected_at, cost,
    /// voucher_file` (URL or null) + EXT `supplier_id`.
    func expense(_ expense: ExpenseRecord) -> JSONValue { .object(fields(expense)) }

    /// The resume's expense (§5 item 9): the Expense + EXT `type_of` (`supply`|`refund`) and the parent's id under
    /// `supply` or `refund`.
    func linkedExpense(_ expense: ExpenseRecord) -> JSONValue {
        .object(fields(expense) + [("type_of", .string(expense.kind.rawValue)), (expense.kind.rawValue, .integer(expense.parentID))])
    }

    private func fields(_ expense: ExpenseRecord) -> [(String, JSONValue)] {
        [
            ("id", .integer(expense.id)), ("concept", .string(expense.concept)),
            ("payment_method", .string(expense.paymentMethod)), ("cost_in_cents", .int(expense.costInCents)),
            ("comments", .optional(expense.comments)), ("accepted_at", Self.instant(expense.acceptedAt)),
            ("rejected_at", Self.instant(expense.rejectedAt)), ("cost", .string(Figures.money(expense.costInCents))),
            ("voucher_file", .optional(files.url(expense.voucherFilePath))), ("supplier_id", .integer(expense.supplierID)),
        ]
    }
}

extension EgresosContext {
    /// The renderers of §5 items 13 and 15 with this module's file URLs.
    var expenseViews: ExpenseViews { ExpenseViews(files: files) }
}
