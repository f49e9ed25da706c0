@testable import Egresos
import AppCore
import Foundation
import HTTPCore
import Logging
import MariaDB
import TestSupport
import Testing

/// The engine behind a real router: bodies parsed by HTTPCore (JSON, multipart with files, urlencoded), errors
/// rendered by `EgresosErrorRenderer`.
@Suite("Validation language: through the router and the body parser")
struct ValidationExchangeTests {
    struct NoHealth: EgresosHealthRepository {
        func databaseAnswers() -> Bool { true }
    }

    static let uploads = NSTemporaryDirectory() + "egv-validation-\(getpid())"
    static let boundary = "----EgresosValidation7MA4"

    /// `POST /customers` validates #10 and answers the normalised `payment_conditions` and the picture's name.
    func responder() -> Responder<EgresosContext> {
        try? FileManager.default.createDirectory(atPath: Self.uploads + "/.incoming", withIntermediateDirectories: true)
        let limits = BodyLimits(maxBody: 8 << 20, maxBufferedBody: 1 << 20, maxFileSize: 8 << 20,
                                uploadDirectory: Self.uploads + "/.incoming")
        var router = Router<EgresosContext>()
        router.group("", middleware: [BodyParsingMiddleware(limits: limits)]) { router in
            router.post("/customers") { request, _ in
                let engine = ValidationEngine(lookup: FakeLookup([.customers: [.init(id: 1, values: ["name": "Grupo Modelo"])]]))
                let values = try engine.validate(try request.input(limits: limits), against: EgresosEndpointRules.createCustomer.bodySchema)
                guard case .file(let picture)? = values["picture"] else { return .json(.null, status: 500) }
                return .json(.object([("payment_conditions", values["payment_conditions"].flatMap(\.numberText).map { .number($0) } ?? .null),
                                      ("picture", .string(picture.filename))]), status: 201)
            }
        }
        return router.freeze(errors: EgresosErrorRenderer())
    }

    /// A module with the auth tests' settings, for its context (these routes need no database).
    static let module = try! EgresosModule(settings: ModuleSettings(module: .egresos, values: AuthKeys.values()))

    func send(_ request: Request) -> TestResponse {
        let context = EgresosContext(
            logger: Logger(label: "test"),
            persistence: EgresosPersistence(connection: MariaDBConnection(configuration: MariaDBConfiguration(socket: "/nonexistent", user: "none"))),
            health: NoHealth(), auth: Self.module.auth)
        return TestExchange.send(request, to: responder(), context: context)
    }

    func multipart(_ parts: [(String, String?, [UInt8])], language: String? = nil) -> Request {
        var body: [UInt8] = []
        for (name, filename, content) in parts {
            let disposition = filename.map { "form-data; name=\"\(name)\"; filename=\"\($0)\"" } ?? "form-data; name=\"\(name)\""
            body += Array("--\(Self.boundary)\r\nContent-Disposition: \(disposition)\r\n".utf8)
            if filename != nil { body += Array("Content-Type: application/octet-stream\r\n".utf8) }
            body += Array("\r\n".utf8) + content + Array("\r\n".utf8)
        }
        body += Array("--\(Self.boundary)--\r\n".utf8)
        return TestExchange.request(.post, "/customers", body: body, contentType: "multipart/form-data; boundary=\(Self.boundary)",
                                    headers: language.map { [("Accept-Language", $0)] } ?? [])
    }

    @Test("multipart: strings become numbers, the file passes")
    func multipartPasses() {
        let response = send(multipart([("name", nil, Array("Corona Capital 2019".utf8)), ("payment_conditions", nil, Array("60".utf8)),
                                       ("picture", "logo.JPEG", Array(repeating: 0xFF, count: 2048))]))
        #expect(response.status == 201)
        #expect(response.json == json(#"{"payment_conditions": 60, "picture": "logo.JPEG"}"#))
    }

    @Test("multipart: a taken name, a number too large and a wrong extension; 409 is the lowest status")
    func multipartFails() {
        let response = send(multipart([("name", nil, Array("grupo modelo".utf8)), ("payment_conditions", nil, Array("366".utf8)),
                                       ("picture", "logo.gif", Array("GIF89a".utf8))], language: "en"))
        #expect(response.status == 409)
        #expect(response.json == json("""
        {"code": 409, "message": "The request could not be completed due to a conflict with the current state.",
         "errors": [{"code": 4093, "fields": "name", "message": "name grupo modelo has already been taken."},
                    {"code": 4223, "fields": "payment_conditions", "message": "It must have at most 365 characters."},
                    {"code": 4151, "fields": "picture", "message": "The format must be one of the following: jpg, jpeg, png, pdf."}]}
        """))
    }

    @Test("multipart: an empty file part counts as absent (400 4001)")
    func emptyPart() {
        let response = send(multipart([("name", nil, Array("Victoria".utf8)), ("payment_conditions", nil, Array("30".utf8)),
                                       ("picture", "", [])]))
        #expect(response.status == 400)
        #expect(response.json?["errors"] == json(#"[{"code": 4001, "fields": "picture", "message": "El campo no ha sido enviado."}]"#))
    }

    @Test("JSON: the picture sent as text is 415 4154; urlencoded the same")
    func textForFile() {
        let response = send(TestExchange.request(.post, "/customers", json: #"{"name": "Victoria", "payment_conditions": 30, "picture": "logo.png"}"#))
        #expect(response.status == 415)
        #expect(response.json == json("""
        {"code": 415, "message": "Hay un problema con el archivo.",
         "errors": [{"code": 4154, "fields": "picture", "message": "Debe ser un archivo (Hint: Content-Type: multipart/form-data)"}]}
        """))
        let form = send(TestExchange.request(.post, "/customers", body: Array("name=Victoria&payment_conditions=abc&picture=x".utf8),
                                             contentType: "application/x-www-form-urlencoded"))
        #expect(form.status == 415)
        #expect(form.json?["errors"] == json("""
        [{"code": 42218, "fields": "payment_conditions", "message": "Debe ser un número."},
         {"code": 4154, "fields": "picture", "message": "Debe ser un archivo (Hint: Content-Type: multipart/form-data)"}]
        """))
    }
}

extension Input {
    /// A number's text, if this is a number.
    var numberText: String? {
        if case .number(let text) = self { return text }
        return nil
    }
}
