import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// The estado workflow over HTTP and the stored procedure (monitor.md §4.5, §5, ruling M4).
@Suite("Expedientes: estado workflow and historial")
struct ExpedienteEstadoTests {
    @Test("PATCH: any change between different estados, each with its historial row; 200 is the updated row")
    func transitions() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.operador)
        #expect(h.createExpediente("SIN-E", token: token, extra: #""marca": "Volvo""#).status == 201)
        var current = "Ingreso"
        for target in ["Pendiente_de_salida", "Restauracion", "Ingreso", "Pendiente_de_salida"] {
            let response = h.call(.patch, "/api/expedientes/SIN-E/estado", json: "{\"estado\": \"\(target)\", \"otro\": 1}", token: token)
            #expect(response.status == 200)
            #expect(response.json?["estado"] == .string(target))
            #expect(response.json?["marca"] == .string("Volvo"))
            #expect(response.json?["historial_estado"] == nil)
            let last = try #require(try h.connection.queryFirst(
                "SELECT estado_anterior, estado_nuevo, cambiado_por FROM historial_estado WHERE no_siniestro = 'SIN-E' ORDER BY id DESC LIMIT 1"))
            #expect(try last.string("estado_anterior") == current)
            #expect(try last.string("estado_nuevo") == target)
            #expect(try last.int("cambiado_por") == id)
            current = target
        }
        let same = h.call(.patch, "/api/expedientes/SIN-E/estado", json: #"{"estado": "Pendiente_de_salida"}"#, token: token)
        #expect(same.status == 400)
        #expect(same.error == "El expediente ya se encuentra en ese estado")
        let missing = h.call(.patch, "/api/expedientes/NO-EXISTE/estado", json: #"{"estado": "Salida"}"#, token: token)
        #expect(missing.status == 404)
        #expect(missing.error == "Expediente no encontrado")
        #expect(try h.count("SELECT COUNT(*) FROM historial_estado") == 5)
    }

    @Test("PATCH to Salida: unidad_terminada, then a checklist, then the latest checklist's fecha_entrega (§4.5 order)")
    func salidaPreconditions() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.administrador)
        #expect(h.createExpediente("SIN-S", token: token).status == 201)
        func salida() -> TestResponse {
            h.call(.patch, "/api/expedientes/SIN-S/estado", json: #"{"estado": "Salida"}"#, token: token)
        }
        var response = salida()
        #expect(response.status == 400)
        #expect(response.error == "Falta registrar la fecha de entrega del expediente")
        // fecha_entrega of the expediente is not what is checked (§4.5: the field is unidad_terminada).
        #expect(h.call(.put, "/api/expedientes/SIN-S", json: #"{"fecha_entrega": "2024-05-10"}"#, token: token).status == 200)
        #expect(salida().error == "Falta registrar la fecha de entrega del expediente")
        #expect(h.call(.put, "/api/expedientes/SIN-S", json: #"{"unidad_terminada": "2024-05-06"}"#, token: token).status == 200)
        response = salida()
        #expect(response.status == 400)
        #expect(response.error == "No existe checklist de salida para este expediente")
        _ = try h.connection.execute("INSERT INTO checklist (no_siniestro, fecha_entrega) VALUES ('SIN-S', '2024-05-10')")
        let newest = try h.connection.execute("INSERT INTO checklist (no_siniestro) VALUES ('SIN-S')")
        response = salida()
        #expect(response.status == 400)
        #expect(response.error == "Falta registrar la fecha de entrega en el checklist")
        #expect(try h.count("SELECT COUNT(*) FROM historial_estado") == 1)
        _ = try h.connection.execute("UPDATE checklist SET fecha_entrega = '2024-05-10' WHERE id = \(newest.lastInsertID)")
        response = salida()
        #expect(response.status == 200)
        #expect(response.json?["estado"] == .string("Salida"))
        #expect(response.json?["ubicacion_almacenamiento"] == .string("Local"))
        // Reopening from Salida is allowed (§5).
        #expect(h.call(.patch, "/api/expedientes/SIN-S/estado", json: #"{"estado": "Restauracion"}"#, token: token).status == 200)
        #expect(try h.count("SELECT COUNT(*) FROM historial_estado") == 3)
    }

    @Test("GET historial: newest first, with usuario {id, nombre, username} or null; 404 for an unknown expediente")
    func historial() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.operador, username: "opera")
        #expect(h.createExpediente("SIN-H", token: token).status == 201)
        #expect(h.call(.patch, "/api/expedientes/SIN-H/estado", json: #"{"estado": "Restauracion"}"#, token: token).status == 200)
        _ = try h.connection.execute("""
            INSERT INTO historial_estado (no_siniestro, estado_anterior, estado_nuevo, fecha_cambio, cambiado_por)
            VALUES ('SIN-H', 'Restauracion', 'Pendiente_de_salida', '2099-01-01 00:00:00.000', NULL)
            """)
        let (_, tecnico) = try h.user(.tecnico)
        let response = h.call(.get, "/api/expedientes/SIN-H/estado/historial", token: tecnico)
        #expect(response.status == 200)
        guard case .array(let rows)? = response.json else { Issue.record("not an array"); return }
        #expect(rows.count == 3)
        #expect(rows.map { $0["estado_nuevo"] } == ["Pendiente_de_salida", "Restauracion", "Ingreso"].map { Input.string($0) })
        #expect(rows[0]["usuario"] == .null)
        #expect(rows[0]["cambiado_por"] == .null)
        #expect(rows[0]["fecha_cambio"] == .string("2099-01-01T00:00:00.000Z"))
        #expect(rows[1]["usuario"] == .object(InputObject([("id", .number(String(id))), ("nombre", .string("opera")),
                                                           ("username", .string("opera"))])))
        #expect(rows[2]["estado_anterior"] == .null)
        #expect(rows[2].objectValue?.keys == ["id", "no_siniestro", "estado_anterior", "estado_nuevo", "fecha_cambio", "cambiado_por",
                                              "usuario"])
        if case .string(let stamp)? = rows[2]["fecha_cambio"] {
            #expect(stamp.count == 24 && stamp.hasSuffix("Z"))
        } else {
            Issue.record("fecha_cambio is not a string")
        }
        let missing = h.call(.get, "/api/expedientes/NO-EXISTE/estado/historial", token: token)
        #expect(missing.status == 404)
        #expect(missing.error == "Expediente no encontrado")
        // An expediente whose rows were removed by hand still answers (empty), not 404.
        _ = try h.connection.execute("DELETE FROM historial_estado WHERE no_siniestro = 'SIN-H'")
        #expect(h.call(.get, "/api/expedientes/SIN-H/estado/historial", token: token).text == "[]")
    }

    @Test("two clients racing estado changes of one expediente leave a consistent history chain")
    func race() throws {
        let h = try MonitorHarness()
        let (_, token) = try h.user(.operador)
        #expect(h.createExpediente("SIN-RACE", token: token).status == 201)
        let module = h.module
        let responder = h.responder
        let configuration = h.connection.configuration
        let plans = [
            ["Restauracion", "Pendiente_de_salida", "Ingreso"],
            ["Pendiente_de_salida", "Ingreso", "Restauracion"],
        ]
        let rounds = 25
        let outcomes = RaceOutcomes()
        DispatchQueue.concurrentPerform(iterations: plans.count) { index in
            let client = RaceClient(responder: responder, configuration: configuration, makeContext: module.makeContext)
            for round in 0..<rounds {
                let target = plans[index][round % plans[index].count]
                let response = client.call(.patch, "/api/expedientes/SIN-RACE/estado", json: "{\"estado\": \"\(target)\"}",
                                           token: token)
                outcomes.record(status: response.status, error: response.error)
            }
        }
        let recorded = outcomes.snapshot()
        #expect(recorded.count == plans.count * rounds)
        for (status, error) in recorded {
            #expect(status == 200 || (status == 400 && error == "El expediente ya se encuentra en ese estado"), "\(status) \(error ?? "")")
        }
        let changes = recorded.filter { $0.status == 200 }.count
        #expect(changes > 0)
        let history = try h.connection.query(
            "SELECT estado_anterior, estado_nuevo FROM historial_estado WHERE no_siniestro = 'SIN-RACE' ORDER BY id")
        #expect(history.count == changes + 1)
        #expect(history.first?[0].isNull == true)
        #expect(try history.first?.string("estado_nuevo") == "Ingreso")
        for index in history.indices.dropFirst() {
            #expect(try history[index].optionalString("estado_anterior") == history[index - 1].string("estado_nuevo"))
        }
        let final = try h.connection.queryFirst("SELECT estado FROM expediente WHERE no_siniestro = 'SIN-RACE'")
        #expect(try final?.string("estado") == history.last?.string("estado_nuevo"))
    }
}

/// Responses collected from several threads.
final class RaceOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [(status: Int, error: String?)] = []

    func record(status: Int, error: String?) {
        lock.lock()
        outcomes.append((status, error))
        lock.unlock()
    }

    func snapshot() -> [(status: Int, error: String?)] {
        lock.lock()
        defer { lock.unlock() }
        return outcomes
    }
}
