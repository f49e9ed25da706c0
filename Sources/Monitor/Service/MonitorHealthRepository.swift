/// The database readings of `GET /api/health`.
protocol MonitorHealthRepository {
    /// Whether `SELECT 1` answers.
    func databaseAnswers() -> Bool
    /// The number of expedientes, or 0 when it cannot be read (as the original does).
    func expedienteCount() -> Int
}
