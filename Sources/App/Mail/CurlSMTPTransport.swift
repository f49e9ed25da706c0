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
        guard let curl = CurlEasy() else { throw MailDeliveryError("curl_easy_init failed") }
        let source = CurlUploadSource(data)
        guard curl.setList(CURLOPT_MAIL_RCPT, recipients.map { "<\($0)>" }) else {
            throw MailDeliveryError("curl_slist_append failed")
        }
        let scheme = settings.port == 465 ? "smtps" : "smtp"
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_URL, "\(scheme)://\(bracketed):\(settings.port)"))
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
        curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_MAIL_FROM, "<\(sender.value)>"))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_UPLOAD, 1))
        curl.set(ventanilla_curl_setopt_read_function(curl.handle, mailCurlRead))
        curl.set(ventanilla_curl_setopt_pointer(curl.handle, CURLOPT_READDATA, Unmanaged.passUnretained(source).toOpaque()))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_USE_SSL, Self.useSSL(settings.security)))
        if let username = settings.username {
            curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_USERNAME, username))
            curl.set(ventanilla_curl_setopt_string(curl.handle, CURLOPT_PASSWORD, settings.password ?? ""))
        }
        let timeout = settings.timeoutSeconds
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_CONNECTTIMEOUT, timeout))
        // A stall (under 1 byte/s for `timeout` seconds) or a whole exchange over 6 × timeout fails.
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_LOW_SPEED_LIMIT, 1))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_LOW_SPEED_TIME, timeout))
        curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_TIMEOUT, timeout * 6))
        if let control {
            curl.set(ventanilla_curl_setopt_long(curl.handle, CURLOPT_NOPROGRESS, 0))
            curl.set(ventanilla_curl_setopt_xferinfo_function(curl.handle, mailCurlProgress))
            curl.set(ventanilla_curl_setopt_pointer(curl.handle, CURLOPT_XFERINFODATA, Unmanaged.passUnretained(control).toOpaque()))
        }
        if let refused = curl.optionFailure { throw MailDeliveryError(refused) }

        let result = control.map { curl.perform(keeping: source, $0) } ?? curl.perform(keeping: source)
        guard result != CURLE_OK else { return }
        let reply = curl.responseCode
        var message = curl.message(result)
        if reply > 0 { message += " [SMTP \(reply)]" }
        throw MailDeliveryError(message, abortedForShutdown: result == CURLE_ABORTED_BY_CALLBACK,
                                serverUnreachable: reply == 0 && Self.networkFailures.contains(result.rawValue))
    }

    /// curl's failures of the network itself: with no SMTP reply at all they mean the server was never reached.
    private static let networkFailures: Set<UInt32> = [
        CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_OPERATION_TIMEDOUT, CURLE_GOT_NOTHING,
        CURLE_SEND_ERROR, CURLE_RECV_ERROR,
    ].map(\.rawValue).reduce(into: []) { $0.insert($1) }

    private static func useSSL(_ security: MailTransportSecurity) -> Int {
        switch security {
        case .required: return Int(CURLUSESSL_ALL.rawValue)
        case .opportunistic: return Int(CURLUSESSL_TRY.rawValue)
        case .off: return Int(CURLUSESSL_NONE.rawValue)
        }
    }
}
