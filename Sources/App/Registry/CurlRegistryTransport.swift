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
        guard let curl = CurlEasy() else { throw .unusable("curl_easy_init failed") }
        let sink = CurlDownloadSink(limit: endpoint.maximumBytes)
        let headers = ["Accept: application/json"] + (endpoint.token.map { ["Authorization: Bearer \($0)"] } ?? [])
        guard curl.setList(CURLOPT_HTTPHEADER, headers) else { throw .unusable("curl_slist_append failed") }
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_URL, endpoint.url(for: key)))
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_HTTPGET, 1))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_FOLLOWLOCATION, 0))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_CONNECTTIMEOUT_MS, endpoint.connectTimeoutMilliseconds))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_TIMEOUT_MS, endpoint.totalTimeoutMilliseconds))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_MAXFILESIZE, endpoint.maximumBytes))
        curl.set(ventanilla_curl_setopt_write_function(curl.handle, registryCurlWrite))
        curl.set(ventanilla_curl_setopt_pointer(curl.handle, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque()))
        if let refused = curl.optionFailure { throw .unusable(refused) }

        let result = curl.perform(keeping: sink)
        switch result {
        case CURLE_OK:
            return RegistryReply(status: curl.responseCode, body: sink.bytes)
        case CURLE_OPERATION_TIMEDOUT:
            throw .timeout(curl.message(result))
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            throw .unreachable(curl.message(result))
        case CURLE_WRITE_ERROR where sink.overflowed, CURLE_FILESIZE_EXCEEDED:
            throw .unusable("answer over \(endpoint.maximumBytes) bytes")
        default:
            throw .unusable(curl.message(result))
        }
    }
}
