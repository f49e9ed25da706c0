/// A supplier as the portal's login (#26) answers it, with its password hash.
struct SupplierLogin: Sendable, Equatable {
    let id: Int
    let companyName: String
    let contactName: String
    let phone: String
    let email: String
    let businessActivity: String
    /// bcrypt; nil until the supplier sets a password.
    let passwordHash: String?
}

/// The supplier portal's reads and writes (egresos.md §3.4, §10.3).
protocol SupplierPortalRepository {
    /// The supplier with e-mail `email` (case-insensitive, as the unique index compares).
    func login(email: String) throws -> SupplierLogin?
    /// The supplier holding the token whose sha256 is `hash`, with the token's expiry in Unix milliseconds.
    func tokenOwner(hash: String) throws -> (supplierID: Int, expiresAtMilliseconds: Int64)?
    /// Stores `passwordHash`, sets `password_changed_at`, and consumes the token `tokenHash` if supplier `id`
    /// still holds it; false otherwise (another request used it first).
    func setPassword(supplierID id: Int, passwordHash: String, tokenHash: String, nowMilliseconds now: Int64) throws -> Bool
    /// When (Unix milliseconds) the last recovery mail of supplier `id` was queued (nil: never), locking the
    /// supplier's row until the running transaction ends.
    func lastRecoveryMail(supplierID id: Int) throws -> Int64?
    /// Issues a recovery token for supplier `id` (replacing any older one), enqueues the recovery mail to
    /// `email` and records `now` as its instant, in one transaction (the caller's, when one runs); returns the token.
    func issueRecovery(supplierID id: Int, email: String, settings: EgresosSettings, nowMilliseconds now: Int64) throws -> String
    /// Runs `body` in one transaction.
    func transaction<T>(_ body: () throws -> T) throws -> T
}

/// A supplier's billing data (`billings`, #29/#30).
struct BillingRecord: Sendable, Equatable {
    let id: Int
    let name: String
    let contactName: String
    let contactPhone: String
    let rfc: String
    let businessName: String
    let bankingInstitution: String
    let bankAccount: String
    let concept: String
    /// Relative to `FILES_ROOT`.
    let accountStatusFilePath: String?
}

/// The portal's billing reads.
protocol SupplierBillingRepository {
    /// The billing of supplier `supplierID`.
    func billing(supplierID: Int) throws -> BillingRecord?
}

/// The fields of a #30 request; nil keeps the stored value (update) and must not happen on create.
struct BillingChanges: Sendable, Equatable {
    var name: String?
    var contactName: String?
    var contactPhone: String?
    var rfc: String?
    var businessName: String?
    var bankingInstitution: String?
    var bankAccount: String?
    var concept: String?
}

/// The portal's billing writes (#30).
protocol SupplierBillingWriter {
    /// Inserts the billing of supplier `supplierID` (every field set); returns its id.
    func createBilling(supplierID: Int, _ fields: BillingChanges) throws -> Int
    /// Updates billing `id` with the fields that are set.
    func updateBilling(id: Int, _ changes: BillingChanges) throws
    /// Records the stored account status file of billing `id`.
    func setAccountStatusFile(billingID id: Int, path: String) throws
}

/// A payment-schedule row of the caller as the portal shows it (#31 Bill, #32 PaymentScheduleBill).
struct BillRecord: Sendable, Equatable {
    let id: Int
    let concept: String
    let costInCents: Int64
    /// The project name.
    let project: String
    let paymentMethod: String
    let amount: Int64
    /// `YYYY-MM-DD`.
    let billingDate: String?
    let paymentDate: String
    let paidAt: String?
    let paid: Bool
    let billingFilePath: String?
    /// ISO 8601 UTC with milliseconds.
    let billingUploadedAt: String?
    let quotationID: Int
    let supplierQuotationID: Int
    /// The quotation's status (3: approved).
    let quotationStatus: Int
}

/// The portal's bills (#31, #32, EXT-5/6).
protocol SupplierBillsRepository {
    /// The rows of supplier `supplierID` whose quotation is approved, by payment date then id.
    func bills(supplierID: Int) throws -> [BillRecord]
    /// Row `id` if it belongs to supplier `supplierID`.
    func bill(id: Int, supplierID: Int) throws -> BillRecord?
    /// Records the uploaded bill of row `id`: its file, `billing_uploaded_at = now`, and `billing_date` when
    /// `billingDate` is set (`.some(nil)` clears it), only while its quotation is approved (status 3) and the row
    /// is unpaid, checked by the write itself; false (nothing written) otherwise.
    func recordUpload(id: Int, path: String, billingDate: String??, nowMilliseconds now: Int64) throws -> Bool
}
