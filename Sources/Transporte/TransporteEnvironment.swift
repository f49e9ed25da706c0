import AppCore
import HTTPCore

/// What Transporte's handlers need of the settings: the time zone (America/El_Salvador: "today", code
/// months, rendered timestamps), the clock, the body limits and the
/// external registries.
public struct TransporteEnvironment: Sendable {
    /// The module's zone (ruling 3, T7).
    public let zone: ZoneRules
    /// The body limits of the module.
    public let bodyLimits: BodyLimits
    /// The clock (a fixed one in tests).
    public let clock: any Clock
    /// Seconds a write transaction's statement waits for a row lock before it is retried (T16).
    public let lockWaitSeconds: Int
    /// The plate and DUI registries (T15).
    public let registries: TransporteRegistries

    /// The environment from its parts.
    public init(zone: ZoneRules, bodyLimits: BodyLimits, clock: any Clock, lockWaitSeconds: Int = 8,
                registries: TransporteRegistries = .none) {
        self.zone = zone
        self.bodyLimits = bodyLimits
        self.clock = clock
        self.lockWaitSeconds = lockWaitSeconds
        self.registries = registries
    }

    /// Today's date in the module's zone.
    public func today() -> CivilDate {
        zone.civilDate(atUTCMilliseconds: clock.nowMilliseconds())
    }
}
