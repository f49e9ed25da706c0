import HTTPCore
import Logging

/// One external registry as the registry routes use it (ruling T15): it asks for a key and turns the answer into
/// the same checked fields a client would send (`FieldDecoder` over the documented JSON), or into the client's
/// error in the T1 envelope. No database work happens while it waits.
struct Registro {
    /// Which registry: its key field and its messages.
    enum Tipo: Sendable {
        case placa, dui

        /// The key's field name, in the request and in the answer.
        var campo: String { self == .placa ? "placa" : "dui" }

        /// The 404 of a key the registry does not know (transporte.md §9.1 for plates; the DUI's is alike).
        func noEncontrado(_ clave: String) -> String {
            switch self {
            case .placa: "No se encontró información para la placa \(clave) en la API externa"
            case .dui: "No se encontró información para el DUI \(clave) en la API externa"
            }
        }

        /// `El servicio externo de consulta de placas <problema>`.
        func mensaje(_ problema: String) -> String {
            "El servicio externo de consulta de \(self == .placa ? "placas" : "DUI") \(problema)"
        }
    }

    /// 503: no URL configured.
    static let noConfigurado = "no está configurado"
    /// 503: not asked, its circuit breaker is open after consecutive failures.
    static let noDisponible = "no está disponible por ahora; intente de nuevo en unos segundos"
    /// 504: no answer within the timeout.
    static let sinRespuesta = "no respondió a tiempo"
    /// 502: unreachable, or an answer that cannot be used.
    static let respuestaInvalida = "no está disponible o dio una respuesta no válida"

    let tipo: Tipo
    /// nil: not configured.
    let transport: (any RegistryTransport)?
    /// The fields of the answer's JSON object; the key field is among them, required.
    let campos: [Field]
    let logger: Logger

    /// The registry's record of `clave` (already in its normal form), checked against `campos`: 503 when the
    /// registry is not configured or its circuit breaker is open, 504 on a timeout, 404 when it answers 404, 502 for anything else that is not
    /// a 200 with a JSON object whose fields pass their checks and whose key is `clave`.
    func consultar(_ clave: String) throws -> Validated {
        guard let transport else { throw TransporteError(status: 503, tipo.mensaje(Self.noConfigurado)) }
        let reply: RegistryReply
        do {
            reply = try transport.fetch(clave)
        } catch {
            switch error {
            case .timeout(let detail):
                logger.warning("registry timeout", metadata: ["registry": "\(tipo.campo)", "detail": "\(detail)"])
                throw TransporteError(status: 504, tipo.mensaje(Self.sinRespuesta))
            case .unreachable(let detail), .unusable(let detail):
                throw inutilizable(detail)
            case .circuitOpen:
                throw TransporteError(status: 503, tipo.mensaje(Self.noDisponible))
            }
        }
        switch reply.status {
        case 200: break
        case 404: throw TransporteError.field(tipo.campo, tipo.noEncontrado(clave), status: 404)
        default: throw inutilizable("HTTP \(reply.status)")
        }
        guard case .object(let object)? = try? JSONParser.parse(reply.body) else { throw inutilizable("the body is not a JSON object") }
        var decoder = FieldDecoder()
        let datos = decoder.decode(object, campos)
        guard decoder.errors.isEmpty else {
            throw inutilizable("fields refused: " + decoder.errors.map(\.field).joined(separator: ", "))
        }
        guard datos[tipo.campo]?.text == clave else { throw inutilizable("the answer names another \(tipo.campo)") }
        return datos
    }

    /// 502, with the reason in the log only.
    private func inutilizable(_ detail: String) -> TransporteError {
        logger.warning("registry answer unusable", metadata: ["registry": "\(tipo.campo)", "detail": "\(detail)"])
        return TransporteError(status: 502, tipo.mensaje(Self.respuestaInvalida))
    }
}
