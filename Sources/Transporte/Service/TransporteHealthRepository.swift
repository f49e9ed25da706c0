/// The database reading of `GET /root`.
protocol TransporteHealthRepository {
    /// Whether `SELECT 1` answers.
    func databaseAnswers() -> Bool
}
