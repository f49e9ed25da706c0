/// A rule string that does not parse: a programming error in an endpoint's declaration, caught by the test
/// that parses every declared endpoint (and by `EgresosEndpointRules.checkDeclared()` at start-up).
public struct RuleParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The field whose rules failed.
    public let field: String
    /// The offending rule text.
    public let rule: String
    /// Why.
    public let reason: String

    public var description: String { "field \(field): rule \"\(rule)\": \(reason)" }
}

/// Parses the pipe form of egresos.md §8.1 (`"required|typeOf:string|min:1|max:120"`), applying its
/// normalisations: `typeOf:numerid` → numeric, `typeOf:JSONArray` → array, `exist:` → `exists:`, table names
/// (singular or plural) → the §4 tables, `regex:alphabetic` → letters, `regex:numeric` → digits. Issue 13 adds
/// `same:<field>`, `exists:<table>,<column>,<parent>_id` (the row belongs to the parent) and
/// `dateRange:<other>,<table>` (an edit's missing end is read from the stored row).
public enum RuleParser {
    /// The rules of `text`, left to right.
    public static func parse(_ text: String, field: String = "") throws(RuleParseError) -> [ValidationRule] {
        var rules: [ValidationRule] = []
        for piece in text.split(separator: "|", omittingEmptySubsequences: false) {
            let item = piece.trimmingSpaces()
            guard !item.isEmpty else { throw RuleParseError(field: field, rule: text, reason: "empty rule") }
            rules.append(try rule(item, field: field))
        }
        return rules
    }

    private static func rule(_ item: String, field: String) throws(RuleParseError) -> ValidationRule {
        let name: String
        let argument: String?
        if let colon = item.firstIndex(of: ":") {
            name = String(item[..<colon]).trimmingSpaces()
            argument = String(item[item.index(after: colon)...]).trimmingSpaces()
        } else {
            name = item
            argument = nil
        }
        func fail(_ reason: String) -> RuleParseError { RuleParseError(field: field, rule: item, reason: reason) }
        func noArgument(_ rule: ValidationRule) throws(RuleParseError) -> ValidationRule {
            guard argument == nil else { throw fail("takes no argument") }
            return rule
        }
        func text() throws(RuleParseError) -> String {
            guard let argument, !argument.isEmpty else { throw fail("needs an argument") }
            return argument
        }
        func count() throws(RuleParseError) -> Int {
            guard let value = Int(try text()), value >= 0 else { throw fail("needs a non-negative integer") }
            return value
        }
        func list() throws(RuleParseError) -> [String] {
            let items = try text().split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            guard !items.contains(where: \.isEmpty) else { throw fail("empty list item") }
            return items
        }
        func tableAndColumn() throws(RuleParseError) -> (ValidationTable, String, String?) {
            let parts = try list()
            guard parts.count == 2 || parts.count == 3 else { throw fail("needs table,column[,scope]") }
            guard let table = ValidationTable.named(parts[0]) else { throw fail("unknown table \(parts[0])") }
            guard table.columns.contains(parts[1]) else { throw fail("unknown column \(parts[1]) of \(table.tableName)") }
            if parts.count == 3, !table.columns.contains(parts[2]) {
                throw fail("unknown scope column \(parts[2]) of \(table.tableName)")
            }
            return (table, parts[1], parts.count == 3 ? parts[2] : nil)
        }

        switch name {
        case "required": return try noArgument(.required)
        case "sometimes": return try noArgument(.sometimes)
        case "nullable": return try noArgument(.nullable)
        case "email": return try noArgument(.email)
        case "confirmation", "confirmed": return try noArgument(.confirmation)
        case "distinct": return try noArgument(.distinct)
        case "typeOf":
            switch try text() {
            case "string": return .typeOf(.string)
            case "numeric", "numerid": return .typeOf(.numeric)
            case "number": return .typeOf(.number)
            case "object": return .typeOf(.object)
            case "array", "JSONArray": return .typeOf(.array)
            case "boolean": return .typeOf(.boolean)
            case let other: return .typeOf(.other(other))
            }
        case "min": return .min(try count())
        case "max": return .max(try count())
        case "exact": return .exact(try count())
        case "size":
            let value = try text()
            let lower = value.lowercased()
            if let number = Int(value), number >= 0 { return .size(.length(number)) }
            for (suffix, factor) in [("mb", 1024 * 1024), ("kb", 1024)] where lower.hasSuffix(suffix) {
                if let number = Int(lower.dropLast(suffix.count)), number > 0 { return .size(.bytes(number * factor)) }
            }
            throw fail("needs a length or a size such as 5Mb")
        case "extension":
            return .fileExtension(try list().map { $0.lowercased() })
        case "unique":
            let (table, column, scope) = try tableAndColumn()
            return .unique(table, column: column, scope: scope)
        case "exists", "exist":
            let (table, column, scope) = try tableAndColumn()
            if let scope, !scope.hasSuffix("_id") { throw fail("an exists scope is a parent's id column") }
            return .exists(table, column: column, scope: scope)
        case "same":
            let other = try text()
            guard !other.contains(where: { ",[]|".contains($0) }) else { throw fail("same takes one field of the same object") }
            return .same(other)
        case "date":
            let format = try text()
            guard format == "YYYY-MM-DD" else { throw fail("unknown date format") }
            return .date(format: format)
        case "in": return .oneOf(try list())
        case "regex":
            switch try text() {
            case "alphanumeric": return .regex(.alphanumeric)
            case "letters", "alphabetic": return .regex(.letters)
            case "name": return .regex(.name)
            case "url": return .regex(.url)
            case "digits", "numeric": return .regex(.digits)
            case "device_uuid": return .regex(.deviceUUID)
            case "phone": return .regex(.phone)
            case "element": return .regex(.element)
            case let other: return .regex(.other(other))
            }
        case "dateRange", "after_or_equal":
            let parts = try list()
            guard parts.count <= 2 else { throw fail("needs field[,table]") }
            guard parts.count == 2 else { return .dateRange(after: parts[0]) }
            guard let table = ValidationTable.named(parts[1]) else { throw fail("unknown table \(parts[1])") }
            // Both ends are read back from the stored row, so both must be columns of it.
            for end in [parts[0], field] where !(end.isEmpty || table.columns.contains(end)) {
                throw fail("unknown column \(end) of \(table.tableName)")
            }
            return .dateRange(after: parts[0], stored: table)
        default:
            throw fail("unknown rule")
        }
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
