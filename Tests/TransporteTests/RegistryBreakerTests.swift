import AppCore
import HTTPCore
import Resilience
import Synchronization
import TestSupport
import Testing
@testable import Transporte

/// The registries' circuit breaker (issue 17): a dead or hanging registry must not cost every worker a timeout.
/// The guarded transport over a scripted one, then a down registry through the module, timed by the fixed test
/// clock (the state machine itself, under this policy too, is `ResilienceTests.CircuitBreakerTests`).
@Suite("Registros externos: cortacircuitos")
struct RegistryBreakerTests {
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
                                               policy: .init(failureThreshold: 3, cooldownMilliseconds: 30_000), clock: clock)
        scripted.next(.failure(.timeout("slow")))
        scripted.next(.success(RegistryReply(status: 503, body: [])))
        scripted.next(.success(RegistryReply(status: 404, body: [])))
        for _ in 0..<3 { _ = try? guarded.fetch("P1234") }
        #expect(guarded.state == .closed(failures: 0), "a 404 is the registry working")
        scripted.next(.failure(.timeout("slow")))
        scripted.next(.failure(.unusable("reset")))
        scripted.next(.success(RegistryReply(status: 500, body: [])))
        for _ in 0..<3 { _ = try? guarded.fetch("P1234") }
        #expect(guarded.state == .open(since: clock.nowMilliseconds(), until: clock.nowMilliseconds() + 30_000))
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
