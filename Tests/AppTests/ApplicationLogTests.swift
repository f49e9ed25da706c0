import AppCore
import Foundation
import Logging
import TestSupport
import Testing

/// The application log file of ruling M15: monitor.md §8.1's line format, its rotation, and appends from many
/// writers at once (each with its own open file, as worker processes have) losing or repeating no line.
@Suite("Application log: §8.1 line format and rotation")
struct ApplicationLogTests {
    /// 2026-12-01T12:00:00Z.
    static let noon: Int64 = 1_796_126_400_000

    static func scratch() throws -> String {
        let directory = NSTemporaryDirectory() + "app-log-tests-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    static func lines(_ path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map(String.init)
    }

    @Test("[<ISO timestamp>] [<LEVEL>] [<Context>] <message>, then ` | <compact JSON>` only when there is data")
    func lineFormat() {
        #expect(ApplicationLogHandler.line(millis: Self.noon + 250, level: .warning, context: "ventanilla.monitor",
                                           message: "Token inválido o expirado", metadata: [:])
                == "[2026-12-01T12:00:00.250Z] [WARN] [ventanilla.monitor] Token inválido o expirado")
        #expect(ApplicationLogHandler.line(millis: Self.noon, level: .info, context: "ventanilla.monitor", message: "Evidencia registrada",
                                           metadata: ["no_siniestro": "SIN-1", "id": "3", "contexto": "Evidencias"])
                == #"[2026-12-01T12:00:00.000Z] [INFO] [Evidencias] Evidencia registrada | {"id":"3","no_siniestro":"SIN-1"}"#)
        #expect(ApplicationLogHandler.line(millis: Self.noon, level: .error, context: "c", message: "dos\nlíneas", metadata: [:])
                == "[2026-12-01T12:00:00.000Z] [ERROR] [c] dos líneas")
    }

    @Test("the timestamp is ISO8601.format's for every instant, across seconds in any order (the second's text is cached)")
    func cachedTimestamp() {
        let instants: [Int64] = [Self.noon, Self.noon + 999, Self.noon + 1_000, Self.noon - 1, Self.noon + 1_000,
                                 Self.noon + 86_400_000 + 7, 0, -1, -1_000, -1_001, Self.noon]
        for millis in instants {
            #expect(ApplicationLogHandler.line(millis: millis, level: .info, context: "c", message: "m", metadata: [:])
                    == "[\(ISO8601.format(utcMilliseconds: millis))] [INFO] [c] m")
        }
    }

    @Test("a message is put on one line only when it holds a line break; other non-ASCII text is kept as it is")
    func lineBreaks() {
        for (message, written) in [("café ñandú €", "café ñandú €"), ("a\r\nb", "a b"), ("a\u{2028}b\u{85}c", "a b c"),
                                   ("tab\tkept", "tab\tkept"), ("x\u{0B}y\u{0C}z", "x y z")] {
            #expect(ApplicationLogHandler.line(millis: Self.noon, level: .info, context: "c", message: message, metadata: [:])
                    == "[2026-12-01T12:00:00.000Z] [INFO] [c] \(written)")
        }
    }

    @Test("swift-log levels map to the four of §8.1")
    func levels() {
        let names = Logger.Level.allCases.map { ApplicationLogHandler.name(of: $0) }
        #expect(names == ["INFO", "INFO", "INFO", "SUCCESS", "WARN", "ERROR", "ERROR"])
    }

    @Test("a Logger with the handler appends one line per event at or above its level, with the logger's metadata")
    func throughLogger() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = ApplicationLogFile(path: directory + "/logs/app.log")
        let clock = TestClock(Self.noon)
        var logger = Logger(label: "ventanilla.monitor") { ApplicationLogHandler(label: $0, file: file, level: .info, clock: clock) }
        logger[metadataKey: "request-id"] = "r1"
        logger.debug("not written")
        logger.info("GET /api/health 200")
        clock.advance(seconds: 1)
        logger.notice("Login exitoso", metadata: ["username": "admin"])
        #expect(Self.lines(file.path) == [
            #"[2026-12-01T12:00:00.000Z] [INFO] [ventanilla.monitor] GET /api/health 200 | {"request-id":"r1"}"#,
            #"[2026-12-01T12:00:01.000Z] [SUCCESS] [ventanilla.monitor] Login exitoso | {"request-id":"r1","username":"admin"}"#,
        ])
        #expect(try file.lastLines(1) == [#"[2026-12-01T12:00:01.000Z] [SUCCESS] [ventanilla.monitor] Login exitoso | {"request-id":"r1","username":"admin"}"#])
    }

    @Test("at the limit the file becomes <path>.1 (the previous .1 is replaced) before the next line is written")
    func rotation() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // Each line is 10 bytes with its newline; the limit is 4 lines.
        let file = ApplicationLogFile(path: directory + "/app.log", limit: 40)
        let written = (1...12).map { String(format: "line-%04d", $0) }
        for line in written.prefix(4) { file.append(line) }
        #expect(!FileManager.default.fileExists(atPath: file.rotatedPath))
        file.append(written[4])
        #expect(Self.lines(file.rotatedPath) == Array(written[0..<4]))
        #expect(Self.lines(file.path) == [written[4]])
        for line in written[5...] { file.append(line) }
        #expect(Self.lines(file.rotatedPath) == Array(written[4..<8]))
        #expect(Self.lines(file.path) == Array(written[8...]))
        #expect(try file.lastLines(150) == written[8...].reversed())
    }

    @Test("16 writers with their own open files append 4,000 lines across one rotation: every line once, whole")
    func concurrentAppends() async throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/app.log"
        let writers = 16, perWriter = 250, lineBytes = 20
        // One rotation only: more than the limit in all, less than twice it (so .1 keeps everything rotated).
        let limit = writers * perWriter * lineBytes * 2 / 3
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    let file = ApplicationLogFile(path: path, limit: limit)
                    for index in 0..<perWriter { file.append(String(format: "w%02d-line-%06d-ok", writer, index)) }
                }
            }
        }
        let rotated = Self.lines(path + ".1"), current = Self.lines(path)
        #expect(!rotated.isEmpty && !current.isEmpty)
        let all = rotated + current
        let expected = Set((0..<writers).flatMap { writer in (0..<perWriter).map { String(format: "w%02d-line-%06d-ok", writer, $0) } })
        #expect(all.count == writers * perWriter)
        #expect(Set(all) == expected)
        // Each writer's lines stay in its order across the two files.
        for writer in 0..<writers {
            let mine = all.filter { $0.hasPrefix(String(format: "w%02d-", writer)) }
            #expect(mine == mine.sorted())
        }
    }

    @Test("lastLines: newest first, `count` at most, [] without a file; a directory in its place is a read error")
    func lastLines() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = ApplicationLogFile(path: directory + "/app.log")
        #expect(try file.lastLines(150) == [])
        #expect(try file.contents() == nil)
        for index in 1...5 { file.append("l\(index)") }
        #expect(try file.lastLines(2) == ["l5", "l4"])
        #expect(try file.lastLines(150) == ["l5", "l4", "l3", "l2", "l1"])
        let broken = ApplicationLogFile(path: directory + "/dir.log")
        try FileManager.default.createDirectory(atPath: broken.path, withIntermediateDirectories: true)
        #expect(throws: ApplicationLogFile.ReadError.self) { try broken.lastLines(1) }
    }
}
