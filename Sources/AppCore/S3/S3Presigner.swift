import Crypto

/// Presigned GET URLs (AWS SigV4 in the query string, `UNSIGNED-PAYLOAD`, only `host` signed): libcurl signs
/// requests it sends but does not presign, so this is the one place the signature is computed by us.
public struct S3Presigner: Sendable {
    /// The store.
    public let settings: S3Settings

    /// A presigner for `settings`.
    public init(settings: S3Settings) {
        self.settings = settings
    }

    /// A URL that GETs `key` without credentials for `expires` seconds after `instant` (Unix milliseconds).
    public func presignedGET(_ key: String, at instant: Int64, expires: Int) -> String {
        let stamp = Self.amzDate(instant)
        let day = String(stamp.prefix(8))
        let scope = "\(day)/\(settings.region)/s3/aws4_request"
        let query = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", "\(settings.accessKeyID)/\(scope)"),
            ("X-Amz-Date", stamp),
            ("X-Amz-Expires", String(expires)),
            ("X-Amz-SignedHeaders", "host"),
        ].map { Self.encode($0.0, keepSlash: false) + "=" + Self.encode($0.1, keepSlash: false) }.joined(separator: "&")
        let path = settings.objectPath(key)
        let canonical = ["GET", path, query, "host:\(settings.hostHeader)", "", "host", "UNSIGNED-PAYLOAD"].joined(separator: "\n")
        let toSign = ["AWS4-HMAC-SHA256", stamp, scope, Hashing.sha256Hex(Array(canonical.utf8))].joined(separator: "\n")
        var key = SymmetricKey(data: Array(("AWS4" + settings.secretAccessKey).utf8))
        for part in [day, settings.region, "s3", "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        let signature = HMAC<SHA256>.authenticationCode(for: Array(toSign.utf8), using: key)
            .map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        return settings.endpoint + path + "?" + query + "&X-Amz-Signature=" + signature
    }

    /// `YYYYMMDD'T'HHMMSS'Z'` of a Unix-millisecond instant.
    static func amzDate(_ instant: Int64) -> String {
        let iso = ISO8601.format(utcMilliseconds: instant)   // 2026-12-01T12:00:00.000Z
        return iso.prefix(19).filter { $0 != "-" && $0 != ":" } + "Z"
    }

    /// SigV4's URI encoding: every byte but `A-Z a-z 0-9 - _ . ~` (and `/` when `keepSlash`) as `%XX`.
    public static func encode(_ text: String, keepSlash: Bool) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "/") where keepSlash:
                out.append("/")
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (byte < 16 ? "0" : "") + hex
            }
        }
        return out
    }
}
