import AppCore
import Testing

@Suite("Mail settings from the environment")
struct MailSettingsTests {
    private func settings(_ values: [String: String], module: ModuleName = .transporte) throws -> MailSettings {
        try MailSettings(environment: Environment(module: module, values: values))
    }

    @Test("without SMTP_HOST delivery is not configured, and nothing else is required")
    func unconfigured() throws {
        let mail = try settings([:])
        #expect(!mail.isConfigured)
        #expect(mail.host == nil && mail.from == nil)
        #expect(mail.port == 587 && mail.security == .opportunistic && mail.timeoutSeconds == 10)
        #expect(mail.maxAttempts == 8 && mail.retryBaseSeconds == 30)
        #expect(mail.description == "smtp: not configured")
    }

    @Test("every variable is read, and <MODULE>_KEY beats KEY")
    func everything() throws {
        let mail = try settings([
            "SMTP_HOST": "shared.example.com", "TRANSPORTE_SMTP_HOST": "smtp.example.gob.sv", "SMTP_PORT": "2525",
            "SMTP_STARTTLS": "Required", "SMTP_USERNAME": "ventanilla", "SMTP_PASSWORD": "s3cr3t-Pa55",
            "MAIL_FROM": "Transporte <transporte@example.gob.sv>", "SMTP_TIMEOUT_SECONDS": "3",
            "MAIL_MAX_ATTEMPTS": "4", "MAIL_RETRY_BASE_SECONDS": "0",
        ])
        #expect(mail.isConfigured)
        #expect(mail.host == "smtp.example.gob.sv" && mail.port == 2525 && mail.security == .required)
        #expect(mail.username == "ventanilla" && mail.password == "s3cr3t-Pa55")
        #expect(mail.from?.address.value == "transporte@example.gob.sv" && mail.from?.displayName == "Transporte")
        #expect(mail.timeoutSeconds == 3 && mail.maxAttempts == 4 && mail.retryBaseSeconds == 0)
        #expect(try settings(["SMTP_HOST": "h.example.com", "MAIL_FROM": "a@example.com"], module: .egresos).host == "h.example.com")
    }

    @Test("with SMTP AUTH, STARTTLS is required unless SMTP_STARTTLS says otherwise; without, opportunistic")
    func starttlsDefault() throws {
        let base = ["SMTP_HOST": "smtp.example.com", "MAIL_FROM": "no-reply@example.com"]
        #expect(try settings(base).security == .opportunistic)
        let auth = base.merging(["SMTP_USERNAME": "mailer", "SMTP_PASSWORD": "secret"]) { $1 }
        #expect(try settings(auth).security == .required)
        #expect(try settings(auth.merging(["SMTP_STARTTLS": "off"]) { $1 }).security == .off)
        #expect(try settings(auth.merging(["SMTP_STARTTLS": "opportunistic"]) { $1 }).security == .opportunistic)
    }

    @Test("the password never shows in descriptions or mirrors")
    func secretHidden() throws {
        let mail = try settings(["SMTP_HOST": "smtp.example.com", "SMTP_USERNAME": "u", "SMTP_PASSWORD": "s3cr3t-Pa55",
                                 "MAIL_FROM": "a@example.com"])
        #expect(!mail.description.contains("s3cr3t"))
        #expect(!String(describing: mail).contains("s3cr3t"))
        #expect(!String(reflecting: mail).contains("s3cr3t"))
        var dumped = ""
        dump(mail, to: &dumped)
        #expect(!dumped.contains("s3cr3t"))
        #expect(mail.description == "smtp://smtp.example.com:587 starttls=required user u from a@example.com")
    }

    @Test("bad values are refused naming the variable", arguments: [
        (["SMTP_HOST": "smtp.example.com"], "MAIL_FROM"),
        (["SMTP_HOST": "smtp.example.com", "MAIL_FROM": "not an address"], "MAIL_FROM"),
        (["MAIL_FROM": "a@example.com", "SMTP_HOST": "smtp.example.com/x"], "SMTP_HOST"),
        (["MAIL_FROM": "a@example.com", "SMTP_HOST": "user@smtp.example.com"], "SMTP_HOST"),
        (["SMTP_PORT": "0"], "SMTP_PORT"),
        (["SMTP_PORT": "smtp"], "SMTP_PORT"),
        (["SMTP_STARTTLS": "yes"], "SMTP_STARTTLS"),
        (["SMTP_PASSWORD": "x"], "SMTP_USERNAME"),
        (["SMTP_TIMEOUT_SECONDS": "0"], "SMTP_TIMEOUT_SECONDS"),
        (["MAIL_MAX_ATTEMPTS": "0"], "MAIL_MAX_ATTEMPTS"),
        (["MAIL_RETRY_BASE_SECONDS": "-1"], "MAIL_RETRY_BASE_SECONDS"),
    ])
    func refused(values: [String: String], variable: String) {
        #expect {
            _ = try settings(values)
        } throws: { error in
            (error as? ConfigurationError)?.variable == variable
        }
    }

    @Test("backoff doubles from the base and stops at one hour")
    func backoff() {
        let mail = MailSettings(host: "h", from: nil)
        #expect((1...9).map { mail.retryDelaySeconds(afterAttempts: $0) } == [30, 60, 120, 240, 480, 960, 1_920, 3_600, 3_600])
        #expect(mail.retryDelaySeconds(afterAttempts: 1_000) == 3_600)
        #expect(MailSettings(host: "h", from: nil, retryBaseSeconds: 0).retryDelaySeconds(afterAttempts: 5) == 0)
        #expect(MailSettings(host: "h", from: nil, retryBaseSeconds: 1).retryDelaySeconds(afterAttempts: 3) == 4)
        #expect(MailSettings(host: "h", from: nil, retryBaseSeconds: 7_200).retryDelaySeconds(afterAttempts: 3) == 7_200)
    }
}
