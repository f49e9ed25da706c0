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
        guard let curl = curl_easy_init() else { throw CloudStoreError("curl_easy_init failed") }
        defer { curl_easy_cleanup(curl) }
        var headers: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headers) }
        let payloadHash = Hashing.sha256Hex(body ?? [])
        // No `Expect: 100-continue` round trip; the signed payload hash.
        for header in ["x-amz-content-sha256: \(payloadHash)", "Expect:"] {
            guard let appended = curl_slist_append(headers, header) else { throw CloudStoreError("curl_slist_append failed") }
            headers = appended
        }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let sink = CurlDownloadSink(limit: Self.maximumAnswer)
        let source = CurlUploadSource(body ?? [])

        var failed: CURLcode = CURLE_OK
        func set(_ code: CURLcode) { if failed == CURLE_OK && code != CURLE_OK { failed = code } }
        set(ventanilla_curl_setopt_string(curl, CURLOPT_URL, settings.objectURL(key)))
        set(ventanilla_curl_setopt_string(curl, CURLOPT_PROTOCOLS_STR, "http,https"))
        set(ventanilla_curl_setopt_string(curl, CURLOPT_AWS_SIGV4, "aws:amz:\(settings.region):s3"))
        set(ventanilla_curl_setopt_string(curl, CURLOPT_USERPWD, "\(settings.accessKeyID):\(settings.secretAccessKey)"))
        set(ventanilla_curl_setopt_slist(curl, CURLOPT_HTTPHEADER, headers))
        switch method {
        case "PUT":
            set(ventanilla_curl_setopt_long(curl, CURLOPT_UPLOAD, 1))
            set(ventanilla_curl_setopt_long(curl, CURLOPT_INFILESIZE, source.bytes.count))
            set(ventanilla_curl_setopt_read_function(curl, mailCurlRead))
            set(ventanilla_curl_setopt_pointer(curl, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()))
        case "HEAD":
            set(ventanilla_curl_setopt_long(curl, CURLOPT_NOBODY, 1))
        default:
            set(ventanilla_curl_setopt_string(curl, CURLOPT_CUSTOMREQUEST, method))
        }
        set(ventanilla_curl_setopt_long(curl, CURLOPT_FOLLOWLOCATION, 0))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_FORBID_REUSE, 1))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_CONNECTTIMEOUT, S3Settings.connectTimeoutSeconds))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_TIMEOUT, S3Settings.requestTimeoutSeconds))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_NOSIGNAL, 1))
        set(ventanilla_curl_setopt_write_function(curl, registryCurlWrite))
        set(ventanilla_curl_setopt_pointer(curl, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()))
        set(ventanilla_curl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errorBuffer))
        guard failed == CURLE_OK else { throw CloudStoreError("curl option refused: \(Self.describe(failed))") }

        let result = withExtendedLifetime((sink, source)) { curl_easy_perform(curl) }
        guard result == CURLE_OK || (result == CURLE_WRITE_ERROR && sink.overflowed) else {
            let detail = String(cString: errorBuffer)
            throw CloudStoreError("\(method) \(key): curl \(result.rawValue) (\(Self.describe(result)))" + (detail.isEmpty ? "" : ": " + detail))
        }
        var status = 0
        _ = ventanilla_curl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &status)
        return (status, sink.bytes)
    }

    private static func describe(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }
}
