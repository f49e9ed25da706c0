import MariaDB

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
