internal import CCurl

/// Process-wide setup of libcurl.
enum CurlLibrary {
    /// `curl_global_init` exactly once (a Swift `static let` is initialised under a once-lock); call it from
    /// the main thread before any thread uses curl.
    static func initialize() {
        _ = initialized
    }

    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_DEFAULT)) == CURLE_OK
}
