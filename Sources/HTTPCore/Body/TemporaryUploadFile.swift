#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file part being streamed to disk: created with `mkstemp` (mode 0600) in the upload directory, named after the
/// process that writes it (`UploadOwner`), so the files a killed process left behind can be found and removed at the
/// next start (`OrphanedUploads`).
final class TemporaryUploadFile {
    /// Where the file is.
    let path: String
    /// Bytes written so far.
    private(set) var size = 0
    private var descriptor: Int32

    /// Creates a new empty file in `directory`, creating the directory (mode 0700) when it is missing.
    init(directory: String) throws {
        var directory = directory
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
        try Self.createDirectory(directory)
        var template = Array("\(directory)/\(UploadOwner.current.namePrefix)XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw UploadStorageError(operation: "mkstemp", path: directory, code: errno) }
        self.descriptor = descriptor
        path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        if descriptor >= 0 { _ = systemClose(descriptor) }
    }

    /// Appends `bytes`, retrying short writes and interruptions.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var pointer = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(descriptor, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw UploadStorageError(operation: "write", path: path, code: errno)
            }
            pointer += written
            remaining -= written
            size += written
        }
    }

    /// Closes the descriptor; the file stays.
    func close() throws {
        guard descriptor >= 0 else { return }
        let result = systemClose(descriptor)
        descriptor = -1
        if result != 0 { throw UploadStorageError(operation: "close", path: path, code: errno) }
    }

    /// Closes the descriptor if open and deletes the file.
    func remove() {
        if descriptor >= 0 {
            _ = systemClose(descriptor)
            descriptor = -1
        }
        _ = unlink(path)
    }

    /// Deletes the file at `path`; false when it could not (already gone, for one).
    @discardableResult
    static func unlinkFile(_ path: String) -> Bool { unlink(path) == 0 }

    /// `mkdir -p` with mode 0700 for every directory it has to create.
    static func createDirectory(_ path: String) throws {
        if mkdir(path, 0o700) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
            throw UploadStorageError(operation: "mkdir", path: path, code: errno)
        }
        try createDirectory(String(path[..<slash]))
        if mkdir(path, 0o700) == 0 || errno == EEXIST { return }
        throw UploadStorageError(operation: "mkdir", path: path, code: errno)
    }
}

// The class has its own `close`/`write`, so the C functions are reached through these (portable across libcs).
private func systemClose(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, pointer, count) }
