/// The database questions of `unique:` and `exists:`, among **active** rows: soft-deleted rows
/// (`deleted_at IS NOT NULL`) neither exist nor take a value. Behind a protocol so the engine can be tested
/// without a database (`MariaDBValidationLookup` is the real one).
public protocol ValidationLookup {
    /// Whether an active row of `table` has `column` = `value`; with `scope`, one whose `scope.column` =
    /// `scope.value` (the row belongs to that parent).
    func exists(table: ValidationTable, column: String, value: String,
                scope: (column: String, value: String)?) throws -> Bool
    /// Whether an active row of `table` other than `excludingID` has `column` = `value`, compared
    /// case-insensitively; with `scope`, only among rows whose `scope.column` = `scope.value`.
    func taken(table: ValidationTable, column: String, value: String, excludingID: Int?,
               scope: (column: String, value: String)?) throws -> Bool
    /// The calendar date (`YYYY-MM-DD`) stored in `column` of the active row `id` of `table`, nil when there is
    /// no such row or the column is null: the other end of a date range an edit does not send.
    func storedDate(table: ValidationTable, column: String, id: Int) throws -> String?
}

extension ValidationLookup {
    /// `exists` without a scope.
    public func exists(table: ValidationTable, column: String, value: String) throws -> Bool {
        try exists(table: table, column: column, value: value, scope: nil)
    }

    /// `taken` without a scope.
    public func taken(table: ValidationTable, column: String, value: String, excludingID: Int?) throws -> Bool {
        try taken(table: table, column: column, value: value, excludingID: excludingID, scope: nil)
    }
}

/// What the engine needs to know about the request beyond its input.
public struct ValidationContext: Sendable {
    /// For updates: the row being updated per table, which `unique:` ignores and whose stored dates
    /// `dateRange:…,<table>` reads.
    public var excludingIDs: [ValidationTable: Int]
    /// Values of `unique:` and `exists:` scope columns (`brand_id` of the project being created, `quotation_id`
    /// of the path).
    public var scopes: [String: String]

    /// A context.
    public init(excludingIDs: [ValidationTable: Int] = [:], scopes: [String: String] = [:]) {
        self.excludingIDs = excludingIDs
        self.scopes = scopes
    }
}

/// Settings of the validation language.
public struct ValidationOptions: Sendable, Equatable {
    /// The domains `regex:element` accepts, lower-cased (`ALLOWED_EMAIL_DOMAINS`, default `element.com.mx`).
    public var allowedEmailDomains: [String]

    /// Options with `allowedEmailDomains`.
    public init(allowedEmailDomains: [String] = ["element.com.mx"]) {
        self.allowedEmailDomains = allowedEmailDomains.map { $0.lowercased() }
    }

    /// Options from the comma-separated `ALLOWED_EMAIL_DOMAINS` value (nil or blank: the default).
    public init(allowedEmailDomainsSetting value: String?) {
        let domains = (value ?? "").split(separator: ",").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        self.init(allowedEmailDomains: domains.isEmpty ? ["element.com.mx"] : domains)
    }
}
