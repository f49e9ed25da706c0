/// The database reading of `GET /api/v1/health`.
protocol EgresosHealthRepository {
    /// Whether `SELECT 1` answers.
    func databaseAnswers() -> Bool
}
