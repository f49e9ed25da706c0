import AppCore
import HTTPCore
import Synchronization
import TestSupport
import Testing
@testable import Transporte

/// The registries' circuit breaker (issue 17): a dead or hanging registry must not cost every worker a timeout.
/// The pure state machine step by step, the guarded transport over a scripted one, then a down registry through
/// the module, all timed by the fixed test clock.
@Suite("Registros externos: cortacircuitos")
struct RegistryBreakerTests {
    @Test("closed → open at the threshold of consecutive failures; a success in between starts the count again")
    func opensAtThreshold() {
        var breaker = CircuitBreaker(failureThreshold: 3, coolDownMilliseconds: 30_000)
        #expect(breaker.admit(now: 0) == .allowed)
        breaker.record(success: false, now: 0)
        breaker.record(success: false, now: 1)
        #expect(breaker.state == .closed(failures: 2))
        breaker.record(success: true, now: 2)
        #expect(breaker.state == .closed(failures: 0))
        for t in 3...5 { breaker.record(success: false, now: Int64(t)) }
        #expect(breaker.state == .open(openedAt: 5))
        #expect(breaker.admit(now: 6) == .refused)
        #expect(breaker.admit(now: 30_004) == .refused, "still inside the cool-down")
    }

    @Test("open → half-open after the cool-down: one trial, the others refused; its success closes, its failure reopens")
    func halfOpen() {
        var breaker = CircuitBreaker(failureThreshold: 1, coolDownMilliseconds: 30_000)
        breaker.record(success: false, now: 1_000)
        #expect(breaker.state == .open(openedAt: 1_000))
        #expect(breaker.admit(now: 31_000) == .trial)
        #expect(breaker.state == .halfOpen)
        #expect(breaker.admit(now: 31_001) == .refused, "one trial at a time")
        breaker.record(success: false, now: 31_500)
        #expect(breaker.state == .open(openedAt: 31_500), "a failed trial opens it for a whole new cool-down")
        #expect(breaker.admit(now: 61_499) == .refused)
        #expect(breaker.admit(now: 61_500) == .trial)
        breaker.record(success: true, now: 61_600)
        #expect(breaker.state == .closed(failures: 0))
        #expect(breaker.admit(now: 61_601) == .allowed)
    }

    @Test("a wall clock set back before the opening lets the trial through instead of refusing for ever")
    func clockSetBack() {
        var breaker = CircuitBreaker(failureThreshold: 1, coolDownMilliseconds: 30_000)
        breaker.record(success: false, now: 100_000)
        #expect(breaker.admit(now: 50_000) == .trial)
    }

    /// A transport that answers from a script and counts the calls that reached it.
    final class ScriptedTransport: RegistryTransport {
        private let outcomes = Mutex<[Result<RegistryReply, RegistryFailure>]>([])
        private let calls = Atomic<Int>(0)
        var reached: Int { calls.load(ordering: .relaxed) }
        func next(_ outcome: Result<RegistryReply, RegistryFailure>) { outcomes.withLock { $0.append(outcome) } }
        func fetch(_ key: String) throws(RegistryFailure) -> RegistryReply {
            calls.add(1, ordering: .relaxed)
            let outcome = outcomes.withLock { $0.isEmpty ? .failure(.unreachable("script empty")) : $0.removeFirst() }
            return try outcome.get()
        }
    }

    @Test("the guarded transport: timeouts, refusals and 5xx count, 2xx and 4xx do not; open, it does not call at all")
    func guardedTransport() throws {
        let clock = TestClock(1_700_000_000_000)
        let scripted = ScriptedTransport()
        let guarded = GuardedRegistryTransport(scripted, name: "placa",
                                               breaker: CircuitBreaker(failureThreshold: 3, coolDownMilliseconds: 30_000), clock: clock)
        scripted.next(.failure(.timeout("slow")))
        scripted.next(.success(RegistryReply(status: 503, body: [])))
        scripted.next(.success(RegistryReply(status: 404, body: [])))
        for _ in 0..<3 { _ = try? guarded.fetch("P1234") }
        #expect(guarded.state == .closed(failures: 0), "a 404 is the registry working")
        scripted.next(.failure(.timeout("slow")))
        scripted.next(.failure(.unusable("reset")))
        scripted.next(.success(RegistryReply(status: 500, body: [])))
        for _ in 0..<3 { _ = try? guarded.fetch("P1234") }
        #expect(guarded.state == .open(openedAt: clock.nowMilliseconds()))
        #expect(scripted.reached == 6)
        for _ in 0..<10 {
            #expect(throws: RegistryFailure.circuitOpen) { try guarded.fetch("P1234") }
        }
        #expect(scripted.reached == 6, "an open breaker never calls the registry")
        clock.advance(seconds: 30)
        scripted.next(.success(RegistryReply(status: 200, body: Array(#"{"placa":"P1234"}"#.utf8))))
        #expect(try guarded.fetch("P1234").status == 200)
        #expect(guarded.state == .closed(failures: 0) && scripted.reached == 7)
    }

    @Test("a registry that is down: the failures answer 502, then the open breaker's 503 at once, and a trial after the cool-down")
    func downRegistryThroughTheModule() throws {
        let (harness, admin) = try RegistroTests.harness([
            "TRANSPORTE_PLACA_API_URL": "http://127.0.0.1:1/placas", "TRANSPORTE_REGISTRY_BREAKER_FAILURES": "2",
            "TRANSPORTE_REGISTRY_BREAKER_COOLDOWN_SECONDS": "30",
        ])
        let caido = Registro.Tipo.placa.mensaje(Registro.respuestaInvalida)
        let abierto = Registro.Tipo.placa.mensaje(Registro.noDisponible)
        #expect(abierto == "El servicio externo de consulta de placas no está disponible por ahora; intente de nuevo en unos segundos")
        RegistroTests.expectFailure(harness.call(.get, "/vehiculo/consulta-placa/P503067", token: admin), 502, caido)
        RegistroTests.expectFailure(harness.call(.post, "/vehiculo/crear-por-placa", json: RegistroTests.placaBody, token: admin), 502, caido)
        for _ in 0..<3 {
            RegistroTests.expectFailure(harness.call(.get, "/vehiculo/consulta-placa/P503067", token: admin), 503, abierto)
        }
        RegistroTests.expectFailure(harness.call(.post, "/vehiculo/crear-por-placa", json: RegistroTests.placaBody, token: admin), 503, abierto)
        harness.clock.advance(seconds: 29)
        RegistroTests.expectFailure(harness.call(.get, "/vehiculo/consulta-placa/P503067", token: admin), 503, abierto)
        harness.clock.advance(seconds: 1)
        // The trial asks the registry (still down: 502), which opens the breaker again.
        RegistroTests.expectFailure(harness.call(.get, "/vehiculo/consulta-placa/P503067", token: admin), 502, caido)
        RegistroTests.expectFailure(harness.call(.get, "/vehiculo/consulta-placa/P503067", token: admin), 503, abierto)
        #expect(try RegistroTests.filas(harness) == [0, 5, 5, 5, 1])
    }
}
