internal import CCurl
import Transporte

/// Transporte's external registries (ruling T15) over libcurl: one blocking GET of `<url>/<key>` on the calling
/// worker thread, `Accept: application/json`, the bearer token when configured, http and https only, no
/// redirects, the endpoint's connect and total timeouts (`CURLOPT_CONNECTTIMEOUT_MS`, `CURLOPT_TIMEOUT_MS`: a
/// worker is never held longer) and its size cap. `CURLOPT_NOSIGNAL`: many threads, no SIGALRM (FIELD-NOTES §4.2).
public struct CurlRegistryTransport: RegistryTransport {
    private let endpoint: RegistryEndpoint

    /// What `TransporteModule` is given to reach its configured registries.
    public static let factory: TransporteRegistries.TransportFactory = { CurlRegistryTransport(endpoint: $0) }

    /// A transport for `endpoint`; initialises libcurl once per process.
    public init(endpoint: RegistryEndpoint) {
        CurlLibrary.initialize()
        self.endpoint = endpoint
    }

    public func fetch(_ key: String) throws(RegistryFailure) -> RegistryReply {
        guard let curl = curl_easy_init() else { throw .unusable("curl_easy_init failed") }
        defer { curl_easy_cleanup(curl) }
        var headers: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(headers) }
        for header in ["Accept: application/json"] + (endpoint.token.map { ["Authorization: Bearer \($0)"] } ?? []) {
            guard let appended = curl_slist_append(headers, header) else { throw .unusable("curl_slist_append failed") }
            headers = appended
        }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let sink = CurlDownloadSink(limit: endpoint.maximumBytes)

        var failed: CURLcode = CURLE_OK
        func set(_ code: CURLcode) { if failed == CURLE_OK && code != CURLE_OK { failed = code } }
        set(ventanilla_curl_setopt_string(curl, CURLOPT_URL, endpoint.url(for: key)))
        set(ventanilla_curl_setopt_string(curl, CURLOPT_PROTOCOLS_STR, "http,https"))
        set(ventanilla_curl_setopt_slist(curl, CURLOPT_HTTPHEADER, headers))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_HTTPGET, 1))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_FOLLOWLOCATION, 0))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_CONNECTTIMEOUT_MS, endpoint.connectTimeoutMilliseconds))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_TIMEOUT_MS, endpoint.totalTimeoutMilliseconds))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_MAXFILESIZE, endpoint.maximumBytes))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_NOSIGNAL, 1))
        set(ventanilla_curl_setopt_write_function(curl, registryCurlWrite))
        set(ventanilla_curl_setopt_pointer(curl, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()))
        set(ventanilla_curl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errorBuffer))
        guard failed == CURLE_OK else { throw .unusable("curl option refused: \(Self.describe(failed))") }

        let result = withExtendedLifetime(sink) { curl_easy_perform(curl) }
        let detail = String(cString: errorBuffer)
        let message = "curl \(result.rawValue) (\(Self.describe(result)))" + (detail.isEmpty ? "" : ": " + detail)
        switch result {
        case CURLE_OK:
            var status = 0
            _ = ventanilla_curl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &status)
            return RegistryReply(status: status, body: sink.bytes)
        case CURLE_OPERATION_TIMEDOUT:
            throw .timeout(message)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            throw .unreachable(message)
        case CURLE_WRITE_ERROR where sink.overflowed, CURLE_FILESIZE_EXCEEDED:
            throw .unusable("answer over \(endpoint.maximumBytes) bytes")
        default:
            throw .unusable(message)
        }
    }

    private static func describe(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }
}
