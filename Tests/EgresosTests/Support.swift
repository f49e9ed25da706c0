@testable import Egresos
import HTTPCore

/// An in-memory `ValidationLookup`: rows per table as column → text, with a soft-delete flag.
final class FakeLookup: ValidationLookup {
    struct Row {
        var id: Int
        var values: [String: String]
        var deleted = false
    }

    var rows: [ValidationTable: [Row]] = [:]
    private(set) var questions: [String] = []

    init(_ rows: [ValidationTable: [Row]] = [:]) {
        self.rows = rows
    }

    func value(_ row: Row, _ column: String) -> String? { column == "id" ? String(row.id) : row.values[column] }

    func exists(table: ValidationTable, column: String, value: String,
                scope: (column: String, value: String)?) throws -> Bool {
        questions.append("exists \(table.tableName).\(column)=\(value)" + (scope.map { " \($0.column)=\($0.value)" } ?? ""))
        return (rows[table] ?? []).contains { row in
            !row.deleted && self.value(row, column) == value && (scope.map { self.value(row, $0.column) == $0.value } ?? true)
        }
    }

    func storedDate(table: ValidationTable, column: String, id: Int) throws -> String? {
        questions.append("stored \(table.tableName).\(column)#\(id)")
        return (rows[table] ?? []).first { $0.id == id && !$0.deleted }?.values[column]
    }

    func taken(table: ValidationTable, column: String, value: String, excludingID: Int?,
               scope: (column: String, value: String)?) throws -> Bool {
        questions.append("taken \(table.tableName).\(column)=\(value)" + (scope.map { " \($0.column)=\($0.value)" } ?? ""))
        return (rows[table] ?? []).contains { row in
            !row.deleted && row.id != excludingID && self.value(row, column)?.lowercased() == value.lowercased()
                && (scope.map { self.value(row, $0.column) == $0.value } ?? true)
        }
    }
}

/// Parses JSON text into the input tree (what a JSON body gives the engine).
func json(_ text: String) -> Input {
    try! JSONParser.parse(Array(text.utf8))
}

/// A form body (multipart or urlencoded): every scalar a string.
func form(_ members: [(String, Input)]) -> Input {
    .object(InputObject(members))
}

/// An uploaded file part.
func upload(_ name: String, size: Int = 1_000, field: String = "picture") -> Input {
    .file(UploadedFile(fieldName: field, filename: name, contentType: "application/octet-stream",
                       temporaryPath: "/nonexistent/\(name)", size: size))
}

/// Validates `input` against `declarations` and lists the failures as `field:code`.
func failures(_ declarations: [(String, String)], _ input: Input, lookup: FakeLookup = FakeLookup(),
              context: ValidationContext = ValidationContext(), options: ValidationOptions = ValidationOptions()) -> [String] {
    outcome(declarations, input, lookup: lookup, context: context, options: options).failures.map { "\($0.field):\($0.code)" }
}

/// The whole outcome.
func outcome(_ declarations: [(String, String)], _ input: Input, lookup: FakeLookup = FakeLookup(),
             context: ValidationContext = ValidationContext(), options: ValidationOptions = ValidationOptions()) -> ValidationOutcome {
    let schema = try! ValidationSchema(declarations)
    return try! ValidationEngine(lookup: lookup, options: options).check(input, against: schema, context: context)
}

/// The code of the single rule string `rules` on field `v` with value `value` (nil when it passes).
func code(_ rules: String, _ value: Input?, options: ValidationOptions = ValidationOptions()) -> Int? {
    var members: [(String, Input)] = []
    if let value { members.append(("v", value)) }
    return outcome([("v", rules)], .object(InputObject(members)), options: options).failures.first?.code
}
