import HTTPCore

/// What validation found: the failures (at most one per field, in evaluation order) and the input with every
/// validated value normalised (`"60"` → `60` for `typeOf:number`, a JSON-array string → an array, …).
public struct ValidationOutcome: Sendable, Equatable {
    /// The failing fields.
    public let failures: [ValidationFailure]
    /// The input object with normalised values written back (unknown keys kept as they arrived).
    public let values: InputObject

    /// Whether every field passed.
    public var passed: Bool { failures.isEmpty }
}

/// Evaluates a `ValidationSchema` against a request's input (egresos.md §8.2): fields in declaration order,
/// rules left to right, stopping at a field's first failure; every failing field is reported.
public struct ValidationEngine {
    let lookup: any ValidationLookup
    let options: ValidationOptions

    /// An engine asking `lookup` the database questions of `unique:` and `exists:`.
    public init(lookup: any ValidationLookup, options: ValidationOptions = ValidationOptions()) {
        self.lookup = lookup
        self.options = options
    }

    /// Validates `input` and returns the normalised values; throws `EgresosValidationError` when a field
    /// fails (and whatever the lookup throws).
    public func validate(_ input: Input?, against schema: ValidationSchema,
                         context: ValidationContext = ValidationContext()) throws -> InputObject {
        let outcome = try check(input, against: schema, context: context)
        guard outcome.passed else { throw EgresosValidationError(failures: outcome.failures) }
        return outcome.values
    }

    /// Validates `input` (an object; anything else counts as an empty object) and reports every failure.
    public func check(_ input: Input?, against schema: ValidationSchema,
                      context: ValidationContext = ValidationContext()) throws -> ValidationOutcome {
        var root = input?.objectValue ?? InputObject()
        var failures: [ValidationFailure] = []
        for spec in schema.fields {
            guard let parent = spec.arrayParent else {
                let (failure, value) = try evaluate(spec, name: spec.field, value: root[spec.field],
                                                    container: root, earlier: [], context: context)
                if let failure { failures.append(failure) } else if let value { root[spec.field] = value }
                continue
            }
            // Item rules: the parent's own rules (declared before) have already turned it into an array;
            // when it is not one, the parent reported that and its items have nothing to check.
            guard case .array(var items) = root[parent] else { continue }
            var earlier: [Input] = []
            for index in items.indices {
                let item = items[index]
                let name: String
                let value: Input?
                let container: InputObject?
                if let member = spec.itemMember {
                    name = "\(parent)[\(index)].\(member)"
                    container = item.objectValue
                    value = container?[member]
                } else {
                    name = "\(parent)[\(index)]"
                    container = nil
                    value = item
                }
                let (failure, normalised) = try evaluate(spec, name: name, value: value, container: container,
                                                         earlier: earlier, context: context)
                if let value { earlier.append(value) }
                if let failure {
                    failures.append(failure)
                } else if let normalised {
                    if let member = spec.itemMember, var object = container {
                        object[member] = normalised
                        items[index] = .object(object)
                    } else if spec.itemMember == nil {
                        items[index] = normalised
                    }
                }
            }
            root[parent] = .array(items)
        }
        return ValidationOutcome(failures: failures, values: root)
    }

    /// One field: its failure, or its normalised value (nil when absent).
    private func evaluate(_ spec: FieldSpec, name: String, value: Input?, container: InputObject?,
                          earlier: [Input], context: ValidationContext) throws -> (ValidationFailure?, Input?) {
        func failure(_ code: Int, _ values: [String: String] = [:]) -> (ValidationFailure?, Input?) {
            (ValidationFailure(field: name, code: code, values: values), nil)
        }
        var present = value
        if case .file(let file)? = value, file.filename.isEmpty, file.size == 0 { present = nil }
        guard let present else {
            if spec.has({ $0 == .required }) { return failure(4001) }
            return try storedRangeFailure(spec, container: container, context: context).map { failure($0) } ?? (nil, nil)
        }
        if present == .null {
            return spec.has({ $0 == .nullable }) ? (nil, .null) : failure(4221)
        }
        var onlyTypes = false
        if case .string(let text) = present, text.allSatisfy(\.isWhitespace) {
            // `""` passes when the field has `min:0` (an empty text that clears or leaves the field empty):
            // only its type is checked then, since no pattern describes an empty text. Blank text fails.
            guard text.isEmpty, spec.has({ $0 == .min(0) }) else { return failure(4221) }
            onlyTypes = true
        }
        var current = present
        for rule in spec.rules {
            if onlyTypes { guard case .typeOf = rule else { continue } }
            if let code = try check(rule, spec: spec, value: &current, container: container, earlier: earlier,
                                    context: context) {
                return failure(code.code, code.values)
            }
        }
        return (nil, current)
    }

    /// One rule: nil when it passes (possibly normalising `value`), else the code and its placeholder values.
    private func check(_ rule: ValidationRule, spec: FieldSpec, value: inout Input, container: InputObject?,
                       earlier: [Input], context: ValidationContext) throws -> (code: Int, values: [String: String])? {
        let text = Self.text(of: value)
        switch rule {
        case .required, .sometimes, .nullable:
            return nil
        case .typeOf(let type):
            guard let converted = Self.convert(value, to: type) else {
                if case .other(let name) = type { return (42214, ["type": name]) }
                return (Self.typeCode(type), [:])
            }
            value = converted
            if type == .number, Self.wholeNumberKeys.contains(spec.key) {
                guard case .number(let digits) = converted, let integer = Self.integer(digits) else { return (4224, [:]) }
                value = .number(String(integer))
            }
            return nil
        case .min(let limit):
            guard let measure = Self.measure(value, numeric: spec.has({ $0 == .typeOf(.number) })) else { return nil }
            return measure >= Double(limit) ? nil : (4222, ["len": String(limit)])
        case .max(let limit):
            guard let measure = Self.measure(value, numeric: spec.has({ $0 == .typeOf(.number) })) else { return nil }
            return measure <= Double(limit) ? nil : (4223, ["len": String(limit)])
        case .exact(let length), .size(.length(let length)):
            return text?.unicodeScalars.count == length ? nil : (4226, ["len": String(length)])
        case .size(.bytes(let limit)):
            guard case .file(let file) = value else { return (4154, [:]) }
            return file.size <= limit ? nil : (4153, ["size": String(limit / 1024)])
        case .fileExtension(let allowed):
            guard case .file(let file) = value else { return (4154, [:]) }
            let canonical = { (ext: String) in ext == "jpeg" ? "jpg" : ext }
            let dot = file.filename.lastIndex(of: ".")
            let ext = dot.map { String(file.filename[file.filename.index(after: $0)...]).lowercased() } ?? ""
            return !ext.isEmpty && allowed.map(canonical).contains(canonical(ext)) ? nil : (4151, [:])
        case .email:
            return text.map(TextPatterns.email) == true ? nil : (42216, [:])
        case .unique(let table, let column, let scopeColumn):
            guard let text else { return nil }
            let scope = scopeColumn.flatMap { column in context.scopes[column].map { (column: column, value: $0) } }
            let taken = try lookup.taken(table: table, column: column, value: text,
                                         excludingID: context.excludingIDs[table], scope: scope)
            return taken ? (4093, ["thing": spec.key, "value": text]) : nil
        case .exists(let table, let column, let scopeColumn):
            var scope: (column: String, value: String)?
            if let scopeColumn {
                // The parent: the endpoint's (the path wins), else the same object's; none → no such row.
                guard let parent = context.scopes[scopeColumn] ?? container?[scopeColumn].flatMap(Self.text(of:)) else {
                    return (4042, ["model": table.model])
                }
                scope = (column: scopeColumn, value: parent)
            }
            guard let text, try lookup.exists(table: table, column: column, value: text, scope: scope) else {
                return (4042, ["model": table.model])
            }
            return nil
        case .confirmation:
            return Self.equal(text, container?[spec.key + "_confirmation"]) ? nil : (4225, [:])
        case .same(let other):
            return Self.equal(text, container?[other]) ? nil : (4225, [:])
        case .date(let format):
            return text.map(TextPatterns.calendarDate) == true ? nil : (4229, ["format": format])
        case .oneOf(let list):
            return text.map(list.contains) == true ? nil : (42210, ["list": list.joined(separator: ",")])
        case .regex(let kind):
            return matches(kind, text) ? nil : (Self.regexCode(kind), [:])
        case .dateRange(let other, let stored):
            guard let text, TextPatterns.calendarDate(text) else { return nil }
            let start: String?
            if let sent = container?[other] {
                start = Self.text(of: sent)
            } else if let stored, let id = context.excludingIDs[stored] {
                start = try lookup.storedDate(table: stored, column: other, id: id)
            } else {
                start = nil
            }
            guard let start, TextPatterns.calendarDate(start) else { return nil }
            return text >= start ? nil : (42215, [:])
        case .distinct:
            if case .array(let items) = value {
                var seen = Set<String>()
                for item in items {
                    guard let key = Self.identity(of: item) else { continue }
                    if !seen.insert(key).inserted { return (4002, [:]) }
                }
                return nil
            }
            guard let key = Self.identity(of: value) else { return nil }
            return earlier.contains { Self.identity(of: $0) == key } ? (4002, [:]) : nil
        }
    }

    /// The range check of an end that is not sent (`dateRange:<other>,<table>` on an edit): the stored end
    /// against the sent `other`, 42215 when the sent start is after it.
    private func storedRangeFailure(_ spec: FieldSpec, container: InputObject?, context: ValidationContext) throws -> Int? {
        for case .dateRange(let other, let stored?) in spec.rules {
            guard let id = context.excludingIDs[stored], let start = container?[other].flatMap(Self.text(of:)),
                  TextPatterns.calendarDate(start),
                  let end = try lookup.storedDate(table: stored, column: spec.key, id: id),
                  TextPatterns.calendarDate(end) else { continue }
            if end < start { return 42215 }
        }
        return nil
    }

    /// Whether a present `other` has the same text as `text` (`confirmation`, `same`).
    static func equal(_ text: String?, _ other: Input?) -> Bool {
        guard let text, let other = other.flatMap(Self.text(of:)) else { return false }
        return text == other
    }

    private func matches(_ kind: RegexKind, _ text: String?) -> Bool {
        guard let text else { return false }
        switch kind {
        case .alphanumeric: return TextPatterns.alphanumeric(text)
        case .letters: return TextPatterns.letters(text)
        case .name: return TextPatterns.name(text)
        case .url: return TextPatterns.url(text)
        case .digits: return TextPatterns.digits(text)
        case .deviceUUID: return TextPatterns.uuid(text)
        case .phone: return TextPatterns.phone(text)
        case .element: return TextPatterns.element(text, domains: options.allowedEmailDomains)
        case .other: return false
        }
    }

    static func regexCode(_ kind: RegexKind) -> Int {
        switch kind {
        case .alphanumeric: 4228
        case .letters: 4227
        case .name: 42224
        case .url: 42213
        case .digits: 42222
        case .deviceUUID: 42225
        case .phone: 42226
        case .element, .other: 4224
        }
    }

    static func typeCode(_ type: ValueType) -> Int {
        switch type {
        case .string: 42217
        case .numeric: 42222
        case .number: 42218
        case .object: 42219
        case .array: 42220
        case .boolean: 42221
        case .other: 42214
        }
    }

    /// The text of a scalar value (numbers as their source text), nil for arrays, objects, files and null.
    static func text(of value: Input) -> String? {
        switch value {
        case .string(let text): text
        case .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// What `min`/`max` compare: a number's value, an array's count, a text's length in code points.
    static func measure(_ value: Input, numeric: Bool) -> Double? {
        switch value {
        case .number(let text): Double(text)
        case .string(let text): numeric ? Double(text) : Double(text.unicodeScalars.count)
        case .array(let items): Double(items.count)
        default: nil
        }
    }

    /// How `distinct` compares values: texts case-insensitively.
    static func identity(of value: Input) -> String? {
        switch value {
        case .string(let text): "s:" + text.lowercased()
        case .number(let text): "n:" + (Double(text).map { String($0) } ?? text)
        case .bool(let flag): "b:\(flag)"
        default: nil
        }
    }

    /// A number's text as an integer, when it is one (`"100"`, `"100.0"`, `"1e2"`).
    /// The number fields that hold whole units (§8.2 money in cents; ruling E10: days too): a fraction is 422
    /// `4224` naming the field, never truncated.
    static let wholeNumberKeys: Set<String> = ["cost_in_cents", "amount", "payment_conditions"]

    static func integer(_ text: String) -> Int64? {
        if let exact = Int64(text) { return exact }
        guard let double = Double(text), double.isFinite, double.rounded() == double,
              abs(double) < 9_007_199_254_740_992 else { return nil }
        return Int64(double)
    }

    /// `value` converted to `type` (§8.2), or nil when it is not of that type.
    static func convert(_ value: Input, to type: ValueType) -> Input? {
        switch (type, value) {
        case (.string, .string):
            return value
        case (.numeric, .string(let text)):
            return TextPatterns.decimal(text) ? value : nil
        case (.numeric, .number(let text)):
            if TextPatterns.decimal(text) { return .string(text) }
            guard let double = Double(text), double.isFinite, double >= 0 else { return nil }
            let decimal = integer(text).map { String($0) } ?? String(double)
            return TextPatterns.decimal(decimal) ? .string(decimal) : nil
        case (.number, .number(let text)):
            return Double(text)?.isFinite == true ? value : nil
        case (.number, .string(let text)):
            return TextPatterns.decimal(text, signed: true) ? .number(text) : nil
        case (.object, .object):
            return value
        case (.array, .array):
            return value
        case (.array, .string(let text)):
            if let parsed = try? JSONParser.parse(Array(text.utf8)), case .array = parsed { return parsed }
            let quoted = String(text.map { $0 == "'" ? "\"" : $0 })
            if case .array(let items)? = try? JSONParser.parse(Array(quoted.utf8)) { return .array(items) }
            return nil
        case (.boolean, .bool):
            return value
        case (.boolean, .number(let text)):
            return text == "0" ? .bool(false) : text == "1" ? .bool(true) : nil
        case (.boolean, .string(let text)):
            switch text {
            case "true", "True", "1": return .bool(true)
            case "false", "False", "0": return .bool(false)
            default: return nil
            }
        default:
            return nil
        }
    }
}
