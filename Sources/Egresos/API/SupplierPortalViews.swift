import AppCore
import HTTPCore

/// The supplier portal's serializers (egresos.md §2 #26, §5).
enum SupplierPortalJSON {
    /// #26: the profile, then `authorization{grant_type, access_token, expires_at}`.
    static func session(_ supplier: SupplierLogin, _ session: SupplierTokens.Session) -> JSONValue {
        .object([
            ("id", .integer(supplier.id)), ("company_name", .string(supplier.companyName)),
            ("contact_name", .string(supplier.contactName)), ("phone", .string(supplier.phone)),
            ("email", .string(supplier.email)), ("business_activity", .string(supplier.businessActivity)),
            ("authorization", .object([
                ("grant_type", .string(session.grantType)), ("access_token", .string(session.token)),
                ("expires_at", .integer(Int(session.expiresAtMilliseconds))),
            ])),
        ])
    }

    /// Billing (§5 item 7): the doc's keys in order, then EXT `contact_name, contact_phone`.
    static func billing(_ billing: BillingRecord, _ files: FileStore) -> JSONValue {
        .object([
            ("id", .integer(billing.id)), ("name", .string(billing.name)), ("rfc", .string(billing.rfc)),
            ("business_name", .string(billing.businessName)), ("banking_institution", .string(billing.bankingInstitution)),
            ("bank_account", .string(billing.bankAccount)), ("account_status_file", .optional(files.url(billing.accountStatusFilePath))),
            ("concept", .string(billing.concept)), ("contact_name", .string(billing.contactName)),
            ("contact_phone", .string(billing.contactPhone)),
        ])
    }
}
