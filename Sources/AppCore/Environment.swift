/// Reads a module's configuration from environment variables. `<MODULE>_<KEY>` (e.g. `MONITOR_DB_NAME`) wins
/// over `<KEY>`, so one shell can configure all three modules and a systemd unit can use the short names.
public struct Environment: Sendable {
    private let values: [String: String]
    private let prefix: String

    /// An environment for `module` over `values` (the process environment by default).
    public init(module: ModuleName, values: [String: String]) {
        self.values = values
        self.prefix = module.environmentPrefix
    }

    /// The raw value of `key` (prefixed first), nil when unset or empty.
    public func string(_ key: String) -> String? {
        if let value = values[prefix + key], !value.isEmpty { return value }
        if let value = values[key], !value.isEmpty { return value }
        return nil
    }

    /// The value of `key` or `fallback`.
    public func string(_ key: String, default fallback: String) -> String {
        string(key) ?? fallback
    }

    /// A required value.
    public func required(_ key: String) throws -> String {
        guard let value = string(key) else { throw ConfigurationError(variable: key, problem: "is required") }
        return value
    }

    /// The shortest HS256 secret accepted, in bytes (ruling 9).
    public static let minimumSecretBytes = 32

    /// An HS256 signing secret (ruling 9): at least `minimumSecretBytes` bytes, read from `<MODULE>_<key>` only
    /// when `prefixedOnly` (the unprefixed name would let two modules in one shell or unit file sign with the same
    /// secret), and never equal to another module's `<OTHER>_<key>` visible in the same environment.
    public func secret(_ key: String, prefixedOnly: Bool) throws -> String {
        let name = prefixedOnly ? prefix + key : nameInUse(key)
        guard let value = prefixedOnly ? values[name].flatMap({ $0.isEmpty ? nil : $0 }) : string(key) else {
            let hint = prefixedOnly && values[key] != nil ? " (the unprefixed \(key) is not read: name the module)" : ""
            throw ConfigurationError(variable: name, problem: "is required" + hint)
        }
        guard value.utf8.count >= Self.minimumSecretBytes else {
            throw ConfigurationError(variable: name, problem: "must be at least \(Self.minimumSecretBytes) bytes long (openssl rand -hex 32)")
        }
        for other in ModuleName.allCases where other.environmentPrefix != prefix {
            if values[other.environmentPrefix + key] == value {
                throw ConfigurationError(variable: name, problem: "must differ from \(other.environmentPrefix + key)")
            }
        }
        return value
    }

    /// An integer within `range`, or `fallback` when unset.
    public func int(_ key: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = string(key) else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw ConfigurationError(variable: key, problem: "must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A comma-separated list (empty items dropped).
    public func list(_ key: String) -> [String] {
        (string(key) ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
    }

    /// The name under which `key` is documented for this module (`MONITOR_DB_NAME` or `DB_NAME`).
    public func nameInUse(_ key: String) -> String {
        values[prefix + key].map { _ in prefix + key } ?? key
    }
}

extension String {
    /// The string without `characters` at either end.
    func trimmingCharacters(in characters: Character) -> String {
        var slice = Substring(self)
        while slice.first == characters { slice.removeFirst() }
        while slice.last == characters { slice.removeLast() }
        return String(slice)
    }
}
