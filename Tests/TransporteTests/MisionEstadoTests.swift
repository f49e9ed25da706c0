import Testing
@testable import Transporte

/// The mission workflow (transporte.md §4.3, T11) as a pure value: every (from, to) pair of the seven states,
/// plus creation, against the table written out here from the contract.
@Suite("Mission state machine (T11)")
struct MisionEstadoTests {
    typealias E = EstadoMisionCodigo

    /// The allowed moves, from the contract: PROGRAMADA → EN_EJECUCION; EN_EJECUCION and the three intermediate
    /// states → another intermediate state or COMPLETADA; CANCELADA from every non-final state.
    static let permitidas: [E: Set<E>] = [
        .programada: [.enEjecucion, .cancelada],
        .enEjecucion: [.enRutaRecogida, .enEspera, .enRutaRegreso, .completada, .cancelada],
        .enRutaRecogida: [.enEspera, .enRutaRegreso, .completada, .cancelada],
        .enEspera: [.enRutaRecogida, .enRutaRegreso, .completada, .cancelada],
        .enRutaRegreso: [.enRutaRecogida, .enEspera, .completada, .cancelada],
        .completada: [],
        .cancelada: [],
    ]

    @Test("every pair of states: allowed exactly as the contract's table says, refused with a 409 otherwise")
    func tabla() throws {
        for desde in E.allCases {
            for hacia in E.allCases {
                let esperado = Self.permitidas[desde]?.contains(hacia) ?? false
                #expect(hacia.permite(desde: desde) == esperado, "\(desde) → \(hacia)")
                if esperado {
                    try hacia.verificar(desde: desde.rawValue)
                } else {
                    let error = #expect(throws: TransporteError.self) { try hacia.verificar(desde: desde.rawValue) }
                    #expect(error?.status == 409 && error?.message.hasSuffix("Estado actual: \(desde.rawValue)") == true,
                            "\(desde) → \(hacia)")
                }
            }
        }
    }

    @Test("a mission is created PROGRAMADA and in no other state; COMPLETADA and CANCELADA are final")
    func creacionYFinales() {
        for estado in E.allCases {
            #expect(estado.permite(desde: nil) == (estado == .programada))
            #expect(estado.esFinal == (estado == .completada || estado == .cancelada))
        }
    }

    @Test("a state an administrator added to the catalog can only be cancelled")
    func codigoAjeno() throws {
        for hacia in E.allCases {
            if hacia == .cancelada {
                try hacia.verificar(desde: "REVISION")
            } else {
                #expect(throws: TransporteError.self) { try hacia.verificar(desde: "REVISION") }
            }
        }
    }
}
