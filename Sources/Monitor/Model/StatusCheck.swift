/// One result of the periodic status checks (monitor.md §8.2, §4.13): which check, whether it passed, when it ran.
public struct StatusCheck: Sendable, Equatable {
    /// `Backend`, `Base de datos`, `Disco`, `Evidencias` or `Frontend`.
    public let nombre: String
    /// Whether the check passed (ruling M15: a real result, `false` when it failed).
    public let ok: Bool
    /// When it ran (UTC milliseconds).
    public let timestamp: Int64
}
