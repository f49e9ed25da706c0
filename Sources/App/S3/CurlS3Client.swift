import AppCore
internal import CCurl
import Monitor

/// Monitor's cloud store over libcurl (ruling M14): path-style `<endpoint>/<bucket>/<key>` requests signed with
/// libcurl's AWS SigV4 (`CURLOPT_AWS_SIGV4`, `aws:amz:<region>:s3`), the payload's SHA-256 sent and signed as
/// `x-amz-content-sha256`; 10 s to connect, 30 s per request, 3 attempts for a failure that may pass (no answer,
/// a 5xx, a 429). Blocking, on the calling thread. `CURLOPT_NOSIGNAL`: many threads, no SIGALRM.
public struct CurlS3Client: CloudObjectStore {
    private let settings: S3Settings

    /// What `MonitorModule` is given to reach its configured store.
    public static let factory: CloudBackup.StoreFactory = { CurlS3Client(settings: $0) }

    /// A client for `settings`; initialises libcurl once per process.
    public init(settings: S3Settings) {
        CurlLibrary.initialize()
        self.settings = settings
    }

    public func put(key: String, bytes: [UInt8]) throws {
        let reply = try send("PUT", key: key, body: bytes)
        guard (200..<300).contains(reply.status) else { throw Self.failure("PUT", key, reply) }
    }

    public func delete(key: String) throws {
        let reply = try send("DELETE", key: key, body: nil)
        guard (200..<300).contains(reply.status) || reply.status == 404 else { throw Self.failure("DELETE", key, reply) }
    }

    public func exists(key: String) throws -> Bool {
        let reply = try send("HEAD", key: key, body: nil)
        switch reply.status {
        case 200..<300: return true
        case 404: return false
        default: throw Self.failure("HEAD", key, reply)
        }
    }

    /// The largest answer kept (S3 error documents are small; object bodies are never read here).
    private static let maximumAnswer = 64 * 1_024

    private static func failure(_ method: String, _ key: String, _ reply: (status: Int, body: [UInt8])) -> CloudStoreError {
        let text = String(decoding: reply.body.prefix(300), as: UTF8.self)
        return CloudStoreError("\(method) \(key): HTTP \(reply.status) \(text)")
    }

    /// One request, tried up to `S3Settings.attempts` times while it fails in a way that may pass.
    private func send(_ method: String, key: String, body: [UInt8]?) throws -> (status: Int, body: [UInt8]) {
        var last = CloudStoreError("\(method) \(key): not attempted")
        for _ in 1...S3Settings.attempts {
            do {
                let reply = try perform(method, key: key, body: body)
                guard reply.status >= 500 || reply.status == 429 else { return reply }
                last = Self.failure(method, key, reply)
            } catch let error as CloudStoreError {
                last = error
            }
        }
        throw last
    }

    private func perform(_ method: String, key: String, body: [UInt8]?) throws -> (status: Int, body: [UInt8]) {
        guard let curl = CurlEasy() else { throw CloudStoreError("curl_easy_init failed") }
        let sink = CurlDownloadSink(limit: Self.maximumAnswer)
        let source = CurlUploadSource(body ?? [])
        // The signed payload hash; no `Expect: 100-continue` round trip.
        guard curl.setList(CURLOPT_HTTPHEADER, ["x-amz-content-sha256: \(Hashing.sha256Hex(body ?? []))", "Expect:"]) else {
            throw CloudStoreError("curl_slist_append failed")
        }
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_URL, settings.objectURL(key)))
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_AWS_SIGV4, "aws:amz:\(settings.region):s3"))
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_USERPWD, "\(settings.accessKeyID):\(settings.secretAccessKey)"))
        switch method {
        case "PUT":
            curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_UPLOAD, 1))
            curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_INFILESIZE, source.bytes.count))
            curl.set(ventanilla_curl_setopt_read_function(curl.handle, mailCurlRead))
            curl.set(ventanilla_curl_setopt_pointer(curl.handle, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()))
        case "HEAD":
            curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_NOBODY, 1))
        default:
            curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_CUSTOMREQUEST, method))
        }
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_FOLLOWLOCATION, 0))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_FORBID_REUSE, 1))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_CONNECTTIMEOUT, S3Settings.connectTimeoutSeconds))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_TIMEOUT, S3Settings.requestTimeoutSeconds))
        curl.set(ventanilla_curl_setopt_write_function(curl.handle, registryCurlWrite))
        curl.set(ventanilla_curl_setopt_pointer(curl.handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()))
        if let refused = curl.optionFailure { throw CloudStoreError(refused) }

        let result = curl.perform(keeping: sink, source)
        guard result == CURLE_OK || (result == CURLE_WRITE_ERROR && sink.overflowed) else {
            throw CloudStoreError("\(method) \(key): \(curl.message(result))")
        }
        return (curl.responseCode, sink.bytes)
    }
}
