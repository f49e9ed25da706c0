import FastCGI
import Glibc
import Testing

/// A listening socket handed over by a supervisor (spawn-fcgi, systemd, scripts/lib/supervise) outlives each server
/// process: a server that stops leaves it listening, so a request that arrives between two processes waits in the
/// backlog and the next process answers it.
@Suite("FastCGI server on a shared (inherited) socket")
struct SharedSocketTests {
    static func start(_ fd: Int32, workers: Int = 2) throws -> FastCGIServer {
        let configuration = FastCGIConfiguration(endpoint: .inherited(fd: dup(fd)), workers: workers, shutdownGraceSeconds: 5)
        return try FastCGIServer.start(configuration, logger: TestServer.logger) { EchoHandler(worker: $0) }
    }

    @Test("a stopped server leaves the shared socket listening; the next one answers what waited in the backlog")
    func requestWaitsForTheNextServer() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("shared.sock")
        let listener = try BoundUnixSocket.listening(path)
        defer { close(listener) }

        let first = try Self.start(listener)
        let before = try FastCGIClient(socketPath: path, timeoutSeconds: 5).send(TestServer.cgi("GET", "/before"))
        #expect(before.status == 200)
        #expect(first.stop())
        var info = stat()
        #expect(lstat(path, &info) == 0, "the socket file is the supervisor's: a stopping server leaves it")

        // Sent while no server runs: it must wait in the backlog, not be refused.
        let outcome = Locked<Result<FastCGIResponse, any Error>?>(nil)
        let client = TestThread {
            let result = Result { try FastCGIClient(socketPath: path, timeoutSeconds: 10).send(TestServer.cgi("GET", "/gap")) }
            outcome.withLock { $0 = result }
        }
        let second = try Self.start(listener)
        client.join()
        #expect(second.stop())

        let response = try #require(try outcome.value?.get())
        #expect(response.status == 200)
        #expect(FastCGIServerTests.echoedParameters(response).contains { $0 == ("DOCUMENT_URI", "/gap") })
    }

    @Test("stopping with idle workers on a shared socket ends, and every worker leaves")
    func idleWorkersLeave() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let listener = try BoundUnixSocket.listening(directory.file("idle.sock"))
        defer { close(listener) }
        let server = try Self.start(listener, workers: 4)
        #expect(server.stop())
    }
}
