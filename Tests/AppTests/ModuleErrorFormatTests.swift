import Foundation
import App
import AppCore
import HTTPCore
import Logging
import MariaDB
import Testing
@testable import Egresos
@testable import Monitor
@testable import Transporte

/// A health repository that answers as told, so the error formats can be checked without a database.
struct FakeHealth: MonitorHealthRepository, TransporteHealthRepository, EgresosHealthRepository {
    var up: Bool
    func databaseAnswers() -> Bool { up }
    func expedienteCount() -> Int { up ? 3 : 0 }
}

/// The three modules' frozen responders, driven in process (no sockets).
struct Modules {
    static let uploads = "/tmp/ventanilla-tests-uploads"
    /// A public key for Egresos' staff tokens (its settings require one), written once.
    static let egresosPublicKey: String = {
        let path = "/tmp/ventanilla-tests-egresos-\(getpid()).pem"
        try! RS256Signer.generated().publicKeyPEM.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    static func settings(_ module: ModuleName) -> ModuleSettings {
        try! ModuleSettings(module: module, values: ["UPLOAD_DIR": uploads, "BODY_LIMIT": "4096", "JSON_BODY_LIMIT": "1024",
                                                     "MONITOR_JWT_SECRET": "module-error-format-tests-monitor-secret",
                                                     "TRANSPORTE_JWT_SECRET": "module-error-format-tests-transporte-secret",
                                                     "AUTH0_ISSUER": "https://issuer.test/", "AUTH0_AUDIENCES": "https://api.test",
                                                     "AUTH0_PUBLIC_KEY_FILE": egresosPublicKey,
                                                     "SUPPLIER_JWT_SECRET": "module-error-format-tests-supplier-secret"])
    }

    static func monitor(_ request: Request, up: Bool = true) -> Response {
        let module = try! MonitorModule(settings: settings(.monitor))
        return module.makeResponder().respond(to: request, context: MonitorContext(
            logger: Logger(label: "t"), persistence: MonitorPersistence(connection: MariaDBConnection(configuration: MariaDBConfiguration(socket: "/nonexistent", user: "none"))), health: FakeHealth(up: up), tokens: module.tokens,
            environment: module.environment))
    }

    static func transporte(_ request: Request, up: Bool = true) -> Response {
        let module = try! TransporteModule(settings: settings(.transporte))
        return module.makeResponder().respond(to: request, context: TransporteContext(
            logger: Logger(label: "t"), persistence: TransportePersistence(connection: MariaDBConnection(configuration: MariaDBConfiguration(socket: "/nonexistent", user: "none"))),
            health: FakeHealth(up: up), tokens: module.tokens, environment: module.environment))
    }

    static func egresos(_ request: Request, up: Bool = true) -> Response {
        let module = try! EgresosModule(settings: settings(.egresos))
        return module.makeResponder().respond(to: request, context: EgresosContext(
            logger: Logger(label: "t"), persistence: EgresosPersistence(connection: MariaDBConnection(configuration: MariaDBConfiguration(socket: "/nonexistent", user: "none"))),
            health: FakeHealth(up: up), auth: module.auth))
    }

    static func request(_ method: HTTPMethod, _ path: String, json: String? = nil, headers extra: [(String, String)] = []) -> Request {
        var headers = HTTPHeaders(extra)
        guard let json else { return Request(method: method, path: path, headers: headers) }
        headers.add("Content-Type", "application/json")
        return Request(method: method, path: path, headers: headers, body: RequestBody(bytes: Array(json.utf8)))
    }
}

extension Response {
    var text: String { String(decoding: body, as: UTF8.self) }
}

@Suite("Each module answers every failure in its own JSON format")
struct ModuleErrorFormatTests {
    @Test("Monitor: {\"error\": …}")
    func monitor() {
        let notFound = Modules.monitor(Modules.request(.get, "/api/no-existe", headers: [("Authorization", "Bearer x")]))
        #expect(notFound.status == 404)
        #expect(notFound.text == #"{"error":"Ruta no encontrada"}"#)
        #expect(notFound.headers["Content-Type"] == "application/json; charset=utf-8")
        let malformed = Modules.monitor(Modules.request(.post, "/api/expedientes", json: #"{"no_siniestro":"#))
        #expect(malformed.status == 400)
        #expect(malformed.text == #"{"error":"El cuerpo de la solicitud no es JSON válido"}"#)
        let tooBig = Modules.monitor(Modules.request(.post, "/api/expedientes", json: "[" + String(repeating: "1,", count: 2000) + "1]"))
        #expect(tooBig.status == 413)
        #expect(tooBig.text == #"{"error":"El cuerpo de la solicitud excede el límite permitido"}"#)
        let wrongMethod = Modules.monitor(Modules.request(.delete, "/api/health"))
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["Allow"] == "GET")
        #expect(Modules.monitor(Modules.request(.get, "/")).text == #"{"nombre":"Monitor API","estado":"OK"}"#)
    }

    @Test("Monitor health: always 200, with the database flag and counts")
    func monitorHealth() {
        let up = Modules.monitor(Modules.request(.get, "/api/health"))
        #expect(up.status == 200)
        #expect(up.text.contains(#""backend":true,"database":true"#))
        #expect(up.text.contains(#""expedientes":3"#))
        #expect(up.text.contains(#""tamaño_MB":"#))
        let down = Modules.monitor(Modules.request(.get, "/api/health"), up: false)
        #expect(down.status == 200)
        #expect(down.text.contains(#""database":false"#))
        #expect(down.text.contains(#""expedientes":0"#))
    }

    @Test("Transporte: the T1 envelope")
    func transporte() {
        let notFound = Modules.transporte(Modules.request(.get, "/no-existe"))
        #expect(notFound.status == 404)
        #expect(notFound.text == #"{"success":false,"message":"Ruta no encontrada","data":null,"errors":[]}"#)
        let malformed = Modules.transporte(Modules.request(.get, "/root", json: #"{"a":"#))
        #expect(malformed.status == 400)
        #expect(malformed.text == #"{"success":false,"message":"El cuerpo de la petición no es un JSON válido","data":null,"errors":[]}"#)
        let wrongMethod = Modules.transporte(Modules.request(.delete, "/root"))
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.text.hasPrefix(#"{"success":false,"#))
        let health = Modules.transporte(Modules.request(.get, "/root"))
        #expect(health.text == #"{"success":true,"message":"API funcionando correctamente","data":{"servicio":"API Solicitud de Transporte","version":"1.0.0","database":true}}"#)
        let down = Modules.transporte(Modules.request(.get, "/root"), up: false)
        #expect(down.status == 503)
        #expect(down.text == #"{"success":false,"message":"Base de datos no disponible","data":null,"errors":[]}"#)
    }

    @Test("Egresos: {\"code\", \"message\"} in Spanish or English")
    func egresos() {
        let notFound = Modules.egresos(Modules.request(.get, "/api/v1/no-existe"))
        #expect(notFound.status == 404)
        #expect(notFound.text == #"{"code":"4041","message":"El recurso que buscas no existe."}"#)
        let english = Modules.egresos(Modules.request(.get, "/api/v1/no-existe", headers: [("Accept-Language", "en-US,en;q=0.9,es;q=0.8")]))
        #expect(english.text == #"{"code":"4041","message":"The resource you are looking for does not exist."}"#)
        let wrongMethod = Modules.egresos(Modules.request(.delete, "/api/v1/health"))
        #expect(wrongMethod.status == 404)
        #expect(wrongMethod.text == #"{"code":"4041","message":"El recurso que buscas no existe."}"#)
        let malformed = Modules.egresos(Modules.request(.get, "/api/v1/health", json: #"{"a":"#))
        #expect(malformed.status == 400)
        #expect(malformed.text == #"{"code":"400","message":"No se puede procesar la solicitud debido a algo que se percibe como un error del cliente."}"#)
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/csv")
        let csv = Request(method: .get, path: "/api/v1/health", headers: headers, body: RequestBody(bytes: Array("a,b".utf8)))
        #expect(Modules.egresos(csv).text == #"{"code":"415","message":"Hay un problema con el archivo."}"#)
        let tooBig = Modules.egresos(Modules.request(.get, "/api/v1/health", json: String(repeating: " ", count: 5000)))
        #expect(tooBig.status == 415)
        #expect(tooBig.text == #"{"code":"4153","message":"El archivo debe pesar a lo más 5120 Kb."}"#)
        #expect(Modules.egresos(Modules.request(.get, "/api/v1/health")).text == #"{"status":"ok","database":true}"#)
        #expect(Modules.egresos(Modules.request(.get, "/api/v1/health"), up: false).status == 503)
    }

    @Test("a lost database is a 503 in each module's format, never a 500")
    func databaseLost() {
        struct Lost: ClassifiedError { var errorClass: ErrorClass { .serviceUnavailable } }
        let request = Modules.request(.get, "/x")
        #expect(MonitorErrorRenderer().response(for: Lost(), request: request, logger: Logger(label: "t")).text
            == #"{"error":"Servicio no disponible"}"#)
        #expect(TransporteErrorRenderer().response(for: Lost(), request: request, logger: Logger(label: "t")).status == 503)
        #expect(EgresosErrorRenderer().response(for: Lost(), request: request, logger: Logger(label: "t")).text
            == #"{"code":"503","message":"El servicio no está disponible por el momento."}"#)
    }

    @Test("""
        a COMMIT whose outcome is unknown, a Galera node out of service (1047) and contention left after the last \
        retry (1213, 1205; T16) are 503 in each module's format
        """)
    func unknownCommitIsUnavailable() {
        var unknown = MariaDBError(code: 2013, sqlState: "HY000", message: "Lost connection to server during query")
        unknown.isCommitOutcomeUnknown = true
        let notReady = MariaDBError(code: 1047, sqlState: "08S01", message: "WSREP has not yet prepared node for application use")
        let certification = MariaDBError(code: 1213, sqlState: "40001", message: "Deadlock found when trying to get lock; try restarting transaction")
        let lockWait = MariaDBError(code: 1205, sqlState: "HY000", message: "Lock wait timeout exceeded; try restarting transaction")
        let request = Modules.request(.get, "/x")
        for error in [unknown, notReady, certification, lockWait] {
            #expect(error.errorClass == .serviceUnavailable)
            #expect(MonitorErrorRenderer().response(for: error, request: request, logger: Logger(label: "t")).text
                == #"{"error":"Servicio no disponible"}"#)
            #expect(TransporteErrorRenderer().response(for: error, request: request, logger: Logger(label: "t")).status == 503)
            #expect(EgresosErrorRenderer().response(for: error, request: request, logger: Logger(label: "t")).status == 503)
        }
    }

    @Test("an unexpected error is a 500 with a safe message only")
    func internalError() {
        struct Secret: Error, CustomStringConvertible { var description: String { "password=hunter2 at db.c:42" } }
        let request = Modules.request(.get, "/x")
        let monitor = MonitorErrorRenderer().response(for: Secret(), request: request, logger: Logger(label: "t"))
        #expect(monitor.status == 500)
        #expect(!monitor.text.contains("hunter2"))
        let egresos = EgresosErrorRenderer().response(for: Secret(), request: request, logger: Logger(label: "t"))
        #expect(egresos.text.hasPrefix(#"{"code":"500","#))
    }
}
