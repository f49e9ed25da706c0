import AppCore
internal import CCurl
import Monitor

/// The one S3 client over libcurl (ruling M14, issue 18): Monitor's cloud backup and the `s3` file storage of both
/// modules. Path-style `<endpoint>/<bucket>/<key>` requests signed with libcurl's AWS SigV4 (`CURLOPT_AWS_SIGV4`,
/// `aws:amz:<region>:s3`), the payload's SHA-256 sent and signed as `x-amz-content-sha256` (a file's computed
/// streaming); 10 s to connect, 30 s per request, 3 attempts for a failure that may pass (no answer, a 5xx, a
/// 429). Blocking, on the calling thread. `CURLOPT_NOSIGNAL`: many threads, no SIGALRM.
public struct CurlS3Client: CloudObjectStore {
    let settings: S3Settings

    /// What `MonitorModule` is given to reach its configured store.
    public static let factory: CloudBackup.StoreFactory = { CurlS3Client(settings: $0) }
    /// What the modules are given to keep their files in a bucket (`STORAGE_BACKEND=s3`).
    public static let storageFactory: StorageSettings.Factory = { CurlS3Client(settings: $0) }

    /// A client for `settings`; initialises libcurl once per process.
    public init(settings: S3Settings) {
        CurlLibrary.initialize()
        self.settings = settings
    }

    public func put(key: String, bytes: [UInt8]) throws {
        let reply = try send("PUT", key: key, body: .bytes(bytes))
        guard (200..<300).contains(reply.status) else { throw Self.failure("PUT", key, reply) }
    }

    public func delete(key: String) throws {
        let reply = try send("DELETE", key: key, body: .none)
        guard (200..<300).contains(reply.status) || reply.status == 404 else { throw Self.failure("DELETE", key, reply) }
    }

    public func exists(key: String) throws -> Bool {
        let reply = try send("HEAD", key: key, body: .none)
        switch reply.status {
        case 200..<300: return true
        case 404: return false
        default: throw Self.failure("HEAD", key, reply)
        }
    }

    /// What a request sends.
    enum Body {
        case none
        case bytes([UInt8])
        /// A file streamed from disk, with its SHA-256 (hex) computed beforehand.
        case file(path: String, sha256: String)
    }

    /// A reply: the status and the body kept.
    typealias Reply = (status: Int, body: [UInt8])

    /// The largest error or listing answer kept (S3 error documents and list pages are small).
    static let maximumAnswer = 1_024 * 1_024
    /// The largest object a GET reads into memory (Monitor's 52 MiB body limit, with room).
    static let maximumObject = 64 * 1_024 * 1_024

    static func failure(_ method: String, _ key: String, _ reply: Reply) -> CloudStoreError {
        let text = String(decoding: reply.body.prefix(300), as: UTF8.self)
        return CloudStoreError("\(method) \(key): HTTP \(reply.status) \(text)")
    }

    /// One request for `key` (or the bucket itself, `key` empty, with `query`), tried up to
    /// `S3Settings.attempts` times while it fails in a way that may pass.
    func send(_ method: String, key: String, query: String = "", body: Body, headers: [String] = [],
              limit: Int = maximumAnswer) throws -> Reply {
        var last = CloudStoreError("\(method) \(key): not attempted")
        for _ in 1...S3Settings.attempts {
            do {
                let reply = try perform(method, key: key, query: query, body: body, headers: headers, limit: limit)
                guard reply.status >= 500 || reply.status == 429 else { return reply }
                last = Self.failure(method, key, reply)
            } catch let error as CloudStoreError {
                last = error
            }
        }
        throw last
    }

    private func perform(_ method: String, key: String, query: String, body: Body, headers: [String],
                         limit: Int) throws -> Reply {
        guard let curl = CurlEasy() else { throw CloudStoreError("curl_easy_init failed") }
        let sink = CurlDownloadSink(limit: limit)
        var keep: [AnyObject] = [sink]
        let hash: String
        switch body {
        case .none: hash = Hashing.sha256Hex([])
        case .bytes(let bytes): hash = Hashing.sha256Hex(bytes)
        case .file(_, let sha256): hash = sha256
        }
        // The signed payload hash; no `Expect: 100-continue` round trip.
        guard curl.setList(CURLOPT_HTTPHEADER, ["x-amz-content-sha256: \(hash)", "Expect:"] + headers) else {
            throw CloudStoreError("curl_slist_append failed")
        }
        let url = key.isEmpty ? settings.endpoint + "/" + S3Presigner.encode(settings.bucket, keepSlash: false)
                              : settings.objectURL(key)
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_URL, url + (query.isEmpty ? "" : "?" + query)))
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_AWS_SIGV4, "aws:amz:\(settings.region):s3"))
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_USERPWD, "\(settings.accessKeyID):\(settings.secretAccessKey)"))
        switch (method, body) {
        case ("HEAD", _):
            curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_NOBODY, 1))
        case ("GET", _):
            break
        case (_, .bytes(let bytes)):
            let source = CurlUploadSource(bytes)
            keep.append(source)
            upload(curl, size: bytes.count, read: mailCurlRead, source: source)
        case (_, .file(let path, _)):
            guard let source = CurlFileSource(path: path) else { throw CloudStoreError("\(method) \(key): cannot read \(path)") }
            keep.append(source)
            upload(curl, size: source.size, read: s3CurlFileRead, source: source)
        case (_, .none):
            break
        }
        if method != "HEAD" && method != "GET" && method != "PUT" {
            curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_CUSTOMREQUEST, method))
        }
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_FOLLOWLOCATION, 0))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_FORBID_REUSE, 1))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_CONNECTTIMEOUT, S3Settings.connectTimeoutSeconds))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_TIMEOUT, S3Settings.requestTimeoutSeconds))
        curl.set(ventanilla_curl_setopt_write_function(curl.handle, registryCurlWrite))
        curl.set(ventanilla_curl_setopt_pointer(curl.handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()))
        if let refused = curl.optionFailure { throw CloudStoreError(refused) }

        let result = withExtendedLifetime(keep) { curl.perform() }
        guard result == CURLE_OK || (result == CURLE_WRITE_ERROR && sink.overflowed) else {
            throw CloudStoreError("\(method) \(key): \(curl.message(result))")
        }
        return (curl.responseCode, sink.bytes)
    }

    /// An upload body of `size` bytes read by `read` from `source` (`CURLOPT_UPLOAD` makes it a PUT; a POST
    /// keeps its method through `CURLOPT_CUSTOMREQUEST`).
    private func upload(_ curl: CurlEasy, size: Int, read: curl_read_callback, source: AnyObject) {
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_UPLOAD, 1))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_INFILESIZE, size))
        curl.set(ventanilla_curl_setopt_read_function(curl.handle, read))
        curl.set(ventanilla_curl_setopt_pointer(curl.handle, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()))
    }
}
