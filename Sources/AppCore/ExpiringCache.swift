/// A worker's short memory of values it read (ruling 9: a token's claims are checked against the user's current
/// row, read at most once per `lifetime` per worker, so a change reaches every worker within that time). Not
/// thread-safe on purpose: each worker owns one, beside its database connection.
public final class ExpiringCache<Key: Hashable, Value> {
    private var entries: [Key: (value: Value, readAt: Int64)] = [:]
    private let lifetimeMilliseconds: Int64
    private let capacity: Int

    /// Values are read again once older than `lifetimeMilliseconds`; past `capacity` entries the cache starts over.
    public init(lifetimeMilliseconds: Int64, capacity: Int = 4_096) {
        self.lifetimeMilliseconds = lifetimeMilliseconds
        self.capacity = capacity
    }

    /// The value of `key` read less than the lifetime before `now` (Unix ms), else `load()`'s, remembered.
    public func value(for key: Key, now: Int64, load: () throws -> Value) rethrows -> Value {
        if let entry = entries[key], now >= entry.readAt, now - entry.readAt < lifetimeMilliseconds { return entry.value }
        let value = try load()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = (value, now)
        return value
    }

    /// Forgets `key` (this worker changed it: the next use reads it again).
    public func remove(_ key: Key) {
        entries[key] = nil
    }
}

/// A worker's memory of the users its requests' tokens named (ruling 9): each row is read at most once per
/// `lifetimeMilliseconds`, so a deleted, deactivated or demoted user, or a new password, reaches every worker
/// within that time (the ruling allows 60 s). Kept beside the worker's connection (`MariaDBConnection.local`),
/// with the worker's `VerifiedTokenCache`: a token seen before skips its signature check, never this row check.
public final class SessionUserCache<User> {
    /// How long a read row is trusted.
    public static var lifetimeMilliseconds: Int64 { 30_000 }
    private let cache = ExpiringCache<Int, User?>(lifetimeMilliseconds: lifetimeMilliseconds)
    /// The tokens this worker has verified (their claims only; the users they name are checked above).
    public let verifiedTokens = VerifiedTokenCache()

    /// An empty memory.
    public init() {}

    /// User `id` as read less than the lifetime before `now` (Unix ms), else as `load()` reads it now (nil: gone).
    public func user(id: Int, now: Int64, load: () throws -> User?) rethrows -> User? {
        try cache.value(for: id, now: now, load: load)
    }

    /// Forgets user `id` (this worker changed it: its next request reads the row again).
    public func forget(_ id: Int) { cache.remove(id) }
}
