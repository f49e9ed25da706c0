import AppCore

/// What the auth middleware needs, built once from the settings and shared by every worker.
public struct EgresosAuthentication: Sendable {
    /// The settings (staff verifier, e-mail claim).
    public let settings: EgresosSettings
    /// Supplier sessions.
    public let supplierTokens: SupplierTokens
    /// The clock (a fixed one in tests).
    public let clock: any Clock

    /// Authentication over `settings` and `clock`.
    public init(settings: EgresosSettings, clock: any Clock) {
        self.settings = settings
        self.clock = clock
        supplierTokens = SupplierTokens(secret: settings.supplierSecret, lifetimeSeconds: settings.supplierSessionSeconds,
                                        leeway: settings.staffTokens.leeway, clock: clock)
    }
}
