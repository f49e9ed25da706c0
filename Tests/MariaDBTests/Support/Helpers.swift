import MariaDB
import Synchronization

/// The `MariaDBError` that `body` throws, or nil when it succeeds or throws something else.
func mariaDBError<T>(_ body: () throws -> T) -> MariaDBError? {
    do {
        _ = try body()
        return nil
    } catch let error as MariaDBError {
        return error
    } catch {
        return nil
    }
}

/// A deliberate failure thrown from a transaction body.
struct IntentionalFailure: Error, Equatable {}

/// A value handed between a test and a helper thread.
final class LockedBox<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    func set(_ value: Value) {
        mutex.withLock { $0 = value }
    }

    func get() -> Value {
        mutex.withLock { $0 }
    }
}
