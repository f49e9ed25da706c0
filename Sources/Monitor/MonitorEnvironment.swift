import AppCore
import HTTPCore

/// Monitor's settings as handlers need them; built once from the environment.
public struct MonitorEnvironment: Sendable {
    /// The module's time zone (America/Mexico_City by default): "today" and local dates.
    public let zone: ZoneRules
    /// Where evidence files live (nginx serves it read-only at `/evidencias/`, ruling M7).
    public let evidenceDirectory: String
    /// Body limits (multipart files stream to `bodyLimits.uploadDirectory`).
    public let bodyLimits: BodyLimits
    /// The clock.
    public let clock: any Clock

    /// Settings from their parts.
    public init(zone: ZoneRules, evidenceDirectory: String, bodyLimits: BodyLimits, clock: any Clock = SystemClock()) {
        self.zone = zone
        self.evidenceDirectory = evidenceDirectory
        self.bodyLimits = bodyLimits
        self.clock = clock
    }
}
