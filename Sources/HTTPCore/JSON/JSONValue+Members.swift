extension JSONValue {
    /// The value of member `key` when this is an object, else nil (the first, if a key repeats).
    func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The elements when this is an array, else nil.
    var items: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The text when this is a string, else nil.
    var text: String? {
        if case .string(let text) = self { return text }
        return nil
    }
}
