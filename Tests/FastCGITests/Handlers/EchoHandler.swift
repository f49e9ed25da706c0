import FastCGI

/// Reports what it received: every parameter as a `NAME=value` line of the body, the body's length and
/// checksum in headers. `RESPONSE_SIZE` appends that many pattern bytes; `RESPONSE_STATUS` sets the status;
/// `LOOKUP` names a parameter to fetch with `parameter(_:)` (reported in `X-Lookup`).
final class EchoHandler: FastCGIHandler {
    /// The worker this handler belongs to.
    let worker: Int
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// A handler for worker `worker`.
    init(worker: Int) { self.worker = worker }

    func handle(_ exchange: FastCGIExchange) {
        var lines = ""
        exchange.forEachParameter { name, value in lines += "\(name)=\(value)\n" }
        var checksum = Checksum()
        var length = 0
        var failed = false
        while true {
            let n = buffer.withUnsafeMutableBytes { exchange.readBody(into: $0) }
            if n < 0 { failed = true; break }
            if n == 0 { break }
            checksum.update(buffer[0..<n])
            length += n
        }
        var body = Array(lines.utf8)
        if let size = exchange.parameter("RESPONSE_SIZE").flatMap({ Int($0) }) {
            body += TestData.pattern(count: size)
        }
        let status = exchange.parameter("RESPONSE_STATUS") ?? "200 OK"
        var head = "Status: \(status)\r\nContent-Type: text/plain; charset=utf-8\r\n"
        head += "X-Worker: \(worker)\r\nX-Body-Length: \(length)\r\nX-Body-Checksum: \(checksum.hex)\r\n"
        head += "X-Body-Error: \(failed ? 1 : 0)\r\n"
        if let name = exchange.parameter("LOOKUP") {
            head += "X-Lookup: \(exchange.parameter(name) ?? "<nil>")\r\n"
        }
        head += "Content-Length: \(body.count)\r\n\r\n"
        if exchange.write(Array(head.utf8)) { exchange.write(body) }
    }
}
