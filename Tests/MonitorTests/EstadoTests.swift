import TestSupport
import Testing
@testable import Monitor

/// The estado workflow as a pure value (monitor.md §4.5, §5): every pair of estados under every Salida readiness.
@Suite("Estado: the workflow rules")
struct EstadoTests {
    static let readinesses: [SalidaReadiness] = [false, true].flatMap { unidad in
        SalidaReadiness.LatestChecklist.allCases.map { SalidaReadiness(unidadTerminada: unidad, latestChecklist: $0) }
    }

    @Test("the four exact names, in the database's spelling")
    func names() {
        #expect(Estado.allCases.map(\.rawValue) == ["Ingreso", "Restauracion", "Pendiente_de_salida", "Salida"])
        for estado in Estado.allCases {
            #expect(Estado(exactly: estado.rawValue) == estado)
        }
        #expect(Estado.initial == .ingreso)
    }

    @Test("anything but an exact name is not an estado", arguments: [
        "", "salida", "SALIDA", "Salida ", " Salida", "Restauración", "Pendiente de salida", "pendiente_de_salida",
        "Ingreso\u{0}", "Entregado", "null",
    ])
    func notAnEstado(text: String) {
        #expect(Estado(exactly: text) == nil)
    }

    @Test("every change between two different estados is allowed, except into Salida when not ready")
    func exhaustiveTransitions() {
        for from in Estado.allCases {
            for to in Estado.allCases {
                for readiness in Self.readinesses {
                    let rejection = from.rejection(changingTo: to, readiness: readiness)
                    if from == to {
                        #expect(rejection == .sameEstado, "\(from) → \(to)")
                    } else if to == .salida {
                        #expect(rejection == readiness.rejection, "\(from) → Salida with \(readiness)")
                    } else {
                        #expect(rejection == nil, "\(from) → \(to) with \(readiness)")
                    }
                }
            }
        }
    }

    @Test("Salida's preconditions are checked in §4.5's order")
    func salidaOrder() {
        for checklist in SalidaReadiness.LatestChecklist.allCases {
            #expect(SalidaReadiness(unidadTerminada: false, latestChecklist: checklist).rejection == .unidadTerminadaMissing)
        }
        #expect(SalidaReadiness(unidadTerminada: true, latestChecklist: .none).rejection == .checklistMissing)
        #expect(SalidaReadiness(unidadTerminada: true, latestChecklist: .withoutFechaEntrega).rejection
            == .checklistFechaEntregaMissing)
        #expect(SalidaReadiness(unidadTerminada: true, latestChecklist: .withFechaEntrega).rejection == nil)
        // Staying in Salida is "same estado", whatever the readiness.
        for readiness in Self.readinesses {
            #expect(Estado.salida.rejection(changingTo: .salida, readiness: readiness) == .sameEstado)
        }
    }

    @Test("messages and statuses are §4.5's, byte for byte")
    func messages() {
        let expected: [(EstadoRejection, Int, String)] = [
            (.invalidEstado, 400, "Estado inválido. Valores permitidos: Ingreso, Restauracion, Pendiente_de_salida, Salida"),
            (.expedienteNotFound, 404, "Expediente no encontrado"),
            (.sameEstado, 400, "El expediente ya se encuentra en ese estado"),
            (.unidadTerminadaMissing, 400, "Falta registrar la fecha de entrega del expediente"),
            (.checklistMissing, 400, "No existe checklist de salida para este expediente"),
            (.checklistFechaEntregaMissing, 400, "Falta registrar la fecha de entrega en el checklist"),
        ]
        #expect(expected.count == EstadoRejection.allCases.count)
        for (rejection, status, message) in expected {
            #expect(rejection.status == status)
            #expect(rejection.message == message)
            #expect(rejection.error == MonitorError(status: status, message))
        }
    }

    @Test("a procedure SIGNAL maps back to its rejection by message; other texts do not")
    func signalMessages() {
        for rejection in EstadoRejection.allCases {
            #expect(EstadoRejection(message: rejection.message) == rejection)
        }
        #expect(EstadoRejection(message: "Usuario no encontrado") == nil)
        #expect(EstadoRejection(message: "cambiar_estado_expediente debe ejecutarse dentro de una transacción") == nil)
        #expect(EstadoRejection(message: "expediente no encontrado") == nil)
    }
}
