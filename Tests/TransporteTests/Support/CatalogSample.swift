import HTTPCore
import TestSupport
@testable import Transporte

/// A valid body for a catalog, generated from its definition (so every test runs over all twelve catalogs),
/// with the value each column must hold afterwards.
struct CatalogSample {
    /// One field of the body.
    struct Member {
        let field: Field
        /// The JSON text sent.
        let json: String
        /// What the record's column holds after the write.
        let stored: Input
    }

    let catalog: CatalogDefinition
    let members: [Member]

    /// Every field of `catalog` (or only the required ones), distinct from other samples by `seed`.
    init(_ catalog: CatalogDefinition, seed: Int, requiredOnly: Bool = false) {
        self.catalog = catalog
        members = catalog.fields.filter { !requiredOnly || $0.required }.map { Self.member($0, catalog, seed) }
    }

    /// The body: `{"codigo": "...", ...}`, with `overrides` replacing or adding raw JSON values.
    func body(_ overrides: [String: String] = [:], removing: Set<String> = []) -> String {
        var pairs = members.filter { !removing.contains($0.field.key) }.map { ($0.field.key, overrides[$0.field.key] ?? $0.json) }
        for (key, json) in overrides.sorted(by: { $0.key < $1.key }) where !pairs.contains(where: { $0.0 == key }) {
            pairs.append((key, json))
        }
        return "{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// The member of `key`.
    subscript(_ key: String) -> Member? { members.first { $0.field.key == key } }

    /// Whether `record` holds every sent value.
    func matches(_ record: Input?) -> Bool {
        members.allSatisfy { Self.same(record?[$0.field.column], $0.stored) }
    }

    /// JSON equality, numbers compared by value (`13.5` and `13.50`).
    static func same(_ lhs: Input?, _ rhs: Input?) -> Bool {
        if case .number(let a)? = lhs, case .number(let b)? = rhs { return Double(a) == Double(b) }
        return lhs == rhs
    }

    /// A text for `field`: `Nombre 7`, cut to the column's length.
    static func text(_ field: Field, _ seed: Int, max: Int) -> String {
        let base: String
        switch field.key {
        case "emailJefe": base = "jefe\(seed)@transporte.local"
        case "telefonoContacto", "telefonoJefe": base = "2200-\(seed)"
        case "color": base = "#00\(seed)"
        default: base = "\(Field.pascalCase(field.key)) \(seed)"
        }
        return String(base.prefix(max))
    }

    private static func member(_ field: Field, _ catalog: CatalogDefinition, _ seed: Int) -> Member {
        switch field.kind {
        case .code(let max):
            let code = String("c\(seed)_\(catalog.prefix.prefix(3))".prefix(max))
            return Member(field: field, json: "\"  \(code) \"", stored: .string(code.uppercased()))
        case .text(_, let max):
            let text = text(field, seed, max: max)
            return Member(field: field, json: "\" \(text)\"", stored: .string(text))
        case .upperText(let max):
            let text = String("tipo \(seed)".prefix(max))
            return Member(field: field, json: "\"\(text)\"", stored: .string(text.uppercased()))
        case .boolean:
            return Member(field: field, json: seed % 2 == 0 ? "true" : "false", stored: .bool(seed % 2 == 0))
        case .integer(let range):
            // References point at seed rows (Departamento 1, Perfil 1, the fleet rows of `TransporteHarness(for:)`);
            // orden must be unique, so it follows the seed.
            let value = catalog.references.contains { $0.key == field.key } ? 1 : max(range.lowerBound, 100) + seed
            return Member(field: field, json: String(value), stored: .number(String(value)))
        case .decimal(let range):
            let value = (range.upperBound / 2 - Double(seed % 10)) + 0.125
            return Member(field: field, json: String(value), stored: .number(String(value)))
        case .plate:
            return Member(field: field, json: "\"p 50\(seed) 0\"", stored: .string("P50\(seed)0"))
        case .date:
            let date = "2026-0\(seed % 9 + 1)-15"
            return Member(field: field, json: "\"\(date)\"", stored: .string(date))
        case .time, .dateTime:
            preconditionFailure("no catalog field is a time")
        }
    }
}
