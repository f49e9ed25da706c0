import HTTPCore
import TestSupport

extension TestResponse {
    /// The non-field error code (a string, egresos.md §8.3).
    var errorCode: String? { json?["code"]?.stringValue }
    /// The field errors as `field:code`.
    var fieldErrors: [String] {
        guard case .array(let items)? = json?["errors"] else { return [] }
        return items.map { "\($0["fields"]?.stringValue ?? "?"):\($0["code"].flatMap(egInt) ?? -1)" }
    }
    /// The keys of a JSON object, in order.
    func keys(_ value: Input?) -> [String] { value?.objectValue?.keys ?? [] }
    /// The keys of the object at `key`, in order.
    func keys(_ key: String) -> [String] { keys(json?[key]) }
}

extension Input {
    /// The items of an array.
    var egItems: [Input]? {
        if case .array(let items) = self { return items }
        return nil
    }
}

/// A number (or numeric text) in the response tree as its text; "?" otherwise.
func egNumberText(_ value: Input?) -> String {
    switch value {
    case .number(let text)?: text
    case .string(let text)?: text
    default: "?"
    }
}

/// An integer in the response tree.
func egInt(_ value: Input?) -> Int? {
    switch value {
    case .number(let text)?: Int(text)
    default: nil
    }
}

/// The smallest PNG (1×1) and a JPEG header: real image bytes for the uploads.
enum Images {
    static let png: [UInt8] = [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
        0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
        0x42, 0x60, 0x82,
    ]
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00,
                                0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9]
}
