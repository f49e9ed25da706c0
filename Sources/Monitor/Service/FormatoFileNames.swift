/// File names for the forms (M12: a `no_siniestro` may hold any character, `/` included). The download name keeps
/// the claim number readable; the stored name is plain ASCII, and it lives in the expediente's own folder (named
/// from a digest of the claim number), so two claim numbers never share a file.
enum FormatoFileNames {
    /// The longest claim-number part of a stored name, in bytes (file names stop at 255).
    static let maxStoredPart = 180

    /// `<PREFIX>_<no_siniestro>.xlsx` with `/`, `\` and control characters replaced by `_`.
    static func download(_ formato: Formato, noSiniestro: String) -> String {
        let safe = String(noSiniestro.unicodeScalars.map { scalar -> Character in
            scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F ? "_" : Character(scalar)
        })
        return "\(formato.prefix)_\(safe).xlsx"
    }

    /// The stored name: every character but ASCII letters, digits, `-` and `.` becomes `_`, and the claim-number part
    /// is cut at `maxStoredPart`; a leading dot cannot occur (the prefix comes first).
    static func stored(_ formato: Formato, noSiniestro: String) -> String {
        let safe = noSiniestro.unicodeScalars.prefix(maxStoredPart).map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ".")
                ? Character(scalar) : "_"
        }
        return "\(formato.prefix)_\(String(safe)).xlsx"
    }

    /// `attachment; filename="…"` (the header of §4.10); a name that is not plain printable ASCII also gets
    /// `filename*=UTF-8''…` (RFC 6266) and an ASCII fallback with `_` in its place.
    static func contentDisposition(_ name: String) -> String {
        let plain = name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" }
        if plain { return "attachment; filename=\"\(name)\"" }
        let fallback = String(name.unicodeScalars.map { scalar -> Character in
            scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "\"" && scalar != "\\" ? Character(scalar) : "_"
        })
        var encoded = ""
        for byte in name.utf8 {
            let unreserved = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E
            encoded += unreserved ? String(UnicodeScalar(byte)) : "%" + hex(byte)
        }
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
