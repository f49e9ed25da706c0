import App
import AppCore
import Foundation
import TestSupport
import Testing

/// The two `FileStorage` implementations (issue 18) held to the same assertions: the local directory and the S3
/// client against the local S3 server's files bucket (scripts/test starts it). Each test works under a fresh
/// random folder, so runs never see each other's keys.
@Suite("FileStorage: local and S3 behind the same assertions", .serialized)
struct FileStorageTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case local, s3
        var testDescription: String { rawValue }
    }

    /// A store of `backend` and a scratch directory (the local store's root is inside it).
    static func store(_ backend: Backend) throws -> (storage: any FileStorage, scratch: String) {
        let scratch = NSTemporaryDirectory() + "file-storage-" + Hashing.randomHex(bytes: 8)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        switch backend {
        case .local: return (LocalFileStorage(prefix: "files/", root: scratch + "/root"), scratch)
        case .s3: return (CurlS3Client.storageFactory(try StorageTestServer.settings()), scratch)
        }
    }

    static func write(_ bytes: [UInt8], in scratch: String) -> String {
        let path = scratch + "/upload-" + Hashing.randomHex(bytes: 4)
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    @Test("put from a file (streamed; 3 MB), put bytes, get, exists, overwrite; a missing key is nil", arguments: Backend.allCases)
    func roundTrip(_ backend: Backend) throws {
        let (storage, scratch) = try Self.store(backend)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let folder = "files/t-\(Hashing.randomHex(bytes: 8))/"
        let big = (0..<(3 * 1_024 * 1_024)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let source = Self.write(big, in: scratch)
        try storage.put(folder + "big.bin", contentsOf: source, consuming: false)
        #expect(FileManager.default.fileExists(atPath: source), "a non-consuming put keeps the caller's file")
        #expect(try storage.get(folder + "big.bin") == big)
        #expect(try storage.exists(folder + "big.bin"))

        try storage.put(folder + "a/small.txt", bytes: Array("one".utf8))
        try storage.put(folder + "a/small.txt", bytes: Array("two".utf8))
        #expect(try storage.get(folder + "a/small.txt") == Array("two".utf8))
        #expect(try storage.get(folder + "nothing.txt") == nil)
        #expect(try !storage.exists(folder + "nothing.txt"))

        let consumed = Self.write(Array("moved".utf8), in: scratch)
        try storage.put(folder + "moved.txt", contentsOf: consumed, consuming: true)
        #expect(try storage.get(folder + "moved.txt") == Array("moved".utf8))
        if backend == .local { #expect(!FileManager.default.fileExists(atPath: consumed), "a local consuming put moves the file") }
    }

    @Test("list by prefix (nested, sorted, nothing outside it) and delete of many keys, missing ones included", arguments: Backend.allCases)
    func listAndDelete(_ backend: Backend) throws {
        let (storage, scratch) = try Self.store(backend)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let folder = "files/t-\(Hashing.randomHex(bytes: 8))/"
        let keys = [folder + "b.png", folder + "a/x.pdf", folder + "a/FORMATOS/f.xlsx"] + (0..<5).map { folder + "n/\($0).txt" }
        for key in keys { try storage.put(key, bytes: Array(key.utf8)) }
        try storage.put("files/t-other-\(Hashing.randomHex(bytes: 4))/b.png", bytes: [1])
        #expect(try storage.list(prefix: folder) == keys.sorted())
        #expect(try storage.list(prefix: folder + "a/") == [folder + "a/FORMATOS/f.xlsx", folder + "a/x.pdf"])

        try storage.delete([folder + "a/x.pdf", folder + "b.png", folder + "never-there.txt"])
        #expect(try storage.list(prefix: folder) == keys.sorted().filter { $0 != folder + "a/x.pdf" && $0 != folder + "b.png" })
        try storage.delete(try storage.list(prefix: folder))
        #expect(try storage.list(prefix: folder).isEmpty)
        #expect(try storage.get(folder + "n/0.txt") == nil)
        try storage.delete([])
    }

    @Test("the local store refuses keys outside its prefix or with . and .. segments")
    func localKeysStayInside() throws {
        let (storage, scratch) = try Self.store(.local)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for key in ["evidencias/x", "files/../etc/passwd", "files/a//b", "files/./a", "files/"] {
            #expect(throws: FileStorageError.self) { try storage.put(key, bytes: [1]) }
        }
    }

    @Test("S3: objects under the public-read prefixes are readable without a signature, forms are not, listing is not")
    func publicRead() throws {
        let (storage, scratch) = try Self.store(.s3)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let folder = "evidencias/\(Hashing.randomHex(bytes: 16))/"
        try storage.put(folder + "foto.png", bytes: [9, 8, 7])
        try storage.put(folder + "FORMATOS/EXPEDIENTE_1.xlsx", bytes: [1])
        #expect(PlainHTTP.get(try StorageTestServer.publicURL(folder + "foto.png")).map { [$0.status: $0.body] } == [200: [9, 8, 7]])
        #expect(PlainHTTP.get(try StorageTestServer.publicURL(folder + "FORMATOS/EXPEDIENTE_1.xlsx"))?.status == 403)
        let settings = try StorageTestServer.settings()
        #expect(PlainHTTP.get(settings.endpoint + "/" + settings.bucket + "?list-type=2")?.status == 403)
        try storage.delete(try storage.list(prefix: folder))
        #expect(PlainHTTP.get(try StorageTestServer.publicURL(folder + "foto.png"))?.status != 200)
    }
}
