import AppCore
import Foundation
import Glibc

/// A bare HTTP/1.0 GET over a TCP socket to 127.0.0.1 (the local S3 server): the status, the headers and the body.
/// The backup tests read the server's own `Date` header with it, and fetch presigned URLs exactly as a browser would;
/// the storage tests fetch public-read objects with it, unsigned.
public enum PlainHTTP {
    /// An answer.
    public struct Reply: Sendable {
        /// The status.
        public let status: Int
        /// The headers, names lower-cased.
        public let headers: [String: String]
        /// The body.
        public let body: [UInt8]
    }

    /// The Unix milliseconds of an HTTP date (`Sat, 05 Dec 2026 06:57:04 GMT`).
    public static func instant(httpDate text: String) -> Int64? {
        let parts = text.split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard parts.count == 6, let day = Int(parts[1]), let month = months.firstIndex(of: String(parts[2])),
              let year = Int(parts[3]), let date = CivilDate(year: year, month: month + 1, day: day) else { return nil }
        let clock = parts[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        return (Int64(date.daysSinceEpoch) * 86_400 + Int64(clock[0] * 3_600 + clock[1] * 60 + clock[2])) * 1_000
    }

    /// GETs `url` (`http://127.0.0.1:PORT/…`).
    public static func get(_ url: String) -> Reply? {
        guard url.hasPrefix("http://127.0.0.1:") else { return nil }
        let rest = url.dropFirst("http://127.0.0.1:".count)
        let portText = rest.prefix(while: { $0.isNumber })
        guard let port = UInt16(portText) else { return nil }
        let target = rest.dropFirst(portText.count)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        let request = Array("GET \(target.isEmpty ? "/" : target) HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, 0) }) == request.count else { return nil }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        guard let split = (0..<max(0, data.count - 3)).first(where: { data[$0] == 13 && data[$0 + 1] == 10 && data[$0 + 2] == 13 && data[$0 + 3] == 10 })
        else { return nil }
        let head = String(decoding: data[0..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: Array(data[(split + 4)...]))
    }
}
