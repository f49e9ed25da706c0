import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// In-process throughput of the benchmark path (GET one fully filled expediente); runs only with VENTANILLA_EXP_BENCH set.
@Suite("Expedientes: GET by id throughput", .enabled(if: ProcessInfo.processInfo.environment["VENTANILLA_EXP_BENCH"] != nil))
struct ExpedienteBenchTests {
    /// mariadbd's CPU seconds (utime + stime), from VENTANILLA_EXP_BENCH_PID.
    static func serverCPU() -> Double {
        guard let pid = ProcessInfo.processInfo.environment["VENTANILLA_EXP_BENCH_PID"],
              let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return 0 }
        let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / 100
    }

    @Test("GET /api/expedientes/:no_siniestro, single thread")
    func getByID() throws {
        let h = try MonitorHarness()
        let (id, token) = try h.user(.administrador)
        var members: [String] = []
        for spec in ExpedienteFields.writable {
            switch spec.kind {
            case .text: members.append("\"\(spec.name)\": \"valor de \(spec.name)\"")
            case .date: members.append("\"\(spec.name)\": \"2024-03-15\"")
            case .timestamp: members.append("\"\(spec.name)\": \"2024-03-20T10:30:00.000Z\"")
            case .boolean: members.append("\"\(spec.name)\": true")
            default: members.append("\"\(spec.name)\": 1")
            }
        }
        #expect(h.createExpediente("SIN-0001", token: token, extra: members.joined(separator: ", ")).status == 201)
        for target in ["Restauracion", "Pendiente_de_salida"] {
            #expect(h.call(.patch, "/api/expedientes/SIN-0001/estado", json: "{\"estado\": \"\(target)\"}", token: token).status == 200)
        }
        for n in 0..<3 {
            _ = try h.connection.execute("INSERT INTO evidencia (no_siniestro, tipo, nombre_archivo, ruta, subido_por) VALUES ('SIN-0001', 'evidencia', \("foto\(n).jpg"), \("/evidencias/abc/\(n).jpg"), \(id))")
        }
        let first = h.call(.get, "/api/expedientes/SIN-0001", token: token)
        #expect(first.status == 200)
        print("body bytes:", first.text.utf8.count)
        let count = 20_000
        let serverBefore = Self.serverCPU()
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpuBefore = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let seconds = Elapsed.measure {
            for _ in 0..<count { _ = h.call(.get, "/api/expedientes/SIN-0001", token: token) }
        }.seconds
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let cpuAfter = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        let server = Self.serverCPU() - serverBefore
        print("GET by id: \(Int(Double(count) / seconds)) req/s, \(Int(seconds / Double(count) * 1_000_000)) µs each; "
              + "client CPU \(Int((cpuAfter - cpuBefore) / Double(count) * 1e6)) µs, server CPU \(Int(server / Double(count) * 1e6)) µs")
    }
}
