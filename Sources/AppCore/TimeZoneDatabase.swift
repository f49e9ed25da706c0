import Glibc

/// The system's IANA time zone files (tzdata), used to check configured zone names.
public enum TimeZoneDatabase {
    /// Whether `identifier` names a zone in `/usr/share/zoneinfo` (no path escapes accepted).
    public static func exists(_ identifier: String) -> Bool {
        guard !identifier.isEmpty, !identifier.contains(".."), !identifier.hasPrefix("/") else { return false }
        return access("/usr/share/zoneinfo/" + identifier, R_OK) == 0
    }
}
