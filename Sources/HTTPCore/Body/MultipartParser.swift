/// A streaming `multipart/form-data` parser (RFC 7578) with bounded memory.
///
/// The body is pulled in 64 KiB reads. Fields are buffered (all of them together up to `maxBufferedBody`) and
/// must be UTF-8; file parts go to `mkstemp` files in `uploadDirectory`, each up to `maxFileSize`. Names nest like
/// urlencoded ones (`FormTreeBuilder`). A file input left blank (`filename=""`, no bytes) is skipped. On any error
/// every file this call created is deleted before the error is thrown; after success the caller owns the files
/// and removes them with `removeTemporaryFiles(in:)` when the request ends.
public enum MultipartParser {
    /// Bytes asked of the body per read.
    static let chunkSize = 64 * 1024
    /// The largest header block of one part.
    static let maxHeaderBytes = 8 * 1024
    /// The most transport padding (spaces, tabs) accepted after a boundary.
    static let maxPadding = 256

    /// Parses `body`, whose full `Content-Type` header value (with the boundary) is `contentType`.
    public static func parse(_ body: RequestBody, contentType: String, limits: BodyLimits) throws -> Input {
        let boundary = try boundary(in: contentType)
        if let declared = body.declaredLength, declared > limits.maxBody {
            throw HTTPError.payloadTooLarge(limit: limits.maxBody)
        }
        var created: [TemporaryUploadFile] = []
        do {
            return try parseParts(body, boundary: boundary, limits: limits, created: &created)
        } catch {
            for file in created { file.remove() }
            throw error
        }
    }

    /// Deletes the temporary file of every `.file` in `input`.
    public static func removeTemporaryFiles(in input: Input) {
        switch input {
        case .file(let file):
            _ = TemporaryUploadFile.unlinkFile(file.temporaryPath)
        case .array(let elements):
            for element in elements { removeTemporaryFiles(in: element) }
        case .object(let object):
            for member in object.members { removeTemporaryFiles(in: member.value) }
        case .null, .bool, .number, .string:
            break
        }
    }

    /// The boundary parameter of a multipart Content-Type: 1 to 70 printable ASCII characters, quoted or not.
    static func boundary(in contentType: String) throws -> [UInt8] {
        guard let value = HeaderParameters(parsing: contentType)["boundary"], !value.isEmpty else {
            throw HTTPError.malformedBody("multipart: Content-Type has no boundary")
        }
        let bytes = Array(value.utf8)
        guard bytes.count <= 70, bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }), bytes.last != 0x20 else {
            throw HTTPError.malformedBody("multipart: invalid boundary")
        }
        return bytes
    }

    private static func parseParts(_ body: RequestBody, boundary: [UInt8], limits: BodyLimits,
                                   created: inout [TemporaryUploadFile]) throws -> Input {
        // Every delimiter is CRLF "--" boundary; seeding the window with CRLF lets the first one sit at byte 0.
        let delimiter: [UInt8] = [0x0D, 0x0A, 0x2D, 0x2D] + boundary
        let scanner = MultipartScanner(body: body, capacity: chunkSize + maxHeaderBytes + maxPadding + 256,
                                       limit: limits.maxBody, prefix: [0x0D, 0x0A])
        var builder = FormTreeBuilder()
        var parts = 0
        var fieldBytes = 0

        guard try scanner.stream(upTo: delimiter, into: { _ in }) else {
            throw HTTPError.malformedBody("multipart: no boundary found")
        }
        while true {
            guard try scanner.ensure(2) else { throw malformed("body ended after a boundary") }
            if scanner[scanner.start] == 0x2D, scanner[scanner.start + 1] == 0x2D { break }  // close delimiter
            try skipPadding(scanner)
            let headers = try MultipartPartHeaders.parse(try readHeaderBlock(scanner))
            parts += 1
            guard parts <= limits.maxParts else { throw malformed("more than \(limits.maxParts) parts") }

            let replaced: Input?
            if let filename = headers.filename {
                let file = try TemporaryUploadFile(directory: limits.uploadDirectory)
                created.append(file)
                let complete = try scanner.stream(upTo: delimiter) { chunk in
                    if file.size + chunk.count > limits.maxFileSize {
                        throw HTTPError.payloadTooLarge(limit: limits.maxFileSize)
                    }
                    try file.write(chunk)
                }
                guard complete else { throw malformed("body ended inside a part") }
                try file.close()
                if filename.isEmpty, file.size == 0 {
                    file.remove()
                    created.removeLast()
                    continue
                }
                let upload = UploadedFile(fieldName: headers.name, filename: filename,
                                          contentType: headers.contentType ?? "application/octet-stream",
                                          temporaryPath: file.path, size: file.size)
                replaced = try builder.insert(.file(upload), forName: headers.name)
            } else {
                var value: [UInt8] = []
                let complete = try scanner.stream(upTo: delimiter) { chunk in
                    fieldBytes += chunk.count
                    if fieldBytes > limits.maxBufferedBody {
                        throw HTTPError.payloadTooLarge(limit: limits.maxBufferedBody)
                    }
                    value.append(contentsOf: chunk)
                }
                guard complete else { throw malformed("body ended inside a part") }
                guard UTF8Validator.isValid(value) else {
                    throw malformed("field '\(headers.name)' is not valid UTF-8")
                }
                replaced = try builder.insert(.string(String(decoding: value, as: UTF8.self)), forName: headers.name)
            }
            // A repeated name replaces the earlier value; a replaced file would otherwise be orphaned.
            if let replaced { removeTemporaryFiles(in: replaced) }
        }
        return builder.build()
    }

    /// Skips transport padding (spaces and tabs) after a boundary.
    private static func skipPadding(_ scanner: MultipartScanner) throws {
        var skipped = 0
        while true {
            guard try scanner.ensure(1) else { throw malformed("body ended after a boundary") }
            let byte = scanner[scanner.start]
            guard byte == 0x20 || byte == 0x09 else { return }
            scanner.consume(1)
            skipped += 1
            if skipped > maxPadding { throw malformed("boundary line too long") }
        }
    }

    /// Reads from the CRLF that ends the boundary line through the blank line; returns the lines between.
    private static func readHeaderBlock(_ scanner: MultipartScanner) throws -> [UInt8] {
        guard try scanner.ensure(2) else { throw malformed("body ended after a boundary") }
        guard scanner[scanner.start] == 0x0D, scanner[scanner.start + 1] == 0x0A else {
            throw malformed("expected CRLF after boundary")
        }
        let terminator: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        var searched = 0  // bytes after `start` already known not to begin the terminator
        while true {
            if let hit = scanner.find(terminator, from: scanner.start + searched) {
                let block = hit > scanner.start ? scanner.bytes((scanner.start + 2)..<hit) : []
                scanner.consume(hit + terminator.count - scanner.start)
                return block
            }
            if scanner.available > maxHeaderBytes + terminator.count {
                throw malformed("part headers longer than \(maxHeaderBytes) bytes")
            }
            searched = max(0, scanner.available - (terminator.count - 1))
            guard try scanner.fill() else { throw malformed("body ended inside part headers") }
        }
    }

    private static func malformed(_ message: String) -> HTTPError {
        .malformedBody("multipart: \(message)")
    }
}
