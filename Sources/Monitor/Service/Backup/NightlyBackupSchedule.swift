import AppCore

/// When the nightly bulk job is due (monitor.md §6.4, ruling 3): at 02:00 in the module's time zone. A process
/// looks every minute; within the hour from 02:00 the day's run is due until some process has claimed it (the
/// claim is one UPDATE of `backup_job.ultima_nocturna`, so the run starts once a day however many processes and
/// hosts look). A process that starts later in the day does not catch up a missed night: the next night does.
struct NightlyBackupSchedule {
    /// The local hour of the run.
    static let hour = 2
    /// Seconds between two looks.
    static let checkInterval: Double = 60

    let zone: ZoneRules

    /// The local date (`YYYY-MM-DD`) whose run is due at `instant`, or nil outside 02:00–02:59 local time.
    func dueDate(at instant: Int64) -> String? {
        let ofDay = zone.millisecondsOfDay(atUTCMilliseconds: instant)
        guard ofDay / 3_600_000 == Self.hour else { return nil }
        return zone.civilDate(atUTCMilliseconds: instant).description
    }
}
