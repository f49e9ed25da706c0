import FastCGI
import Glibc
import Testing

/// The FastCGI loop over a real unix socket, driven by `FastCGIClient` (no nginx).
@Suite("FastCGI server over a unix socket")
struct FastCGIServerTests {
    /// The `NAME=value` lines `EchoHandler` writes, without libfcgi's own `FCGI_ROLE`.
    static func echoedParameters(_ response: FastCGIResponse) -> [(String, String)] {
        response.text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { (line: Substring) -> (String, String)? in
            guard let equals = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<equals]), String(line[line.index(after: equals)...]))
        }
    }

    @Test("parameters arrive intact and in order, non-ASCII and long values included")
    func parameters() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("echo.sock")
        let server = try TestServer.start(path) { EchoHandler(worker: $0) }
        defer { server.stop() }

        let longValue = String(repeating: "abcdefghij", count: 10_000)   // 100 KB: spans two PARAMS records
        let sent = TestServer.cgi("GET", "/api/solicitudes/ñandú/año", query: "q=caf%C3%A9&page=2", extra: [
            ("HTTP_ACCEPT_LANGUAGE", "es-MX,es;q=0.9"),
            ("HTTP_X_NOMBRE", "José Ñúñez — 東京 🚌"),
            ("HTTP_COOKIE", String(repeating: "k=v; ", count: 60)),        // 300 bytes: 4-byte length
            ("HTTP_X_" + String(repeating: "LARGO_", count: 30), "nombre de 188 bytes"),
            ("HTTP_X_EMPTY", ""),
            ("HTTP_X_LONG", longValue),
            ("LOOKUP", "HTTP_X_NOMBRE"),
        ])
        let response = try FastCGIClient(socketPath: path).send(sent)

        #expect(response.status == 200)
        #expect(response.protocolStatus == 0)
        let received = Self.echoedParameters(response)
        // libfcgi puts the role first; everything else arrives as sent.
        #expect(received.first.map { $0.0 == "FCGI_ROLE" && $0.1 == "RESPONDER" } == true)
        #expect(received.dropFirst().map(\.0) == sent.map(\.0))
        #expect(received.dropFirst().map(\.1) == sent.map(\.1))
        #expect(response.header("X-Lookup") == "José Ñúñez — 東京 🚌")
        #expect(response.header("X-Body-Length") == "0")
    }

    @Test("parameter(_:) answers nil for a parameter that was not sent")
    func missingParameter() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("echo.sock")
        let server = try TestServer.start(path) { EchoHandler(worker: $0) }
        defer { server.stop() }

        let response = try FastCGIClient(socketPath: path).send(TestServer.cgi("GET", "/", extra: [("LOOKUP", "HTTP_NOPE")]))
        #expect(response.header("X-Lookup") == "<nil>")
    }

    @Test("an empty body reads as zero bytes, with or without CONTENT_LENGTH: 0")
    func emptyBody() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("echo.sock")
        let server = try TestServer.start(path) { EchoHandler(worker: $0) }
        defer { server.stop() }

        let client = FastCGIClient(socketPath: path)
        for response in [try client.send(TestServer.cgi("GET", "/")),
                         try client.send(TestServer.cgi("POST", "/"), contentLength: 0)] {
            #expect(response.status == 200)
            #expect(response.header("X-Body-Length") == "0")
            #expect(response.header("X-Body-Error") == "0")
            #expect(response.header("X-Body-Checksum") == Checksum.of([UInt8]()))
        }
    }

    @Test("a body arrives byte for byte", arguments: [(8 << 20, 65_535), (256 << 10, 7), (100_000, 65_528)])
    func largeBody(size: Int, chunk: Int) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("echo.sock")
        let server = try TestServer.start(path) { EchoHandler(worker: $0) }
        defer { server.stop() }

        let body = TestData.pattern(count: size, seed: UInt64(size))
        let response = try FastCGIClient(socketPath: path)
            .send(TestServer.cgi("POST", "/upload", contentType: "application/octet-stream"), body: body, stdinChunk: chunk)
        #expect(response.status == 200)
        #expect(response.header("X-Body-Length") == String(size))
        #expect(response.header("X-Body-Checksum") == Checksum.of(body))
        #expect(response.header("X-Body-Error") == "0")
    }

    @Test("a large response arrives byte for byte, with the status the handler set")
    func largeResponse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("echo.sock")
        let server = try TestServer.start(path) { EchoHandler(worker: $0) }
        defer { server.stop() }

        let size = 3 << 20
        let response = try FastCGIClient(socketPath: path).send(TestServer.cgi("GET", "/big", extra: [
            ("RESPONSE_SIZE", String(size)), ("RESPONSE_STATUS", "299 Custom"),
        ]))
        #expect(response.status == 299)
        #expect(Int(response.header("Content-Length") ?? "") == response.body.count)
        #expect(response.body.count > size)
        #expect(Array(response.body.suffix(size)) == TestData.pattern(count: size))
    }

    @Test("200 requests from 16 client threads against 4 workers are all answered correctly")
    func concurrentRequests() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("echo.sock")
        let server = try TestServer.start(path, workers: 4) { EchoHandler(worker: $0) }
        defer { server.stop() }

        let threads = 16, perThread = 200 / 16 + 1
        let failures = Locked<[String]>([])
        let answered = Locked<Int>(0)
        let workersSeen = Locked<Set<String>>([])
        TestThread.run(count: threads) { thread in
            let client = FastCGIClient(socketPath: path)
            for index in 0..<perThread where thread * perThread + index < 200 {
                let id = "\(thread)-\(index)"
                let body = TestData.pattern(count: (thread * 7_919 + index * 104_729) % 20_000, seed: UInt64(thread * 1_000 + index))
                do {
                    let response = try client.send(TestServer.cgi("POST", "/r/\(id)", extra: [("HTTP_X_REQUEST_ID", id)]),
                                                   body: body)
                    let parameters = Self.echoedParameters(response)
                    let echoedID = parameters.first { $0.0 == "HTTP_X_REQUEST_ID" }?.1
                    if response.status != 200 || echoedID != id || response.header("X-Body-Length") != String(body.count)
                        || response.header("X-Body-Checksum") != Checksum.of(body) {
                        failures.withLock { $0.append("\(id): status \(response.status), id \(echoedID ?? "nil")") }
                    }
                    let worker = response.header("X-Worker") ?? "?"
                    workersSeen.withLock { _ = $0.insert(worker) }
                    answered.withLock { $0 += 1 }
                } catch {
                    failures.withLock { $0.append("\(id): \(error)") }
                }
            }
        }
        #expect(failures.value == [])
        #expect(answered.value == 200)
        #expect(workersSeen.value.isSubset(of: ["0", "1", "2", "3"]))
    }

    @Test("a second server on a live socket path is refused; the first keeps serving")
    func socketInUse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("live.sock")
        let first = try TestServer.start(path) { EchoHandler(worker: $0) }
        defer { first.stop() }

        var refusedWithSocketInUse = false
        do {
            let second = try TestServer.start(path) { EchoHandler(worker: $0) }
            second.stop()
        } catch FastCGIError.socketInUse(let inUse) {
            refusedWithSocketInUse = inUse == path
        }
        #expect(refusedWithSocketInUse)
        #expect(try FastCGIClient(socketPath: path).send(TestServer.cgi("GET", "/")).status == 200)
    }

    @Test("a stale socket file without a listener is replaced")
    func staleSocket() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("stale.sock")
        try Self.leaveStaleSocket(at: path)
        #expect(throws: FastCGIClient.Failure.self) { close(try FastCGIClient(socketPath: path).connect()) }

        let server = try TestServer.start(path) { EchoHandler(worker: $0) }
        defer { server.stop() }
        #expect(try FastCGIClient(socketPath: path).send(TestServer.cgi("GET", "/")).status == 200)
    }

    @Test("a path that exists and is not a socket is left alone")
    func notASocket() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("regular-file")
        let fd = open(path, O_CREAT | O_WRONLY, 0o644)
        #expect(fd >= 0)
        close(fd)

        var invalid = false
        do {
            let server = try TestServer.start(path) { EchoHandler(worker: $0) }
            server.stop()
        } catch FastCGIError.invalidEndpoint {
            invalid = true
        }
        #expect(invalid)
        var info = stat()
        #expect(lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG)
    }

    @Test("the socket file gets the configured mode, whatever the umask", arguments: [UInt32(0o600), 0o660, 0o666])
    func socketMode(mode: UInt32) throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("mode.sock")
        let server = try TestServer.start(path, mode: mode) { EchoHandler(worker: $0) }
        defer { server.stop() }

        var info = stat()
        #expect(lstat(path, &info) == 0)
        #expect((info.st_mode & S_IFMT) == S_IFSOCK)
        #expect(UInt32(info.st_mode) & 0o777 == mode)
    }

    @Test("graceful shutdown: the request in flight gets its whole response, then the socket is gone")
    func gracefulShutdown() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("slow.sock")
        let probe = SlowHandler.Probe()
        let size = 256 << 10
        let server = try TestServer.start(path, workers: 2, graceSeconds: 10) { _ in
            SlowHandler(probe: probe, milliseconds: 500, responseSize: size)
        }

        let outcome = Locked<Result<FastCGIResponse, FastCGIClient.Failure>?>(nil)
        let client = TestThread {
            let result: Result<FastCGIResponse, FastCGIClient.Failure>
            do {
                result = .success(try FastCGIClient(socketPath: path).send(TestServer.cgi("GET", "/slow")))
            } catch let failure as FastCGIClient.Failure {
                result = .failure(failure)
            } catch {
                result = .failure(FastCGIClient.Failure(operation: "send", code: 0, detail: "\(error)"))
            }
            outcome.withLock { $0 = result }
        }
        #expect(TestData.waitUntil { probe.started == 1 })
        #expect(probe.finished == 0)

        let stopped = server.stop()
        client.join()

        #expect(stopped)
        #expect(probe.finished == 1)
        let response = try #require(try outcome.value?.get())
        #expect(response.status == 200)
        #expect(response.body == TestData.pattern(count: size))

        var refused = false
        do {
            close(try FastCGIClient(socketPath: path).connect())
        } catch let failure as FastCGIClient.Failure {
            refused = failure.isConnectionRefused
        }
        #expect(refused)
        var info = stat()
        #expect(lstat(path, &info) == -1 && errno == ENOENT)
    }

    @Test("shutdown gives up after the grace period instead of hanging on a long request")
    func shutdownGraceExpires() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("stuck.sock")
        let probe = SlowHandler.Probe()
        let server = try TestServer.start(path, workers: 2, graceSeconds: 1) { _ in
            SlowHandler(probe: probe, milliseconds: 3_000, responseSize: 16)
        }
        // The client would get its answer after 3 s; the test does not wait for it.
        TestThread { _ = try? FastCGIClient(socketPath: path).send(TestServer.cgi("GET", "/stuck")) }.detach()
        #expect(TestData.waitUntil { probe.started == 1 })

        var stopped = true
        let elapsed = ContinuousClock().measure { stopped = server.stop() }

        #expect(!stopped)
        #expect(elapsed >= .milliseconds(900))
        #expect(elapsed < .milliseconds(2_500), "stop() waited for the request instead of the grace period")
        var info = stat()
        #expect(lstat(path, &info) == -1 && errno == ENOENT)
        #expect(throws: FastCGIClient.Failure.self) { close(try FastCGIClient(socketPath: path).connect()) }
    }

    @Test("each worker's handler is made on that worker's thread and serves there")
    func handlerPerWorkerThread() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("threads.sock")
        let creations = Locked<[ThreadRecordingHandler.Creation]>([])
        let workers = 3
        let server = try TestServer.start(path, workers: workers) { ThreadRecordingHandler(worker: $0, creations: creations) }
        defer { server.stop() }

        #expect(TestData.waitUntil { creations.value.count == workers })
        let made = creations.value
        #expect(made.map(\.worker).sorted() == Array(0..<workers))
        #expect(Set(made.map(\.thread)).count == workers)
        #expect(!made.map(\.thread).contains(UInt(pthread_self())))

        let mismatches = Locked<[String]>([])
        TestThread.run(count: 6) { _ in
            for _ in 0..<5 {
                do {
                    let response = try FastCGIClient(socketPath: path).send(TestServer.cgi("GET", "/"))
                    let initThread = response.header("X-Init-Thread"), handleThread = response.header("X-Handle-Thread")
                    let known = made.contains { String($0.thread) == initThread && String($0.worker) == response.header("X-Worker") }
                    if initThread == nil || initThread != handleThread || !known {
                        mismatches.withLock { $0.append("init \(initThread ?? "nil"), handle \(handleThread ?? "nil")") }
                    }
                } catch {
                    mismatches.withLock { $0.append("\(error)") }
                }
            }
        }
        #expect(mismatches.value == [])
    }

    @Test("a client that hangs up mid-body does not take the server down")
    func clientHangsUp() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("hangup.sock")
        let server = try TestServer.start(path, workers: 1) { EchoHandler(worker: $0) }
        defer { server.stop() }

        let client = FastCGIClient(socketPath: path, timeoutSeconds: 5)
        for _ in 0..<3 {
            try client.hangUp(TestServer.cgi("POST", "/"), body: TestData.pattern(count: 10_000), contentLength: 1_000_000)
        }
        let body = TestData.pattern(count: 1_000)
        let response = try client.send(TestServer.cgi("POST", "/"), body: body)
        #expect(response.header("X-Body-Checksum") == Checksum.of(body))
    }

    @Test("a client that leaves while a large response is written: no SIGPIPE, the worker serves the next request")
    func clientLeavesMidResponse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("leave.sock")
        // One worker: the next request proves that very thread came back from its failed writes.
        let server = try TestServer.start(path, workers: 1) { EchoHandler(worker: $0) }
        defer { server.stop() }

        let client = FastCGIClient(socketPath: path, timeoutSeconds: 5)
        for _ in 0..<3 {
            // 16 MiB: far more than the socket buffers hold, so the handler is still writing when the client goes.
            try client.leaveMidResponse(TestServer.cgi("GET", "/big", extra: [("RESPONSE_SIZE", String(16 << 20))]),
                                        readBytes: 4_096)
        }
        let response = try client.send(TestServer.cgi("GET", "/small", extra: [("RESPONSE_SIZE", "1000")]))
        #expect(response.status == 200)
        #expect(Array(response.body.suffix(1_000)) == TestData.pattern(count: 1_000))
    }

    @Test("a server can start again on the same path after another one in this process stopped")
    func restartInProcess() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("again.sock")
        for round in 0..<3 {
            let server = try TestServer.start(path) { EchoHandler(worker: $0) }
            let response = try FastCGIClient(socketPath: path, timeoutSeconds: 5)
                .send(TestServer.cgi("GET", "/", extra: [("HTTP_X_ROUND", String(round))]))
            #expect(Self.echoedParameters(response).contains { $0.0 == "HTTP_X_ROUND" && $0.1 == String(round) })
            #expect(server.stop())
        }
    }

    /// Binds a unix socket at `path` and closes it without unlinking: what a crashed server leaves behind.
    static func leaveStaleSocket(at path: String) throws {
        close(try BoundUnixSocket.bind(path))
    }
}
