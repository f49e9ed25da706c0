@testable import Egresos
import HTTPCore
import Logging
import TestSupport
import Testing

@Suite("Validation language: the field-error body (egresos.md §8.3) and the catalogue (§9)")
struct FieldErrorBodyTests {
    func render(_ error: any Error, language: String? = nil) -> TestResponse {
        let request = TestExchange.request(.post, "/api/v1/users", headers: language.map { [("Accept-Language", $0)] } ?? [])
        return TestResponse(EgresosErrorRenderer().response(for: error, request: request, logger: Logger(label: "test")))
    }

    @Test("the doc's example shape, in Spanish by default")
    func spanish() {
        let error = EgresosValidationError(failures: [.init(field: "email", code: 42216), .init(field: "name", code: 4222, values: ["len": "1"])])
        let response = render(error)
        #expect(response.status == 422)
        #expect(response.json == json("""
        {"code": 422, "message": "Hay errores semánticos y no se puede procesar el contenido de la solicitud.",
         "errors": [{"code": 42216, "fields": "email", "message": "Correo electrónico inválido."},
                    {"code": 4222, "fields": "name", "message": "Debe tener 1 o más caracteres."}]}
        """))
        #expect(response.json?.objectValue?.keys == ["code", "message", "errors"])
        #expect(response.text.hasPrefix(#"{"code":422,"#))
    }

    @Test("English with Accept-Language: en; the lowest status sets code and message")
    func english() {
        let error = EgresosValidationError(failures: [
            .init(field: "email", code: 4093, values: ["thing": "email", "value": "ana@element.com.mx"]),
            .init(field: "brand_id", code: 4042, values: ["model": "Brand"]),
            .init(field: "picture", code: 4153, values: ["size": "5120"]),
        ])
        let response = render(error, language: "en-US,es;q=0.5")
        #expect(response.status == 404)
        #expect(response.json == json("""
        {"code": 404, "message": "The target resource was not found.",
         "errors": [{"code": 4093, "fields": "email", "message": "email ana@element.com.mx has already been taken."},
                    {"code": 4042, "fields": "brand_id", "message": "The Brand instance was not found."},
                    {"code": 4153, "fields": "picture", "message": "The file must weigh at most 5120 Kb."}]}
        """))
        let spanish = render(error, language: "es-MX")
        #expect(spanish.json == json("""
        {"code": 404, "message": "No se encontró el recurso de destino.",
         "errors": [{"code": 4093, "fields": "email", "message": "email ana@element.com.mx ya ha sido tomado."},
                    {"code": 4042, "fields": "brand_id", "message": "La instancia del modelo Brand no se encontró."},
                    {"code": 4153, "fields": "picture", "message": "El archivo debe pesar a lo más 5120 Kb."}]}
        """))
    }

    @Test("non-field errors keep their string code")
    func nonField() {
        #expect(render(EgresosError(code: "4031")).json == json(#"{"code": "4031", "message": "No cuentas con los permisos para realizar esta acción."}"#))
        #expect(render(EgresosError(code: "4033"), language: "en").json
            == json(#"{"code": "4033", "message": "The signature could not be verified."}"#))
    }

    @Test("catalogue texts verbatim in both languages")
    func catalogue() {
        let samples: [(String, [String: String], String, String)] = [
            ("4001", [:], "El campo no ha sido enviado.", "The field was not sent."),
            ("4221", [:], "No puede ser vacío o null.", "It cannot be empty or null."),
            ("4226", ["len": "32"], "La longitud del debe ser 32.", "The length must be 32."),
            ("4229", ["format": "YYYY-MM-DD"], "Debe tener el formato YYYY-MM-DD", "It must have the format YYYY-MM-DD"),
            ("42210", ["list": "cash,direct_bank_transfer"], "Debe ser uno de los siguientes valores: cash,direct_bank_transfer",
             "It must be one of the following values: cash,direct_bank_transfer"),
            ("4151", [:], "El formato debe ser uno de los siguientes: jpg, jpeg, png, pdf.",
             "The format must be one of the following: jpg, jpeg, png, pdf."),
            ("4154", [:], "Debe ser un archivo (Hint: Content-Type: multipart/form-data)",
             "It must be a file (Hint: Content-Type: multipart/form-data)"),
            ("42224", [:], "Debe tener sólo letras y .", "It must contain only letters and allowed punctuation."),
            ("42214", ["type": "uuid"], "Debe ser del tipo: uuid", "It must be of type: uuid"),
            ("4241", [:], "No fue posible enviar el correo electrónico debido a problemas con el servidor SMTP.",
             "The email could not be sent due to problems with the SMTP server."),
        ]
        for (code, values, es, en) in samples {
            #expect(EgresosMessages.code(code, .es, values: values) == es)
            #expect(EgresosMessages.code(code, .en, values: values) == en)
        }
        let codes = ["1081", "4001", "4002", "4011", "4012", "4013", "4014", "4015", "4016", "4031", "4032", "4033", "4041",
                     "4042", "4091", "4092", "4093", "4101", "4151", "4152", "4153", "4154", "4221", "4222", "4223", "4224",
                     "4225", "4226", "4227", "4228", "4229", "42210", "42211", "42212", "42213", "42214", "42215", "42216",
                     "42217", "42218", "42219", "42220", "42221", "42222", "42223", "42224", "42225", "42226", "4231", "4232",
                     "4241"]
        #expect(Set(EgresosMessages.catalogue.keys) == Set(codes))
        // Every code the engine emits has a text.
        for code in [4001, 4002, 4042, 4093, 4151, 4153, 4154, 4221, 4222, 4223, 4224, 4225, 4226, 4227, 4228, 4229, 42210,
                     42213, 42214, 42215, 42216, 42217, 42218, 42219, 42220, 42221, 42222, 42224, 42225, 42226] {
            #expect(EgresosMessages.catalogue[String(code)] != nil)
        }
    }

    @Test("placeholders are filled once: a submitted value is not expanded")
    func fill() {
        #expect(EgresosMessages.fill("{{thing}} {{value}} ya ha sido tomado.", ["thing": "name", "value": "{{thing}}"])
            == "name {{thing}} ya ha sido tomado.")
        #expect(EgresosMessages.fill("a {{b", [:]) == "a {{b")
        #expect(EgresosMessages.fill("{{x}}", [:]) == "{{x}}")
    }
}
