internal import CFastCGI

/// One accepted FastCGI request as the handler sees it: CGI parameters in, body in, response bytes out.
/// It is valid only during `FastCGIHandler.handle`; never keep it or strings derived from its pointers.
public final class FastCGIExchange {
    private let request: UnsafeMutablePointer<FCGX_Request>

    init(request: UnsafeMutablePointer<FCGX_Request>) {
        self.request = request
    }

    /// Calls `body` for every CGI parameter (`NAME`, `value`), in the order nginx sent them.
    public func forEachParameter(_ body: (String, String) -> Void) {
        forEachParameter(where: { _ in true }, body)
    }

    /// Calls `body` for every CGI parameter whose name bytes `include` accepts, in the order nginx sent them: the
    /// others cost no strings (nginx sends about a dozen parameters a responder never reads).
    public func forEachParameter(where include: (UnsafeRawBufferPointer) -> Bool, _ body: (String, String) -> Void) {
        guard var cursor = request.pointee.envp else { return }
        while let entry = cursor.pointee {
            cursor += 1
            // Each entry is "NAME=value"; split at the first '='.
            var split = entry
            while split.pointee != 0 && split.pointee != 61 { split += 1 }
            let nameBytes = UnsafeRawBufferPointer(start: entry, count: split - entry)
            guard include(nameBytes) else { continue }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let value = split.pointee == 61 ? String(cString: split + 1) : ""
            body(name, value)
        }
    }

    /// The value of one CGI parameter.
    public func parameter(_ name: String) -> String? {
        guard let value = FCGX_GetParam(name, request.pointee.envp) else { return nil }
        return String(cString: value)
    }

    /// Reads up to `buffer.count` body bytes; 0 at the end of the body, -1 on a stream error.
    public func readBody(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let n = FCGX_GetStr(base.assumingMemoryBound(to: CChar.self), Int32(clamping: buffer.count), request.pointee.in)
        if n > 0 { return Int(n) }
        return FCGX_GetError(request.pointee.in) != 0 ? -1 : 0
    }

    /// Writes response bytes (CGI head first, then body); false when the client has gone.
    @discardableResult
    public func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
        var offset = 0
        while offset < bytes.count {
            let chunk = Int32(clamping: bytes.count - offset)
            let written = FCGX_PutStr(base.advanced(by: offset).assumingMemoryBound(to: CChar.self), chunk, request.pointee.out)
            if written < 0 { return false }
            offset += Int(written)
        }
        return true
    }

    /// Writes response bytes.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { write($0) }
    }
}
