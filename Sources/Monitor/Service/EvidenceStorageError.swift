/// A file-system failure while storing evidence (the server's fault: a 500, with the detail in the log).
struct EvidenceStorageError: Error, CustomStringConvertible {
    /// The failed call.
    let operation: String
    /// The path it worked on.
    let path: String
    /// `errno`.
    let code: Int32

    var description: String { "evidence storage: \(operation) \(path) failed (errno \(code))" }
}
