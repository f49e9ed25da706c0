@testable import Egresos
import HTTPCore
import Logging
import TestSupport
import Testing

/// Every rule of egresos.md §8.2, failing, rendered as the client sees it (§8.3) in Spanish and in English:
/// the HTTP status, the top-level code and message (§9.1) and the item's code, field and message (§9.2). The
/// texts are transcribed from the spec here, not read from `EgresosMessages`, so a changed catalogue text fails.
@Suite("Validation language: each rule's failure as the client reads it, in both languages (§8.2, §8.3, §9)")
struct ValidationMessagesTests {
    /// One failing rule: the rules, the value, and what the client must read.
    struct Failing: CustomStringConvertible, Sendable {
        let rules: String
        let value: Input?
        let status: Int
        let code: Int
        let es: String
        let en: String
        var description: String { "\(rules) → \(code)" }
    }

    /// §9.1, verbatim.
    static let httpMessages: [Int: (es: String, en: String)] = [
        400: ("No se puede procesar la solicitud debido a algo que se percibe como un error del cliente.",
              "The request cannot be processed due to something perceived as a client error."),
        404: ("No se encontró el recurso de destino.", "The target resource was not found."),
        409: ("La solicitud no pudo completarse debido a un conflicto con el estado actual.",
              "The request could not be completed due to a conflict with the current state."),
        415: ("Hay un problema con el archivo.", "There is a problem with the file."),
        422: ("Hay errores semánticos y no se puede procesar el contenido de la solicitud.",
              "There are semantic errors and the request content cannot be processed."),
    ]

    /// One failure per rule of the §8.2 table (and per regex and typeOf variant), with the §9.2 texts filled.
    static let cases: [Failing] = [
        Failing(rules: "required", value: nil, status: 400, code: 4001,
                es: "El campo no ha sido enviado.", en: "The field was not sent."),
        Failing(rules: "required", value: .null, status: 422, code: 4221,
                es: "No puede ser vacío o null.", en: "It cannot be empty or null."),
        Failing(rules: "required", value: .string("  "), status: 422, code: 4221,
                es: "No puede ser vacío o null.", en: "It cannot be empty or null."),
        Failing(rules: "sometimes|typeOf:string", value: .null, status: 422, code: 4221,
                es: "No puede ser vacío o null.", en: "It cannot be empty or null."),
        Failing(rules: "typeOf:string", value: .number("7"), status: 422, code: 42217,
                es: "Debe ser una cadena.", en: "It must be a string."),
        Failing(rules: "typeOf:numeric", value: .string("12a"), status: 422, code: 42222,
                es: "Debe ser una cadena de números.", en: "It must be a string of digits."),
        Failing(rules: "typeOf:number", value: .string("doce"), status: 422, code: 42218,
                es: "Debe ser un número.", en: "It must be a number."),
        Failing(rules: "typeOf:number", value: .number("12.5"), status: 422, code: 4224, // a money field
                es: "El formato no es válido.", en: "The format is not valid."),
        Failing(rules: "typeOf:object", value: .string("{}"), status: 422, code: 42219,
                es: "Debe ser un Objeto JSON.", en: "It must be a JSON object."),
        Failing(rules: "typeOf:JSONArray", value: .string("[1,"), status: 422, code: 42220,
                es: "Debe ser un arreglo.", en: "It must be an array."),
        Failing(rules: "typeOf:boolean", value: .string("sí"), status: 422, code: 42221,
                es: "Debe ser un valor booleano.", en: "It must be a boolean value."),
        Failing(rules: "typeOf:uuid", value: .string("x"), status: 422, code: 42214,
                es: "Debe ser del tipo: uuid", en: "It must be of type: uuid"),
        Failing(rules: "typeOf:string|min:3", value: .string("ab"), status: 422, code: 4222,
                es: "Debe tener 3 o más caracteres.", en: "It must have 3 or more characters."),
        Failing(rules: "typeOf:string|max:20", value: .string(String(repeating: "ñ", count: 21)), status: 422, code: 4223,
                es: "Debe tener a lo más 20 caracteres.", en: "It must have at most 20 characters."),
        Failing(rules: "typeOf:string|exact:32", value: .string("corto"), status: 422, code: 4226,
                es: "La longitud del debe ser 32.", en: "The length must be 32."),
        Failing(rules: "typeOf:string|size:4", value: .string("cinco"), status: 422, code: 4226,
                es: "La longitud del debe ser 4.", en: "The length must be 4."),
        Failing(rules: "size:5Mb|extension:jpg,png", value: upload("a.png", size: 5 * 1024 * 1024 + 1), status: 415,
                code: 4153, es: "El archivo debe pesar a lo más 5120 Kb.", en: "The file must weigh at most 5120 Kb."),
        Failing(rules: "size:5Mb|extension:jpg,png", value: .string("a.png"), status: 415, code: 4154,
                es: "Debe ser un archivo (Hint: Content-Type: multipart/form-data)",
                en: "It must be a file (Hint: Content-Type: multipart/form-data)"),
        Failing(rules: "size:5Mb|extension:pdf,doc", value: upload("a.gif"), status: 415, code: 4151,
                es: "El formato debe ser uno de los siguientes: jpg, jpeg, png, pdf.",
                en: "The format must be one of the following: jpg, jpeg, png, pdf."),
        Failing(rules: "typeOf:string|email", value: .string("ana@element"), status: 422, code: 42216,
                es: "Correo electrónico inválido.", en: "Invalid email address."),
        Failing(rules: "typeOf:string|unique:user,email", value: .string("ANA@element.com.mx"), status: 409, code: 4093,
                es: "v ANA@element.com.mx ya ha sido tomado.", en: "v ANA@element.com.mx has already been taken."),
        Failing(rules: "typeOf:numeric|exists:brand,id", value: .string("99"), status: 404, code: 4042,
                es: "La instancia del modelo Brand no se encontró.", en: "The Brand instance was not found."),
        Failing(rules: "typeOf:string|confirmation", value: .string("Password123"), status: 422, code: 4225,
                es: "Las contraseñas no coinciden.", en: "The passwords do not match."),
        Failing(rules: "date:YYYY-MM-DD", value: .string("2019-02-29"), status: 422, code: 4229,
                es: "Debe tener el formato YYYY-MM-DD", en: "It must have the format YYYY-MM-DD"),
        Failing(rules: "typeOf:string|in:cash,direct_bank_transfer", value: .string("card"), status: 422, code: 42210,
                es: "Debe ser uno de los siguientes valores: cash,direct_bank_transfer",
                en: "It must be one of the following values: cash,direct_bank_transfer"),
        Failing(rules: "regex:alphanumeric", value: .string("Grupo Modelo S.A."), status: 422, code: 4228,
                es: "Debe tener sólo letras y números.", en: "It must contain only letters and numbers."),
        Failing(rules: "regex:letters", value: .string("R2D2"), status: 422, code: 4227,
                es: "Debe tener sólo letras.", en: "It must contain only letters."),
        Failing(rules: "regex:name", value: .string("Ana <script>"), status: 422, code: 42224,
                es: "Debe tener sólo letras y .", en: "It must contain only letters and allowed punctuation."),
        Failing(rules: "regex:url", value: .string("ftp://x"), status: 422, code: 42213,
                es: "No es una URL válida.", en: "It is not a valid URL."),
        Failing(rules: "regex:digits", value: .string("12.5"), status: 422, code: 42222,
                es: "Debe ser una cadena de números.", en: "It must be a string of digits."),
        Failing(rules: "regex:device_uuid", value: .string("123e4567"), status: 422, code: 42225,
                es: "Identificador Único inválido.", en: "Invalid unique identifier."),
        Failing(rules: "regex:phone", value: .string("55 4187 8844"), status: 422, code: 42226,
                es: "Número de teléfono inválido.", en: "Invalid phone number."),
        Failing(rules: "regex:element", value: .string("ana@gmail.com"), status: 422, code: 4224,
                es: "El formato no es válido.", en: "The format is not valid."),
        Failing(rules: "regex:whatever", value: .string("x"), status: 422, code: 4224,
                es: "El formato no es válido.", en: "The format is not valid."),
    ]

    /// The lookup the unique/exists cases ask: one active user whose e-mail is taken, no brand 99.
    static let lookup: @Sendable () -> FakeLookup = {
        FakeLookup([.users: [.init(id: 4001, values: ["email": "ana@element.com.mx"])]])
    }

    /// The body the client reads when field `v` fails `item`, in `language` (nil: no Accept-Language).
    func body(_ item: Failing, language: String?) -> TestResponse? {
        var members: [(String, Input)] = []
        if let value = item.value { members.append(("v", value)) }
        // `confirmation` compares with `v_confirmation`; the money rule applies to `cost_in_cents`.
        if item.rules.contains("confirmation") { members.append(("v_confirmation", .string("Password124"))) }
        let field = item.code == 4224 && item.rules == "typeOf:number" ? "cost_in_cents" : "v"
        if field != "v" { members = members.map { (field, $0.1) } }
        let result = outcome([(field, item.rules)], .object(InputObject(members)), lookup: Self.lookup())
        guard !result.failures.isEmpty else { return nil }
        let request = TestExchange.request(.post, "/api/v1/x", headers: language.map { [("Accept-Language", $0)] } ?? [])
        let error = EgresosValidationError(failures: result.failures)
        return TestResponse(EgresosErrorRenderer().response(for: error, request: request, logger: Logger(label: "test")))
    }

    @Test("Spanish by default and with Accept-Language: es-MX", arguments: cases)
    func spanish(_ item: Failing) throws {
        for language in [nil, "es-MX,es;q=0.9"] {
            let response = try #require(body(item, language: language), "\(item) passed")
            #expect(response.status == item.status)
            #expect(response.json == expected(item, message: Self.httpMessages[item.status]?.es, item: item.es))
        }
    }

    @Test("English with Accept-Language: en", arguments: cases)
    func english(_ item: Failing) throws {
        for language in ["en", "en-US,es;q=0.5"] {
            let response = try #require(body(item, language: language), "\(item) passed")
            #expect(response.status == item.status)
            #expect(response.json == expected(item, message: Self.httpMessages[item.status]?.en, item: item.en))
        }
    }

    @Test("the table covers every rule kind the engine knows")
    func coverage() {
        let kinds = Set(Self.cases.flatMap { $0.rules.split(separator: "|").map { String($0.split(separator: ":")[0]) } })
        for rule in ["required", "sometimes", "typeOf", "min", "max", "exact", "size", "extension", "email", "unique",
                     "exists", "confirmation", "date", "in", "regex"] {
            #expect(kinds.contains(rule), "no failing case for \(rule)")
        }
        #expect(Set(Self.cases.map(\.code)).isSuperset(of: [4001, 4221, 4222, 4223, 4224, 4225, 4226, 4227, 4228, 4229,
                                                           42210, 42213, 42214, 42216, 42217, 42218, 42219, 42220, 42221,
                                                           42222, 42224, 42225, 42226, 4042, 4093, 4151, 4153, 4154]))
    }

    /// The non-field codes of §9.2 Egresos emits, verbatim: code, status, es, en.
    static let bareCodes: [(String, Int, String, String)] = [
        ("4011", 401, "Token inválido.", "Invalid token."),
        ("4012", 401, "Credenciales incorrectas.", "Incorrect credentials."),
        ("4013", 401, "La sesión no es válida.", "The session is not valid."),
        ("4014", 401, "Se requiere el encabezado Authorization.", "The Authorization header is required."),
        ("4015", 401, "Falta subject en payload.", "The payload is missing the subject."),
        ("4016", 401, "La sesión expiró.", "The session has expired."),
        ("4031", 403, "No cuentas con los permisos para realizar esta acción.", "You do not have permission to perform this action."),
        ("4032", 403, "No existe una solicitud para establecer contraseña.", "There is no request to set a password."),
        ("4033", 403, "No fue posible verificar la autenticidad de la firma.", "The signature could not be verified."),
        ("4041", 404, "El recurso que buscas no existe.", "The resource you are looking for does not exist."),
        ("4091", 409, "El administrador debe tener los permisos básicos.", "The administrator must keep the basic permissions."),
        ("4101", 410, "El recurso solicitado ya no está disponible", "The requested resource is no longer available"),
        ("4231", 423, "No puedes cambiar tu rol.", "You cannot change your role."),
        ("4232", 423, "No puedes desactivarte.", "You cannot deactivate yourself."),
        ("4241", 424, "No fue posible enviar el correo electrónico debido a problemas con el servidor SMTP.",
         "The email could not be sent due to problems with the SMTP server."),
        ("400", 400, "No se puede procesar la solicitud debido a algo que se percibe como un error del cliente.",
         "The request cannot be processed due to something perceived as a client error."),
        ("409", 409, "La solicitud no pudo completarse debido a un conflicto con el estado actual.",
         "The request could not be completed due to a conflict with the current state."),
        ("415", 415, "Hay un problema con el archivo.", "There is a problem with the file."),
        ("423", 423, "No puedes realizar esta acción ya que esta bloqueada", "You cannot perform this action because it is locked"),
        ("500", 500, "El servidor encontró una condición inesperada que le impidió cumplir con la solicitud.",
         "The server encountered an unexpected condition that prevented it from fulfilling the request."),
    ]

    @Test("non-field codes: status from the code, the string code and the §9 text in both languages")
    func nonField() {
        for (code, status, es, en) in Self.bareCodes {
            for (language, text) in [(nil, es), ("es-MX", es), ("en", en)] as [(String?, String)] {
                let request = TestExchange.request(.get, "/api/v1/x", headers: language.map { [("Accept-Language", $0)] } ?? [])
                let response = TestResponse(EgresosErrorRenderer().response(for: EgresosError(code: code), request: request,
                                                                            logger: Logger(label: "test")))
                #expect(response.status == status, "\(code)")
                #expect(response.json == .object(InputObject([("code", .string(code)), ("message", .string(text))])),
                        "\(code) \(language ?? "default")")
            }
        }
    }

    private func expected(_ failing: Failing, message: String?, item: String) -> Input {
        let field = failing.code == 4224 && failing.rules == "typeOf:number" ? "cost_in_cents" : "v"
        return .object(InputObject([
            ("code", .number(String(failing.status))), ("message", .string(message ?? "?")),
            ("errors", .array([.object(InputObject([
                ("code", .number(String(failing.code))), ("fields", .string(field)), ("message", .string(item)),
            ]))])),
        ]))
    }
}
