/// The instant a connection's session clock is pinned to (`SET timestamp`), kept beside the connection
/// (`MariaDBConnection.local`), so that a `conInstante` inside another one at the same instant sends nothing: a
/// creation pins its clock once for its rows, its stops and its first state (one `SET` pair, not one per step).
final class InstanteFijado {
    /// The pinned instant (UTC milliseconds); nil while the session reads the server's own clock.
    var instante: Int64?
}
