#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import HTTPCore

/// A private directory under /tmp for one test, removed with everything in it.
final class UploadSandbox {
    let root: String
    /// Not created up front: the parser must create it (mode 0700).
    var uploads: String { root + "/uploads" }

    init() {
        var template = Array("/tmp/ventanilla-body-tests-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        root = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        for name in Self.entries(uploads) { unlink(uploads + "/" + name) }
        rmdir(uploads)
        rmdir(root)
    }

    /// The files now in the upload directory.
    var uploadedFiles: [String] { Self.entries(uploads) }

    func limits(maxBody: Int = 1 << 20, maxBufferedBody: Int = 64 * 1024, maxFileSize: Int = 512 * 1024,
                maxParts: Int = 16) -> BodyLimits {
        BodyLimits(maxBody: maxBody, maxBufferedBody: maxBufferedBody, maxFileSize: maxFileSize,
                   maxParts: maxParts, uploadDirectory: uploads)
    }

    static func entries(_ directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        return out
    }

    static func mode(of path: String) -> UInt32 {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return UInt32(info.st_mode) & 0o777
    }
}

/// Building multipart bodies and bodies that arrive in odd pieces.
enum MultipartFixture {
    static let boundary = "----VentanillaBoundary7MA4YWxk"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    static func field(_ name: String, _ value: String) -> [UInt8] {
        Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    static func file(_ name: String, filename: String, type: String = "application/octet-stream", _ content: [UInt8]) -> [UInt8] {
        Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)\r\n\r\n".utf8)
            + content + Array("\r\n".utf8)
    }

    static var close: [UInt8] { Array("--\(boundary)--\r\n".utf8) }

    /// Bytes that look like the start of a delimiter without being one.
    static var trickyContent: [UInt8] {
        var bytes: [UInt8] = []
        for i in 0..<3000 { bytes.append(UInt8(truncatingIfNeeded: i &* 31 &+ 7)) }
        bytes += Array("\r\n--\(boundary.dropLast())X\r\n-\r\n--\r\n\r".utf8)
        bytes += Array(repeating: 0x0D, count: 5) + Array("\n--".utf8)
        return bytes
    }

    /// A body whose reader hands out 1 to 7 bytes per call.
    static func trickle(_ bytes: [UInt8], declaredLength: Int? = nil) -> RequestBody {
        var offset = 0
        var step = 0
        return RequestBody(declaredLength: declaredLength ?? bytes.count) { buffer in
            step = step % 7 + 1
            let n = min(buffer.count, step, bytes.count - offset)
            guard n > 0 else { return 0 }
            for i in 0..<n { buffer[i] = bytes[offset + i] }
            offset += n
            return n
        }
    }

    /// A body that declares `declaredLength` but whose source holds only `bytes`.
    static func short(_ bytes: [UInt8], declaredLength: Int?) -> RequestBody {
        var offset = 0
        return RequestBody(declaredLength: declaredLength) { buffer in
            let n = min(buffer.count, bytes.count - offset)
            guard n > 0 else { return 0 }
            for i in 0..<n { buffer[i] = bytes[offset + i] }
            offset += n
            return n
        }
    }

    static func malformedMessage(_ body: () throws -> Input) -> String? {
        do {
            _ = try body()
            return nil
        } catch HTTPError.malformedBody(let message) {
            return message
        } catch {
            return "other: \(error)"
        }
    }
}

@Suite("MultipartParser")
struct MultipartParserTests {
    typealias F = MultipartFixture

    static func parse(_ body: RequestBody, _ limits: BodyLimits, contentType: String = F.contentType) throws -> Input {
        try MultipartParser.parse(body, contentType: contentType, limits: limits)
    }

    @Test("fields and a file streamed to disk")
    func fieldsAndFile() throws {
        let sandbox = UploadSandbox()
        let content = F.trickyContent
        let body = Array("preamble to ignore\r\n".utf8)
            + F.field("title", "Informe ñ") + F.field("tags[]", "a") + F.field("tags[]", "b")
            + F.file("doc", filename: "informe.pdf", type: "application/pdf", content)
            + F.field("meta[owner]", "ana") + F.close + Array("epilogue to ignore".utf8)
        let input = try Self.parse(RequestBody(bytes: body), sandbox.limits())

        #expect(input["title"] == .string("Informe ñ"))
        #expect(input["tags"] == .array([.string("a"), .string("b")]))
        #expect(input["meta"]?["owner"] == .string("ana"))
        guard case .file(let file) = input["doc"] else {
            Issue.record("doc is not a file: \(String(describing: input["doc"]))")
            return
        }
        #expect(file.fieldName == "doc")
        #expect(file.filename == "informe.pdf")
        #expect(file.contentType == "application/pdf")
        #expect(file.size == content.count)
        #expect(file.temporaryPath.hasPrefix(sandbox.uploads + "/"))
        #expect(UploadSandbox.contents(of: file.temporaryPath) == content)
        #expect(UploadSandbox.mode(of: sandbox.uploads) == 0o700)
        #expect(UploadSandbox.mode(of: file.temporaryPath) == 0o600)
        #expect(sandbox.uploadedFiles.count == 1)

        MultipartParser.removeTemporaryFiles(in: input)
        #expect(sandbox.uploadedFiles.isEmpty)
    }

    @Test("delimiters straddling reads of 1 to 7 bytes")
    func straddling() throws {
        let sandbox = UploadSandbox()
        let content = F.trickyContent
        let body = F.field("a", "x\r\n-y") + F.file("f", filename: "t.bin", content) + F.field("b", "") + F.close
        let input = try Self.parse(F.trickle(body), sandbox.limits())
        #expect(input["a"] == .string("x\r\n-y"))
        #expect(input["b"] == .string(""))
        guard case .file(let file) = input["f"] else {
            Issue.record("f is not a file")
            return
        }
        #expect(file.size == content.count)
        #expect(UploadSandbox.contents(of: file.temporaryPath) == content)
        MultipartParser.removeTemporaryFiles(in: input)
    }

    @Test("a file larger than the read window")
    func largeFile() throws {
        let sandbox = UploadSandbox()
        var content: [UInt8] = []
        var seed: UInt32 = 12345
        for _ in 0..<(300 * 1024) {
            seed = seed &* 1_103_515_245 &+ 12345
            content.append(UInt8(truncatingIfNeeded: seed >> 16))
        }
        let body = F.file("big", filename: "big.bin", content) + F.file("big2", filename: "b2.bin", Array(content.prefix(70_000))) + F.close
        let input = try Self.parse(RequestBody(bytes: body), sandbox.limits())
        guard case .file(let file) = input["big"], case .file(let second) = input["big2"] else {
            Issue.record("missing files")
            return
        }
        #expect(file.size == content.count)
        #expect(UploadSandbox.contents(of: file.temporaryPath) == content)
        #expect(UploadSandbox.contents(of: second.temporaryPath) == Array(content.prefix(70_000)))
        MultipartParser.removeTemporaryFiles(in: input)
        #expect(sandbox.uploadedFiles.isEmpty)
    }

    @Test("a body shorter than its declared length is truncated and leaves no files")
    func truncated() {
        let sandbox = UploadSandbox()
        let body = F.file("a", filename: "a.txt", Array("first".utf8))
            + F.file("b", filename: "b.txt", Array(repeating: 0x41, count: 5000)) + F.close
        let cut = Array(body.prefix(body.count - 2500))
        #expect(throws: HTTPError.truncatedBody) {
            try Self.parse(F.short(cut, declaredLength: body.count), sandbox.limits())
        }
        #expect(sandbox.uploadedFiles.isEmpty)
    }

    @Test("a body without the final boundary is malformed and leaves no files")
    func missingFinalBoundary() {
        let sandbox = UploadSandbox()
        let body = F.field("a", "1") + F.file("f", filename: "f.txt", Array("data".utf8))
        let message = F.malformedMessage { try Self.parse(RequestBody(bytes: body), sandbox.limits()) }
        #expect(message == "multipart: body ended inside a part")
        #expect(sandbox.uploadedFiles.isEmpty)

        // Also when the body has no declared length (read to the end).
        let unknown = F.malformedMessage { try Self.parse(F.short(body, declaredLength: nil), sandbox.limits()) }
        #expect(unknown == "multipart: body ended inside a part")
        #expect(sandbox.uploadedFiles.isEmpty)
    }

    @Test("a file over maxFileSize is refused and every file of the request is deleted")
    func fileTooLarge() {
        let sandbox = UploadSandbox()
        let body = F.file("ok", filename: "ok.txt", Array(repeating: 0x61, count: 100))
            + F.file("big", filename: "big.txt", Array(repeating: 0x62, count: 1001)) + F.close
        #expect(throws: HTTPError.payloadTooLarge(limit: 1000)) {
            try Self.parse(F.trickle(body), sandbox.limits(maxFileSize: 1000))
        }
        #expect(sandbox.uploadedFiles.isEmpty)
        // Exactly the limit is fine.
        let exact = F.file("f", filename: "f.txt", Array(repeating: 0x62, count: 1000)) + F.close
        let input = try? Self.parse(RequestBody(bytes: exact), sandbox.limits(maxFileSize: 1000))
        #expect(input != nil)
        if let input { MultipartParser.removeTemporaryFiles(in: input) }
    }

    @Test("too many parts")
    func tooManyParts() {
        let sandbox = UploadSandbox()
        let body = F.file("f", filename: "f.txt", Array("x".utf8)) + F.field("a", "1") + F.field("b", "2") + F.close
        let message = F.malformedMessage { try Self.parse(RequestBody(bytes: body), sandbox.limits(maxParts: 2)) }
        #expect(message == "multipart: more than 2 parts")
        #expect(sandbox.uploadedFiles.isEmpty)
        #expect(F.malformedMessage { try Self.parse(RequestBody(bytes: body), sandbox.limits(maxParts: 3)) } == nil)
    }

    @Test("a body over maxBody: declared is refused before reading, undeclared while reading")
    func bodyTooLarge() {
        let sandbox = UploadSandbox()
        let body = F.file("f", filename: "f.txt", Array(repeating: 0x7A, count: 4000)) + F.close
        var reads = 0
        let declared = RequestBody(declaredLength: body.count) { _ in reads += 1; return 0 }
        #expect(throws: HTTPError.payloadTooLarge(limit: 1000)) {
            try Self.parse(declared, sandbox.limits(maxBody: 1000))
        }
        #expect(reads == 0)
        #expect(throws: HTTPError.payloadTooLarge(limit: 1000)) {
            try Self.parse(F.short(body, declaredLength: nil), sandbox.limits(maxBody: 1000))
        }
        #expect(sandbox.uploadedFiles.isEmpty)
    }

    @Test("fields are capped together by maxBufferedBody and must be UTF-8")
    func fieldLimits() {
        let sandbox = UploadSandbox()
        let body = F.field("a", String(repeating: "x", count: 60)) + F.field("b", String(repeating: "y", count: 60)) + F.close
        #expect(throws: HTTPError.payloadTooLarge(limit: 100)) {
            try Self.parse(RequestBody(bytes: body), sandbox.limits(maxBufferedBody: 100))
        }
        let invalid = Array("--\(F.boundary)\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n".utf8)
            + [0xC3, 0x28] + Array("\r\n".utf8) + F.close
        #expect(F.malformedMessage { try Self.parse(RequestBody(bytes: invalid), sandbox.limits()) }
            == "multipart: field 'a' is not valid UTF-8")
    }

    @Test("the boundary parameter")
    func boundaryParameter() throws {
        #expect(try MultipartParser.boundary(in: "multipart/form-data; boundary=abc") == Array("abc".utf8))
        #expect(try MultipartParser.boundary(in: "multipart/form-data;boundary=\"a b:c\"; charset=x") == Array("a b:c".utf8))
        #expect(try MultipartParser.boundary(in: "Multipart/Form-Data; BOUNDARY=XyZ") == Array("XyZ".utf8))
        #expect(try MultipartParser.boundary(in: "multipart/form-data; boundary=" + String(repeating: "b", count: 70)).count == 70)
        for bad in ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"",
                    "multipart/form-data; boundary=" + String(repeating: "b", count: 71)] {
            #expect(throws: HTTPError.self) { try MultipartParser.boundary(in: bad) }
        }
        // Quoted boundary with spaces used in a real body.
        let sandbox = UploadSandbox()
        let body = Array("--a b\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\nv\r\n--a b--".utf8)
        let input = try Self.parse(RequestBody(bytes: body), sandbox.limits(), contentType: "multipart/form-data; boundary=\"a b\"")
        #expect(input == .object(InputObject([("k", .string("v"))])))
    }

    @Test("part headers: names, escaped quotes, padding, folding")
    func partHeaders() throws {
        let sandbox = UploadSandbox()
        let body = Array("--\(F.boundary)  \t\r\ncontent-disposition: FORM-DATA;\r\n name=\"q\"; filename=\"a \\\"q\\\" C:\\dir\\b.txt\"\r\n\r\nhi\r\n--\(F.boundary)--".utf8)
        let input = try Self.parse(F.trickle(body), sandbox.limits())
        guard case .file(let file) = input["q"] else {
            Issue.record("q is not a file")
            return
        }
        #expect(file.filename == #"a "q" C:\dir\b.txt"#)
        #expect(file.contentType == "application/octet-stream")
        #expect(UploadSandbox.contents(of: file.temporaryPath) == Array("hi".utf8))
        MultipartParser.removeTemporaryFiles(in: input)
    }

    static let malformedCases: [(String, String, String)] = [
        ("no name", "--B\r\nContent-Disposition: form-data; filename=\"x\"\r\n\r\nv\r\n--B--", "multipart: part without a name"),
        ("empty name", "--B\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nv\r\n--B--", "multipart: part without a name"),
        ("no disposition", "--B\r\nContent-Type: text/plain\r\n\r\nv\r\n--B--", "multipart: part without Content-Disposition"),
        ("no headers", "--B\r\n\r\nv\r\n--B--", "multipart: part without Content-Disposition"),
        ("not form-data", "--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nv\r\n--B--", "multipart: part disposition is not form-data"),
        ("header without colon", "--B\r\nContent-Disposition form-data\r\n\r\nv\r\n--B--", "multipart: part header line without ':'"),
        ("headers not terminated", "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n", "multipart: body ended inside part headers"),
        ("no boundary at all", "just text", "multipart: no boundary found"),
        ("garbage after boundary", "--Bxyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--B--", "multipart: expected CRLF after boundary"),
        ("body ends after boundary", "--B", "multipart: body ended after a boundary"),
    ]

    @Test("malformed bodies", arguments: malformedCases)
    func malformed(name: String, body: String, expected: String) {
        let sandbox = UploadSandbox()
        let message = F.malformedMessage {
            try Self.parse(RequestBody(bytes: Array(body.utf8)), sandbox.limits(), contentType: "multipart/form-data; boundary=B")
        }
        #expect(message == expected, "\(name)")
        #expect(sandbox.uploadedFiles.isEmpty)
    }

    @Test("part headers over 8 KiB are refused")
    func hugeHeaders() {
        let sandbox = UploadSandbox()
        let body = Array("--B\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Pad: \(String(repeating: "p", count: 9000))\r\n\r\nv\r\n--B--".utf8)
        let message = F.malformedMessage {
            try Self.parse(F.trickle(body), sandbox.limits(), contentType: "multipart/form-data; boundary=B")
        }
        #expect(message == "multipart: part headers longer than 8192 bytes")
    }

    @Test("a blank file input is skipped; a repeated file name replaces and deletes the earlier file")
    func blankAndRepeatedFiles() throws {
        let sandbox = UploadSandbox()
        let body = F.file("empty", filename: "", []) + F.file("doc", filename: "one.txt", Array("1".utf8))
            + F.file("doc", filename: "two.txt", Array("22".utf8)) + F.close
        let input = try Self.parse(RequestBody(bytes: body), sandbox.limits())
        #expect(input["empty"] == nil)
        guard case .file(let file) = input["doc"] else {
            Issue.record("doc is not a file")
            return
        }
        #expect(file.filename == "two.txt")
        #expect(sandbox.uploadedFiles.count == 1)
        MultipartParser.removeTemporaryFiles(in: input)
        #expect(sandbox.uploadedFiles.isEmpty)
    }

    @Test("an upload directory that cannot be created is a storage error, not a client error")
    func unwritableDirectory() {
        let body = F.file("f", filename: "f.txt", Array("x".utf8)) + F.close
        let limits = BodyLimits(maxBody: 1 << 20, maxBufferedBody: 1024, maxFileSize: 1024,
                                uploadDirectory: "/proc/ventanilla-cannot-exist/uploads")
        #expect(throws: UploadStorageError.self) { try Self.parse(RequestBody(bytes: body), limits) }
    }
}
