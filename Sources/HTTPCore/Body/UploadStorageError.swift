/// A failure of the server's own storage while streaming an upload (not the client's fault: a 500).
public struct UploadStorageError: ClassifiedError, CustomStringConvertible, Equatable {
    /// The system call that failed (`mkdir`, `mkstemp`, `write`, `close`).
    public var operation: String
    /// The path it was working on.
    public var path: String
    /// The `errno` value.
    public var code: Int32

    /// An error from its parts.
    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    /// Always `.internalError`.
    public var errorClass: ErrorClass { .internalError }

    /// The operation, path and errno, for logs.
    public var description: String { "upload storage: \(operation) \(path) failed (errno \(code))" }
}
