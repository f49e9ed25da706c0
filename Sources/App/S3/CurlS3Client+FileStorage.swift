import AppCore
import Monitor

/// The `s3` file storage (issue 18): the keys are the bucket's keys as they are (`evidencias/…`, `files/…`).
extension CurlS3Client: FileStorage {
    /// The most keys one multi-object delete names (S3's limit).
    static let deleteBatch = 1_000

    public var objectStore: S3Settings? { settings }

    /// Streams the file (its SHA-256 computed in a first pass, so the payload is signed); the caller's temporary
    /// file stays where it is, the request machinery removes it.
    public func put(_ key: String, contentsOf path: String, consuming: Bool) throws {
        guard let sha256 = Hashing.sha256Hex(fileAt: path) else { throw FileStorageError("PUT \(key): cannot read \(path)") }
        let reply = try send("PUT", key: key, body: .file(path: path, sha256: sha256))
        guard (200..<300).contains(reply.status) else { throw Self.failure("PUT", key, reply) }
    }

    public func put(_ key: String, bytes: [UInt8]) throws {
        try put(key: key, bytes: bytes)
    }

    public func get(_ key: String) throws -> [UInt8]? {
        let reply = try send("GET", key: key, body: .none, limit: Self.maximumObject)
        switch reply.status {
        case 200..<300:
            guard reply.body.count < Self.maximumObject else { throw FileStorageError("GET \(key): larger than \(Self.maximumObject) bytes") }
            return reply.body
        case 404: return nil
        default: throw Self.failure("GET", key, reply)
        }
    }

    public func exists(_ key: String) throws -> Bool {
        try exists(key: key)
    }

    /// One `POST ?delete` (DeleteObjects, quiet) per 1,000 keys; a key the store reports as not deleted fails it.
    public func delete(_ keys: [String]) throws {
        var start = 0
        while start < keys.count {
            let batch = keys[start..<min(start + Self.deleteBatch, keys.count)]
            start += Self.deleteBatch
            let xml = "<Delete><Quiet>true</Quiet>" + batch.map { "<Object><Key>\(S3XML.escape($0))</Key></Object>" }.joined()
                + "</Delete>"
            let body = Array(xml.utf8)
            let reply = try send("POST", key: "", query: "delete=", body: .bytes(body),
                                 headers: ["Content-MD5: \(Hashing.md5Base64(body))", "Content-Type: application/xml"])
            guard (200..<300).contains(reply.status) else { throw Self.failure("DELETE", batch.first ?? "", reply) }
            let errors = S3XML.values(of: "Key", in: S3XML.elements("Error", in: reply.body))
            guard errors.isEmpty else { throw FileStorageError("DELETE not done: \(errors.joined(separator: ", "))") }
        }
    }

    /// ListObjectsV2 pages under `prefix`, following the continuation token.
    public func list(prefix: String) throws -> [String] {
        var keys: [String] = []
        var token: String?
        repeat {
            var query = "list-type=2&prefix=" + S3Presigner.encode(prefix, keepSlash: false)
            if let token { query = "continuation-token=" + S3Presigner.encode(token, keepSlash: false) + "&" + query }
            let reply = try send("GET", key: "", query: query, body: .none)
            guard (200..<300).contains(reply.status) else { throw Self.failure("LIST", prefix, reply) }
            keys += S3XML.values(of: "Key", in: S3XML.elements("Contents", in: reply.body))
            token = S3XML.values(of: "IsTruncated", in: [reply.body]).first == "true"
                ? S3XML.values(of: "NextContinuationToken", in: [reply.body]).first : nil
        } while token != nil
        return keys.filter { !($0.split(separator: "/").last?.hasPrefix(".") ?? false) }.sorted()
    }
}
