import HTTPCore

/// The Supplier object of egresos.md §5 item 6, keys in the doc's order; `picture` is an absolute URL or null.
struct SupplierViews {
    let files: FileStore

    func supplier(_ supplier: SupplierRecord) -> JSONValue {
        .object([
            ("id", .integer(supplier.id)), ("company_name", .string(supplier.companyName)),
            ("payment_conditions", .integer(supplier.paymentConditions)), ("contact_name", .string(supplier.contactName)),
            ("email", .string(supplier.email)), ("phone", .string(supplier.phone)),
            ("business_activity", .string(supplier.businessActivity)),
            ("picture", files.url(supplier.picturePath).map { .string($0) } ?? .null),
        ])
    }
}

extension EgresosContext {
    /// The renderer of §5.6 with this module's file URLs.
    var supplierViews: SupplierViews { SupplierViews(files: files) }
}
