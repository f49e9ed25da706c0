import AppCore

/// A worker's memory of the tokens it verified, one cache per verifier: a staff (RS256) token is never served to
/// the supplier check from the staff cache, nor the other way round, so each route still refuses the other
/// kind with its own code. Kept beside the worker's connection (`MariaDBConnection.local`).
final class EgresosVerifiedTokens {
    /// Staff tokens (Auth0 RS256) that verified.
    let staff = VerifiedTokenCache()
    /// Supplier sessions (HS256) that verified.
    let supplier = VerifiedTokenCache()
}
