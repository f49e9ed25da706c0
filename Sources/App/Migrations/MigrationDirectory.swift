import Foundation

/// The migration files of one module directory (`sql/<module>`), validated and sorted by version.
///
/// `NNNN_description.sql` (at least four digits, an underscore, letters, digits, `_` or `-`, then `.sql`) is a
/// migration. Other files and subdirectories (such as `seed/`) are ignored, except that a file which starts
/// with a digit and ends in `.sql` but breaks the pattern, or repeats another file's number, is an error:
/// it was meant to be a migration and would otherwise be silently skipped.
package struct MigrationDirectory: Sendable {
    /// What a file name turned out to be.
    package enum Entry: Sendable, Hashable {
        /// A migration with its version and name.
        case migration(version: Int64, name: String)
        /// Meant to be a migration, but misnamed for the given reason.
        case misnamed(reason: String)
        /// Not a migration at all.
        case ignored
    }

    /// The directory.
    package let path: String
    /// The migrations in ascending version order.
    package let files: [MigrationFile]

    /// Reads and validates every migration in `path`.
    package init(path: String) throws(MigrationError) {
        self.path = path
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .directoryNotFound(path: path)
        }
        let names: [String]
        do {
            names = try fileManager.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        var files: [MigrationFile] = []
        for fileName in names {
            let filePath = path.hasSuffix("/") ? path + fileName : path + "/" + fileName
            guard fileManager.fileExists(atPath: filePath, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            switch Self.classify(fileName) {
            case .ignored:
                continue
            case .misnamed(let reason):
                throw .misnamedFile(fileName: fileName, reason: reason)
            case .migration(let version, let name):
                guard let data = fileManager.contents(atPath: filePath) else {
                    throw .unreadable(path: filePath, reason: "cannot read the file")
                }
                files.append(MigrationFile(version: version, name: name, fileName: fileName, path: filePath,
                                           contents: [UInt8](data)))
            }
        }
        let byVersion = Dictionary(grouping: files, by: \.version)
        if let (version, clashing) = byVersion.filter({ $0.value.count > 1 }).min(by: { $0.key < $1.key }) {
            throw .duplicateVersion(version: version, fileNames: clashing.map(\.fileName).sorted())
        }
        self.files = files.sorted { $0.version < $1.version }
    }

    /// Classifies a file name as a migration, a misnamed migration, or something else.
    package static func classify(_ fileName: String) -> Entry {
        let bytes = Array(fileName.utf8)
        guard let first = bytes.first, isDigit(first), fileName.lowercased().hasSuffix(".sql") else {
            return .ignored
        }
        guard fileName.hasSuffix(".sql") else {
            return .misnamed(reason: "the extension must be lowercase .sql")
        }
        let digits = bytes.prefix(while: isDigit)
        guard digits.count >= 4 else {
            return .misnamed(reason: "the number must have at least 4 digits (as in 0001_description.sql)")
        }
        guard digits.count <= 18, let version = Int64(String(decoding: digits, as: UTF8.self)) else {
            return .misnamed(reason: "the number is too large")
        }
        let rest = bytes[digits.count...]
        guard rest.first == UInt8(ascii: "_") else {
            return .misnamed(reason: "the number must be followed by an underscore (as in 0001_description.sql)")
        }
        let name = rest.dropFirst().dropLast(4)
        guard !name.isEmpty else {
            return .misnamed(reason: "the description after the underscore is missing")
        }
        guard name.allSatisfy(isNameByte) else {
            return .misnamed(reason: "the description may only contain letters, digits, '_' and '-'")
        }
        return .migration(version: version, name: String(decoding: name, as: UTF8.self))
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
