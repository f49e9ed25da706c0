internal import CCurl

/// One blocking libcurl transfer on the calling thread, with what every caller (SMTP, the registries, S3) needs
/// around `curl_easy_perform`: the handle, string lists that live as long as it, an error buffer, `CURLOPT_NOSIGNAL`
/// (many threads, no SIGALRM: FIELD-NOTES §4.2), the first option curl refused, and the message of a failed transfer.
/// Everything is released when the transfer is.
final class CurlEasy {
    /// The easy handle, for `ventanilla_curl_setopt_*`.
    let handle: UnsafeMutableRawPointer
    private var lists: [UnsafeMutablePointer<curl_slist>] = []
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var refused: CURLcode = CURLE_OK

    /// A new handle; nil when libcurl cannot make one.
    init?() {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        set(ventanilla_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        set(ventanilla_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
    }

    deinit {
        curl_easy_cleanup(handle)
        lists.forEach { curl_slist_free_all($0) }
        errorBuffer.deallocate()
    }

    /// Records the result of setting an option; the first refusal is kept for `optionFailure`.
    func set(_ code: CURLcode) {
        if refused == CURLE_OK && code != CURLE_OK { refused = code }
    }

    /// Sets a string-list option (`CURLOPT_HTTPHEADER`, `CURLOPT_MAIL_RCPT`) kept alive with the handle; false when
    /// the list could not be built.
    func setList(_ option: CURLoption, _ items: [String]) -> Bool {
        var list: UnsafeMutablePointer<curl_slist>?
        for item in items {
            guard let appended = curl_slist_append(list, item) else {
                curl_slist_free_all(list)
                return false
            }
            list = appended
        }
        if let list { lists.append(list) }
        set(ventanilla_curl_setopt_slist(handle, option, list))
        return true
    }

    /// `curl option refused: …` when an option was refused, else nil.
    var optionFailure: String? {
        refused == CURLE_OK ? nil : "curl option refused: \(Self.describe(refused))"
    }

    /// Runs the transfer; `alive` (the read source, the write sink, the progress target) is kept alive meanwhile.
    func perform(keeping alive: AnyObject...) -> CURLcode {
        withExtendedLifetime(alive) { curl_easy_perform(handle) }
    }

    /// The last response's status (HTTP) or reply code (SMTP); 0 when none arrived.
    var responseCode: Int {
        var code = 0
        _ = ventanilla_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// `curl <code> (<libcurl's text>): <error buffer>` for a failed transfer.
    func message(_ result: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return "curl \(result.rawValue) (\(Self.describe(result)))" + (detail.isEmpty ? "" : ": " + detail)
    }

    private static func describe(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }
}
