import Foundation
import HTTPCore
import Logging
import MariaDB
import Testing
import TestSupport
@testable import Egresos

@Suite("Egresos customers: concurrent writes")
struct CustomersRaceTests {
    @Test("#19 six projects created at once get six distinct folios after 601")
    func concurrentFolios() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let responses = RaceResponses()
        let token = harness.token("empleado")
        _ = harness.call(.get, "/api/v1/customers")  // links the user before the race
        let (responder, module, configuration) = (harness.responder, harness.module, harness.database.configuration)
        DispatchQueue.concurrentPerform(iterations: 6) { index in
            let client = RaceClient(responder: responder, configuration: configuration,
                                    makeContext: { module.makeContext(connection: $0, logger: $1) })
            responses.record(client.call(.post, "/api/v1/brands/1/projects", json: #"{"name": "Carrera \#(index)"}"#, token: token))
        }
        #expect(responses.all.map(\.status) == Array(repeating: 201, count: 6))
        let folios = responses.all.compactMap { $0.json?["project"]?["folio"]?.stringValue }.sorted()
        #expect(folios == ["602", "603", "604", "605", "606", "607"])
    }

    @Test("#9 one name created by four requests at once: one 201, the others 409 4093")
    func concurrentNames() throws {
        let harness = try EgresosHarness(caller: "empleado")
        let responses = RaceResponses()
        let token = harness.token("empleado")
        _ = harness.call(.get, "/api/v1/customers")
        let (responder, module, configuration) = (harness.responder, harness.module, harness.database.configuration)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let client = RaceClient(responder: responder, configuration: configuration,
                                    makeContext: { module.makeContext(connection: $0, logger: $1) })
            responses.record(client.call(.post, "/api/v1/customers/brands", json: #"{"name": "Carrera"}"#, token: token))
        }
        let statuses = responses.all.map(\.status).sorted()
        #expect(statuses == [201, 409, 409, 409])
        #expect(try harness.count("SELECT COUNT(*) FROM customers WHERE name = 'Carrera'") == 1)
    }
}
