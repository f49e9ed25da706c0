/// The S3-compatible object store of the cloud backup (ruling M14), as Monitor needs it. App implements it over
/// libcurl (signed with `CURLOPT_AWS_SIGV4`); Monitor never touches a C library.
public protocol CloudObjectStore: Sendable {
    /// Stores `bytes` as `key` (PUT, retried as the store's settings say); throws when the store did not take it.
    func put(key: String, bytes: [UInt8]) throws
    /// Deletes `key` (DELETE; a missing object is not an error).
    func delete(key: String) throws
    /// Whether `key` exists (HEAD).
    func exists(key: String) throws -> Bool
}
