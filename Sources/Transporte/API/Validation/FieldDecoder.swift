import AppCore
import HTTPCore

/// Checks input objects against field declarations and collects every problem (as Pydantic does) before
/// answering: `finish()` throws one 400 "Error de validación en los datos enviados" listing each field, named
/// by its path (`lugares[1].horaEstimadaRetorno`), with the texts of transporte.md §1.3. Undeclared keys are
/// ignored. What it accepts is exactly what `OpenAPISchema` documents for the same `Field` (ruling 10): JSON
/// bodies keep their types (a number in a string is not a number), only query strings spell numbers and
/// booleans as text, and lengths are checked on the text as sent as well as after trimming.
struct FieldDecoder {
    /// The problems found so far.
    private(set) var errors: [TransporteError.FieldError] = []
    /// Whether the values being decoded come from a query string (every value a string).
    private var fromQuery = false

    /// Decodes `object` against `fields`; `partial` (an update) makes every field optional. `path` prefixes
    /// the field names in errors (`lugares[0]`).
    mutating func decode(_ object: InputObject, _ fields: [Field], partial: Bool = false, path: String = "") -> Validated {
        var result = Validated()
        for field in fields {
            let name = path.isEmpty ? field.key : "\(path).\(field.key)"
            guard let input = object[field.key] else {
                if field.required && !partial { fail(name, "es obligatorio") }
                continue
            }
            if let value = decode(input, field, name: name) { result.values.append((field, value)) }
        }
        return result
    }

    /// Decodes the list under `key`: an array of objects, each against `fields`, with at least `minItems`
    /// elements. nil when the key is absent (and not required), `null`, or wrong.
    mutating func decodeList(_ object: InputObject, _ key: String, _ fields: [Field], required: Bool, minItems: Int,
                             partial: Bool = false) -> [Validated]? {
        guard let input = object[key] else {
            if required && !partial { fail(key, "es obligatorio") }
            return nil
        }
        guard case .array(let elements) = input else {
            fail(key, "debe ser una lista")
            return nil
        }
        guard elements.count >= minItems else {
            fail(key, "debe tener al menos los elementos mínimos requeridos")
            return nil
        }
        var result: [Validated] = []
        for (index, element) in elements.enumerated() {
            guard case .object(let item) = element else {
                fail("\(key)[\(index)]", "debe ser un objeto")
                continue
            }
            result.append(decode(item, fields, path: "\(key)[\(index)]"))
        }
        return result
    }

    /// Decodes query parameters (all strings) against `fields`; an empty value (`?codigo=`) counts as absent. A
    /// declared parameter is one scalar: sent twice (`?pagina=1&pagina=2`) or as a structure (`?por_pagina[x]=1`,
    /// `?pagina[]=1`) it is a 400 like any other malformed value.
    mutating func decode(query: QueryParameters, _ fields: [Field]) -> Validated {
        var object = InputObject()
        var scalars: [Field] = []
        for field in fields {
            let structured = query.pairs.contains { $0.name.hasPrefix(field.key + "[") }
            if structured || query.all(field.key).count > 1 {
                fail(field.key, Self.notScalar)
                continue
            }
            scalars.append(field)
            if let value = query[field.key], !value.isEmpty { object[field.key] = .string(value) }
        }
        fromQuery = true
        defer { fromQuery = false }
        return decode(object, scalars, partial: true)
    }

    /// The problem of a query parameter sent more than once or with brackets.
    static let notScalar = "debe enviarse una sola vez, como un valor simple"

    /// Records a problem of `field` (full sentence: `El campo 'x' <problem>`).
    mutating func fail(_ field: String, _ problem: String) {
        errors.append(TransporteError.FieldError(field: field, message: "El campo '\(field)' \(problem)"))
    }

    /// Records a problem of `field` with a message of its own.
    mutating func fail(_ field: String, message: String) {
        errors.append(TransporteError.FieldError(field: field, message: message))
    }

    /// Throws the 400 if any problem was recorded.
    func finish() throws {
        if !errors.isEmpty { throw TransporteError.validation(errors) }
    }

    private mutating func decode(_ input: Input, _ field: Field, name: String) -> FieldValue? {
        if case .null = input {
            guard field.nullable else { fail(name, "no puede ser nulo"); return nil }
            return .null
        }
        switch field.kind {
        case .integer(let range):
            let parsed: Int? = switch input {
            case .number(let n): Self.integer(n)
            // A query string spells the integer in decimal digits, nothing else (`1.0` is not one).
            case .string(let s) where fromQuery: Self.isDecimalInteger(s) ? Int(s) : nil
            default: nil
            }
            guard let value = parsed else { fail(name, "debe ser un número entero"); return nil }
            return checkRange(Double(value), Double(range.lowerBound), Double(range.upperBound), name) ? .integer(value) : nil
        case .decimal(let range):
            let text: String
            switch input {
            case .number(let n): text = n
            case .string(let s) where fromQuery: text = s
            default: fail(name, "debe ser un número"); return nil
            }
            guard let value = Double(text), value.isFinite, text.utf8.count <= 40 else { fail(name, "debe ser un número"); return nil }
            return checkRange(value, range.lowerBound, range.upperBound, name) ? .decimal(text) : nil
        case .text(let minLength, let maxLength):
            guard case .string(let raw) = input else { fail(name, "debe ser texto"); return nil }
            guard raw.unicodeScalars.count <= maxLength else { fail(name, "excede la longitud máxima permitida"); return nil }
            let text = raw.trimmingCharacters(in: Self.trimmed)
            if text.isEmpty {
                if field.required || minLength > 0 && !field.nullable { fail(name, "no puede estar vacío"); return nil }
                return field.nullable ? .null : .text("")
            }
            let length = text.unicodeScalars.count
            guard length >= minLength else { fail(name, "es demasiado corto"); return nil }
            guard text.utf8.count <= 65_535 else {
                fail(name, "excede la longitud máxima permitida")
                return nil
            }
            return .text(text)
        case .code(let maxLength), .upperText(let maxLength):
            guard case .string(let raw) = input else { fail(name, "debe ser texto"); return nil }
            guard raw.unicodeScalars.count <= maxLength else { fail(name, "excede la longitud máxima permitida"); return nil }
            let text = raw.trimmingCharacters(in: Self.trimmed).uppercased()
            if text.isEmpty {
                if field.nullable && !field.required { return .null }
                fail(name, "no puede estar vacío")
                return nil
            }
            if case .code = field.kind, text.unicodeScalars.contains(where: Self.isCodeSpace) {
                fail(name, message: "El código no debe contener espacios, use guion bajo (_) como separador")
                return nil
            }
            // Checked after upper-casing: "ß" becomes "SS".
            guard text.unicodeScalars.count <= maxLength else { fail(name, "excede la longitud máxima permitida"); return nil }
            return .text(text)
        case .plate(let maxLength):
            guard case .string(let raw) = input else { fail(name, "debe ser texto"); return nil }
            guard raw.unicodeScalars.count <= maxLength else { fail(name, "excede la longitud máxima permitida"); return nil }
            guard raw.unicodeScalars.allSatisfy(Self.isPlateCharacter), raw.unicodeScalars.contains(where: { $0 != " " && $0 != "-" }) else {
                fail(name, message: Self.plateMessage)
                return nil
            }
            return .text(String(String.UnicodeScalarView(raw.unicodeScalars.filter { $0 != " " })).uppercased())
        case .boolean:
            switch input {
            case .bool(let flag): return .boolean(flag)
            // A query string spells a boolean as JSON does.
            case .string("true") where fromQuery: return .boolean(true)
            case .string("false") where fromQuery: return .boolean(false)
            default: fail(name, "debe ser verdadero o falso"); return nil
            }
        case .date:
            guard case .string(let text) = input, text.utf8.count == 10, let date = CivilDate(iso: text), date.year >= 1 else {
                fail(name, "debe ser una fecha válida (YYYY-MM-DD)")
                return nil
            }
            return .date(date)
        case .time:
            guard case .string(let text) = input, let millis = TimeOfDay.milliseconds(text) else {
                fail(name, "debe ser una hora válida (HH:MM:SS)")
                return nil
            }
            return .time(millis)
        case .dateTime:
            guard case .string(let text) = input, let local = LocalDateTime(text) else {
                fail(name, "debe ser una fecha y hora válida")
                return nil
            }
            return .text(local.description)
        }
    }

    private mutating func checkRange(_ value: Double, _ low: Double, _ high: Double, _ name: String) -> Bool {
        if value < low { fail(name, "debe ser mayor o igual al mínimo permitido"); return false }
        if value > high { fail(name, "debe ser menor o igual al máximo permitido"); return false }
        return true
    }

    /// What a text field trims from both ends before checking and storing it.
    static let trimmed = " \t\r\n"

    /// The white space a code may not contain inside (Unicode White_Space, Python's `\s` too): the class the
    /// documented pattern of a code (`OpenAPISchema.codePattern`) excludes, so both refuse the same texts.
    static let codeSpaces = "\t\n\u{0B}\u{0C}\r\u{1C}\u{1D}\u{1E}\u{1F} \u{85}\u{A0}\u{1680}\u{2000}\u{2001}\u{2002}\u{2003}"
        + "\u{2004}\u{2005}\u{2006}\u{2007}\u{2008}\u{2009}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}"

    /// The 400 for a plate with other characters than letters, digits, `-` and spaces, or none of the first two.
    static let plateMessage = "La placa solo puede contener letras, dígitos, guiones y espacios, con al menos una letra o un dígito"

    /// Whether `scalar` may appear in a plate as sent (ASCII letters, digits, `-`, space).
    static func isPlateCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == " ")
    }

    /// Whether `scalar` is a space a code may not contain.
    static func isCodeSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || codeSpaces.unicodeScalars.contains(scalar)
    }

    /// Whether `text` is an optional `-` and ASCII digits, as a query string writes an integer.
    static func isDecimalInteger(_ text: String) -> Bool {
        let digits = text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        return !digits.isEmpty && digits.count <= 18 && digits.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// An integer from JSON number text: `5`, `-3`, `5.0` (integral), not `5.5`, not out of Int range.
    static func integer(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        guard let double = Double(text), double.isFinite, double.rounded() == double, abs(double) < 9.0e15 else { return nil }
        return Int(double)
    }
}

extension String {
    /// The string without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        let view = unicodeScalars
        guard let start = view.firstIndex(where: { !scalars.contains($0) }) else { return "" }
        let end = view.lastIndex(where: { !scalars.contains($0) })!
        return String(view[start...end])
    }
}
