/// A column that holds the relative path of a stored file (egresos.md §11): its table and column, and the
/// collection and field that name the file (`{collection}/v1/{id}/{field}-{random}.{ext}`, ruling E8).
struct StoredFileColumn: Sendable, Equatable {
    let table: String
    let column: String
    let collection: String
    let field: String

    /// Every file column of Egresos, in the order of §11. `users.picture` and `custom_picture` are URLs of the
    /// identity provider, not stored files.
    static let all = [
        StoredFileColumn(table: "customers", column: "picture_path", collection: "customers", field: "picture"),
        StoredFileColumn(table: "brands", column: "picture_path", collection: "brands", field: "picture"),
        StoredFileColumn(table: "suppliers", column: "picture_path", collection: "suppliers", field: "picture"),
        StoredFileColumn(table: "billings", column: "account_status_file_path", collection: "billings",
                         field: "account_status_file"),
        StoredFileColumn(table: "quotations", column: "quotation_file_path", collection: "quotations",
                         field: "quotation_file"),
        StoredFileColumn(table: "quotations", column: "confirmation_file_path", collection: "quotations",
                         field: "confirmation_file"),
        StoredFileColumn(table: "supplier_quotations", column: "quotation_file_path", collection: "supplierquotations",
                         field: "quotation_file"),
        StoredFileColumn(table: "expenses", column: "voucher_file_path", collection: "expenses", field: "voucher_file"),
        StoredFileColumn(table: "payment_schedules", column: "billing_file_path", collection: "paymentschedules",
                         field: "billing_file"),
    ]
}
