import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Transporte

/// Concurrent writes keep the catalog rules: one winner per unique value, one reactivation per deleted row, no
/// cycle in the department tree, and never a 5xx.
@Suite("Catalogs: concurrent writes", .serialized)
struct CatalogConcurrencyTests {
    static let clients = 6

    /// Runs `body` on `clients` threads at once, each with its own connection.
    static func race(_ harness: TransporteHarness, _ body: @escaping @Sendable (RaceClient<TransporteContext>, Int) -> TestResponse)
        -> [TestResponse] {
        let responses = RaceResponses()
        let runners = (0..<clients).map { _ in harness.raceClient() }
        nonisolated(unsafe) let shared = runners
        DispatchQueue.concurrentPerform(iterations: clients) { index in responses.record(body(shared[index], index)) }
        return responses.all
    }

    @Test("creates racing for one code: one 201, the others the same 409, one row")
    func createRace() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let responses = Self.race(harness) { client, index in
            client.call(.post, "/rol", json: #"{"codigo": "AUDITOR", "nombre": "Auditor \#(index)"}"#, token: admin)
        }
        #expect(responses.filter { $0.status == 201 }.count == 1)
        for response in responses where response.status != 201 {
            #expect(response.status == 409 && response.message == "Ya existe un rol con el código 'AUDITOR'", "\(response.text)")
        }
        #expect(try harness.count("SELECT COUNT(*) FROM Rol WHERE Codigo = 'AUDITOR'") == 1)
    }

    @Test("creates racing to reactivate one deleted row: it comes back once, the others are 409")
    func reactivationRace() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let id = try #require(harness.call(.post, "/tipo-combustible", json: #"{"codigo": "DIESEL", "nombre": "Diésel"}"#, token: admin)
            .data?["Id"]?.intValue)
        #expect(harness.call(.delete, "/tipo-combustible/\(id)", token: admin).status == 200)
        let responses = Self.race(harness) { client, index in
            client.call(.post, "/tipo-combustible", json: #"{"codigo": "DIESEL", "nombre": "Diésel \#(index)"}"#, token: admin)
        }
        let created = responses.filter { $0.status == 201 }
        #expect(created.count == 1 && created.first?.data?["Id"]?.intValue == id)
        #expect(responses.allSatisfy { $0.status == 201 || $0.message == "Ya existe un tipo de combustible con el código 'DIESEL'" })
        #expect(try harness.count("SELECT COUNT(*) FROM TipoCombustible") == 1)
    }

    @Test("two departments racing to become each other's parent: never both, no cycle, no 5xx")
    func cycleRace() throws {
        let harness = try TransporteHarness()
        let admin = try harness.token("admin")
        let a = try #require(harness.call(.post, "/departamento", json: #"{"codigo": "A", "nombre": "A"}"#, token: admin).data?["Id"]?.intValue)
        let b = try #require(harness.call(.post, "/departamento", json: #"{"codigo": "B", "nombre": "B"}"#, token: admin).data?["Id"]?.intValue)
        for _ in 0..<10 {
            _ = try harness.connection.execute("UPDATE Departamento SET DepartamentoPadreId = NULL WHERE Id IN (\(a), \(b))")
            let responses = Self.race(harness) { client, index in
                let (child, parent) = index % 2 == 0 ? (a, b) : (b, a)
                return client.call(.put, "/departamento/\(child)", json: #"{"departamentoPadreId": \#(parent)}"#, token: admin)
            }
            for response in responses {
                #expect(response.status == 200 || response.message == "No se puede asignar este departamento padre porque crearía una referencia circular",
                        "\(response.text)")
            }
            let parents = try harness.connection.query("SELECT Id, DepartamentoPadreId FROM Departamento WHERE Id IN (\(a), \(b))")
            #expect(try parents.filter { try $0.optionalInt("DepartamentoPadreId") != nil }.count <= 1)
        }
    }
}
