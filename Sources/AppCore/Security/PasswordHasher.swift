internal import CXCrypt

/// bcrypt password hashes (`$2b$`, ruling 4) through the system's libxcrypt, so hashes from the original
/// systems (`$2a$`, `$2b$`, `$2y$`) keep working.
public enum PasswordHasher {
    /// Why a password could not be hashed.
    public enum Failure: Error, Sendable {
        /// The password contains a NUL byte, which C strings cannot carry.
        case invalidPassword
        /// libxcrypt refused (no randomness, unsupported cost).
        case hashingFailed
    }

    /// A new `$2b$` hash of `password` with `cost` (10 by default, the original's).
    public static func hash(_ password: String, cost: Int = 10) throws -> String {
        guard !password.utf8.contains(0) else { throw Failure.invalidPassword }
        var salt = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn("$2b$", UInt(cost), nil, 0, &salt, Int32(salt.count)) != nil else { throw Failure.hashingFailed }
        guard let hashed = run(password, setting: salt), hashed.hasPrefix("$2b$") else { throw Failure.hashingFailed }
        return hashed
    }

    /// Whether `password` matches `hash` (any bcrypt variant); false for malformed hashes.
    public static func verify(_ password: String, hash: String) -> Bool {
        guard !password.utf8.contains(0), hash.hasPrefix("$2"), hash.utf8.count == 60 else { return false }
        guard let computed = run(password, setting: Array(hash.utf8CString)) else { return false }
        return constantTimeEquals(Array(computed.utf8), Array(hash.utf8))
    }

    /// A valid bcrypt hash (cost 10) that no one logs in with.
    static let burnHash = "$2b$10$r7W1RiArWuiWnnwNoypN5egbMcMNX2GSuc7URh6IKpoxUmf1BTfs."

    /// Whether `password` matches `hash`; with no hash to check (an unknown user, an account without a password)
    /// it verifies against a hash no one logs in with and answers false, so every refused login costs the same
    /// bcrypt round and its timing does not tell which accounts exist.
    public static func verifyLogin(_ password: String, hash: String?) -> Bool {
        guard let hash else {
            _ = verify(password, hash: burnHash)
            return false
        }
        return verify(password, hash: hash)
    }

    private static func run(_ password: String, setting: [CChar]) -> String? {
        // crypt_data is ~32 KB: keep it off the worker's stack.
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        defer {
            UnsafeMutableRawPointer(data).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
            data.deallocate()
        }
        UnsafeMutableRawPointer(data).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<crypt_data>.size)
        guard let result = crypt_r(password, setting, data) else { return nil }
        let text = String(cString: result)
        // libxcrypt signals failure with a string starting with '*'.
        return text.hasPrefix("*") ? nil : text
    }

    /// Equality whose duration does not depend on where the inputs differ.
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
