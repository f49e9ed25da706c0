@testable import AppCore
import Foundation
import Glibc
import Logging
import Synchronization
import Testing

/// The batched log writes of a server (`LogLineBuffer`, `LogFlusher`): a request's line no longer costs a system
/// call, yet what reaches the log is what one write per line gave: whole lines, in each thread's order, none lost.
@Suite("Logging: lines batched in memory reach the log whole, in order, and all of them")
struct LogLineBufferTests {
    /// Keeps every batch the buffer hands to its sink.
    final class Batches: Sendable {
        private let batches = Mutex<[[UInt8]]>([])
        func add(_ batch: UnsafeRawBufferPointer) { batches.withLock { $0.append(Array(batch)) } }
        var all: [[UInt8]] { batches.withLock { $0 } }
        var lines: [String] {
            all.flatMap { String(decoding: $0, as: UTF8.self).split(separator: "\n").map(String.init) }
        }
    }

    static func append(_ text: String, to buffer: LogLineBuffer, urgent: Bool = false) {
        Array((text + "\n").utf8).withUnsafeBytes { buffer.append($0, urgent: urgent) }
    }

    @Test("8 threads × 2,000 lines: every line once and whole, each thread's in its order, batches of whole lines ≤ PIPE_BUF")
    func concurrentLines() async {
        let batches = Batches()
        let buffer = LogLineBuffer { batches.add($0) }
        let threads = 8, perThread = 2_000
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<threads {
                group.addTask {
                    for index in 0..<perThread {
                        // Lines of different lengths, so page boundaries fall everywhere.
                        Self.append("t\(thread)-\(String(format: "%06d", index))-" + String(repeating: "x", count: index % 97), to: buffer)
                    }
                }
            }
        }
        buffer.flush()
        for batch in batches.all {
            #expect(batch.count <= LogLineBuffer.batchBytes)
            #expect(batch.last == 0x0A, "a batch ends with a whole line")
        }
        let lines = batches.lines
        #expect(lines.count == threads * perThread)
        for thread in 0..<threads {
            let mine = lines.filter { $0.hasPrefix("t\(thread)-") }
            let expected = (0..<perThread).map { "t\(thread)-\(String(format: "%06d", $0))-" + String(repeating: "x", count: $0 % 97) }
            #expect(mine == expected)
        }
    }

    @Test("An urgent line (a warning, an error) is written at once, after the lines before it")
    func urgentLine() {
        let batches = Batches()
        let buffer = LogLineBuffer { batches.add($0) }
        Self.append("GET /a 200", to: buffer)
        Self.append("GET /b 200", to: buffer)
        Self.append("database down", to: buffer, urgent: true)
        #expect(batches.lines == ["GET /a 200", "GET /b 200", "database down"])
        #expect(!buffer.hasPending)
    }

    @Test("A line longer than a batch goes out alone and whole, after the lines before it")
    func longLine() {
        let batches = Batches()
        let buffer = LogLineBuffer { batches.add($0) }
        let long = String(repeating: "y", count: LogLineBuffer.batchBytes * 3)
        Self.append("before", to: buffer)
        Self.append(long, to: buffer)
        Self.append("after", to: buffer)
        buffer.flush()
        #expect(batches.lines == ["before", long, "after"])
        #expect(batches.all.count == 3)
    }

    @Test("Without flush or urgency, the flusher thread writes a waiting line by itself")
    func flusherWrites() {
        let batches = Batches()
        let buffer = LogLineBuffer { batches.add($0) }
        Self.append("waiting", to: buffer)
        // Waits for the outcome (a generous deadline, not a speed check): the line must come out unasked.
        for _ in 0..<1_000 where batches.lines.isEmpty { usleep(10_000) }
        #expect(batches.lines == ["waiting"])
    }

    @Test("The fatal-signal path writes the pending lines to the crash descriptor without taking a lock")
    func fatalSignalWrite() throws {
        let path = NSTemporaryDirectory() + "log-crash-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(path) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        // Not registered: the flusher thread must not write the lines before the crash path looks at them.
        let buffer = LogLineBuffer(crashDescriptor: descriptor, registered: false) { _ in Issue.record("the sink is not the crash path") }
        Self.append("last request", to: buffer)
        Self.append("about to crash", to: buffer)
        buffer.writeOnFatalSignal()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "last request\nabout to crash\n")
    }

    @Test("The standard-error handler puts the same line in its buffer as it writes unbuffered")
    func standardErrorThroughBuffer() {
        let batches = Batches()
        let buffer = LogLineBuffer { batches.add($0) }
        let handler = StandardErrorLogHandler(label: "ventanilla.monitor", buffer: buffer)
        handler.log(event: LogEvent(level: .info, message: "GET /api/health 200", error: nil, metadata: ["request_id": "r1"],
                                    source: "App", file: #fileID, function: #function, line: #line))
        buffer.flush()
        let line = String(decoding: batches.all.joined(), as: UTF8.self)
        #expect(line.hasSuffix(" info ventanilla.monitor: request_id=r1 [App] GET /api/health 200\n"))
    }

    @Test("A buffered application log: 8 threads' lines are all in the file when read, whole and in each thread's order")
    func bufferedApplicationLog() async throws {
        let directory = try ApplicationLogTests.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = ApplicationLogFile(path: directory + "/app.log", buffered: true)
        let threads = 8, perThread = 500
        await withTaskGroup(of: Void.self) { group in
            for thread in 0..<threads {
                group.addTask {
                    let logger = Logger(label: "w\(thread)") { ApplicationLogHandler(label: $0, file: file) }
                    for index in 0..<perThread { logger.info("line \(String(format: "%04d", index))") }
                }
            }
        }
        // lastLines writes what this process still holds before reading (so /api/logs shows the request just made).
        let lines = try file.lastLines(threads * perThread + 1).reversed()
        #expect(lines.count == threads * perThread)
        for thread in 0..<threads {
            let mine = lines.filter { $0.contains("[w\(thread)] ") }.map { String($0.suffix(4)) }
            #expect(mine == (0..<perThread).map { String(format: "%04d", $0) })
        }
    }
}
