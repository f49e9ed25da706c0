import AppCore
internal import CCurl

/// Delivers over SMTP with libcurl: `smtp://host:port` with STARTTLS per `SMTP_STARTTLS` (`smtps://` on port
/// 465), SMTP AUTH when a user is configured, and timeouts. Blocking; one per sender thread.
final class CurlSMTPTransport: MailTransport {
    private let settings: MailSettings
    private let control: MailSenderControl?

    /// A transport for `settings`; `control`, when given, can abort a delivery in flight at shutdown.
    init(settings: MailSettings, control: MailSenderControl?) {
        CurlLibrary.initialize()
        self.settings = settings
        self.control = control
    }

    func deliver(_ data: [UInt8], from sender: MailAddress, to recipients: [String]) throws(MailDeliveryError) {
        guard let host = settings.host else { throw MailDeliveryError("SMTP_HOST is not set") }
        guard let curl = curl_easy_init() else { throw MailDeliveryError("curl_easy_init failed") }
        defer { curl_easy_cleanup(curl) }
        var recipientList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(recipientList) }
        for recipient in recipients {
            guard let appended = curl_slist_append(recipientList, "<\(recipient)>") else {
                throw MailDeliveryError("curl_slist_append failed")
            }
            recipientList = appended
        }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let source = CurlUploadSource(data)

        let scheme = settings.port == 465 ? "smtps" : "smtp"
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        var failed: CURLcode = CURLE_OK
        func set(_ code: CURLcode) { if failed == CURLE_OK && code != CURLE_OK { failed = code } }
        set(ventanilla_curl_setopt_string(curl, CURLOPT_URL, "\(scheme)://\(bracketed):\(settings.port)"))
        set(ventanilla_curl_setopt_string(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
        set(ventanilla_curl_setopt_string(curl, CURLOPT_MAIL_FROM, "<\(sender.value)>"))
        set(ventanilla_curl_setopt_slist(curl, CURLOPT_MAIL_RCPT, recipientList))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_UPLOAD, 1))
        set(ventanilla_curl_setopt_read_function(curl, mailCurlRead))
        set(ventanilla_curl_setopt_pointer(curl, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_USE_SSL, Self.useSSL(settings.security)))
        if let username = settings.username {
            set(ventanilla_curl_setopt_string(curl, CURLOPT_USERNAME, username))
            set(ventanilla_curl_setopt_string(curl, CURLOPT_PASSWORD, settings.password ?? ""))
        }
        let timeout = settings.timeoutSeconds
        set(ventanilla_curl_setopt_long(curl, CURLOPT_CONNECTTIMEOUT, timeout))
        // A stall (under 1 byte/s for `timeout` seconds) or a whole exchange over 6 × timeout fails.
        set(ventanilla_curl_setopt_long(curl, CURLOPT_LOW_SPEED_LIMIT, 1))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_LOW_SPEED_TIME, timeout))
        set(ventanilla_curl_setopt_long(curl, CURLOPT_TIMEOUT, timeout * 6))
        // Threads: no SIGALRM-based DNS timeouts.
        set(ventanilla_curl_setopt_long(curl, CURLOPT_NOSIGNAL, 1))
        set(ventanilla_curl_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errorBuffer))
        if let control {
            set(ventanilla_curl_setopt_long(curl, CURLOPT_NOPROGRESS, 0))
            set(ventanilla_curl_setopt_xferinfo_function(curl, mailCurlProgress))
            set(ventanilla_curl_setopt_pointer(curl, CURLOPT_XFERINFODATA, Unmanaged.passUnretained(control).toOpaque()))
        }
        guard failed == CURLE_OK else {
            throw MailDeliveryError("curl option refused: \(Self.describe(failed))")
        }

        let result = withExtendedLifetime((source, control)) { curl_easy_perform(curl) }
        guard result != CURLE_OK else { return }
        var reply = 0
        _ = ventanilla_curl_getinfo_long(curl, CURLINFO_RESPONSE_CODE, &reply)
        let detail = String(cString: errorBuffer)
        var message = "curl \(result.rawValue) (\(Self.describe(result)))"
        if !detail.isEmpty { message += ": " + detail }
        if reply > 0 { message += " [SMTP \(reply)]" }
        throw MailDeliveryError(message, abortedForShutdown: result == CURLE_ABORTED_BY_CALLBACK)
    }

    private static func useSSL(_ security: MailTransportSecurity) -> Int {
        switch security {
        case .required: return Int(CURLUSESSL_ALL.rawValue)
        case .opportunistic: return Int(CURLUSESSL_TRY.rawValue)
        case .off: return Int(CURLUSESSL_NONE.rawValue)
        }
    }

    private static func describe(_ code: CURLcode) -> String {
        String(cString: curl_easy_strerror(code))
    }
}
