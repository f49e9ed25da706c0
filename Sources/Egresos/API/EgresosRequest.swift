import HTTPCore

/// The validated input of one request, by part (egresos.md §1.1 steps 5 and 7).
struct EgresosInput {
    /// Path parameters, normalised (`user_id` → a number).
    let path: InputObject
    /// Query parameters, normalised.
    let query: InputObject
    /// Body fields, normalised (numbers from multipart strings, arrays from JSON-array strings, files).
    let body: InputObject

    /// The integer value of `key` in `part` (a validated id or number).
    static func int(_ part: InputObject, _ key: String) -> Int? {
        InputReader.int(part[key])
    }
}

/// Reading validated values in handlers: the routes that take bodies conform, so `string(body["name"])`,
/// `int(…)`, `file(…)` mean the same everywhere.
protocol EgresosInputReading {}

extension EgresosInputReading {
    /// A text field as sent (numbers keep their digits).
    static func string(_ value: Input?) -> String? {
        switch value {
        case .string(let text)?, .number(let text)?: text
        default: nil
        }
    }

    /// An integer (also a whole number written with a fraction, as multipart normalisation may give).
    static func int(_ value: Input?) -> Int? {
        switch value {
        case .number(let text)?, .string(let text)?: Int(text) ?? Double(text).map { Int($0) }
        default: nil
        }
    }

    /// The uploaded file of a file field.
    static func file(_ value: Input?) -> UploadedFile? {
        if case .file(let file)? = value { return file }
        return nil
    }
}

/// The readers for callers that are not routes (`EgresosInput.int(part, key)`).
private enum InputReader: EgresosInputReading {}

extension EgresosContext {
    /// The validation engine over this worker's database (`unique:`/`exists:` among active rows).
    var validation: ValidationEngine {
        ValidationEngine(lookup: persistence.validationLookup,
                         options: ValidationOptions(allowedEmailDomains: auth.settings.allowedEmailDomains))
    }

    /// Validates `request` against `rules` in the order of §1.1: the path parameters first and alone (the
    /// outermost one's 404 `4042` is the only error reported), then query and body together (every failing field
    /// at once). `checks` runs between the two: the ownership and state checks of step 6 (403/409/423).
    func validate(_ request: Request, _ rules: EndpointRules, context: ValidationContext = ValidationContext(),
                  checks: (InputObject) throws -> Void = { _ in }) throws -> EgresosInput {
        let engine = validation
        // The body is parsed first (§1.1 step 2): a malformed one is a 400 before any path, state or field check.
        let body = rules.body.isEmpty ? InputObject() : try bodyObject(request)
        var parameters = InputObject()
        for (name, _) in rules.path { parameters[name] = .string(request.parameter(name)) }
        // Outermost first (§1.1 step 5): a missing parent is the only error, not also its nested id.
        let pathOutcome = try engine.check(.object(parameters), against: rules.pathSchema, context: context)
        if let outermost = pathOutcome.failures.first { throw EgresosValidationError(failures: [outermost]) }
        let path = pathOutcome.values
        try checks(path)
        var query = InputObject()
        for (name, value) in request.query.pairs where query[name] == nil { query[name] = .string(value) }
        let queryOutcome = try engine.check(.object(query), against: rules.querySchema, context: context)
        let bodyOutcome = try engine.check(.object(body), against: rules.bodySchema, context: context)
        let failures = queryOutcome.failures + bodyOutcome.failures
        guard failures.isEmpty else { throw EgresosValidationError(failures: failures) }
        return EgresosInput(path: path, query: queryOutcome.values, body: bodyOutcome.values)
    }

    /// The body's fields. A JSON body that is an array, a string, a number, `true`/`false` or `null` is refused
    /// as a malformed body (400 `"400"`, ruling 1) rather than read as no fields, which would let an update
    /// answer 2xx to a client mistake.
    func bodyObject(_ request: Request) throws -> InputObject {
        guard let object = try request.input(limits: bodyLimits).objectValue else { throw EgresosError.malformedBody }
        return object
    }
}

extension Response {
    /// 204 with an empty body (egresos.md §1: "A 204 has an empty body").
    static var noContent: Response { Response(status: 204, headers: HTTPHeaders(), body: []) }
}
