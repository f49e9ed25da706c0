import HTTPCore

/// The non-body parts of a request as input trees for the engine: every value a string, as §8.2 expects of
/// query strings and paths.
public enum ValidationInput {
    /// Query parameters: the first value of each name, in arrival order.
    public static func query(_ query: QueryParameters) -> Input {
        var object = InputObject()
        for (name, value) in query.pairs where object[name] == nil { object[name] = .string(value) }
        return .object(object)
    }

    /// Path parameters (`[:user_id: "4001"]` as the router gives them).
    public static func path(_ parameters: [String: String]) -> Input {
        .object(InputObject(parameters.sorted { $0.key < $1.key }.map { ($0.key, Input.string($0.value)) }))
    }
}
