/// Builds the input tree from flat form field names with brackets, for urlencoded and multipart bodies alike.
///
/// `a[b]=1` gives `{a:{b:"1"}}`, `a[]=1&a[]=2` gives `{a:["1","2"]}`, `a[0][x]=1` gives `{a:[{x:"1"}]}`.
/// Numeric indexes order array elements (gaps close up, so `a[9999]` cannot inflate a body); `[]` appends after
/// the highest index so far. A name whose brackets do not parse (`a[b`, `[a]`, `a[b]c`) is a literal key.
/// A repeated scalar name replaces the earlier value; a name used both as a scalar and as a container, or as an
/// object and as an array, is an error.
struct FormTreeBuilder {
    /// The deepest bracket path accepted.
    static let maxDepth = 16
    /// The largest numeric index accepted.
    static let maxIndex = 10_000

    /// One step of a bracket path.
    enum Segment: Equatable {
        case key(String)
        case index(Int)
        case append
    }

    private enum Shape { case leaf, object, array }

    /// A mutable node while the tree grows; a class so a path can be walked and extended in place.
    private final class Node {
        let shape: Shape
        var leaf: Input = .null
        var keys: [String] = []
        var children: [String: Node] = [:]
        var elements: [Int: Node] = [:]
        var nextIndex = 0

        init(shape: Shape) { self.shape = shape }
    }

    private let root = Node(shape: .object)

    /// An empty tree.
    init() {}

    /// Puts `value` at the path that `name` spells; returns the leaf it replaced (multipart deletes a replaced file).
    @discardableResult
    mutating func insert(_ value: Input, forName name: String) throws -> Input? {
        let (base, path) = try Self.parseName(name)
        let segments = [Segment.key(base)] + path
        var node = root
        for (position, segment) in segments.enumerated() {
            let isLast = position == segments.count - 1
            let wanted: Shape = isLast ? .leaf : Self.shape(for: segments[position + 1])
            var existing: Node?
            switch segment {
            case .key(let key):
                guard node.shape == .object else { throw Self.conflict(name) }
                existing = node.children[key]
                if existing == nil {
                    let child = Node(shape: wanted)
                    node.keys.append(key)
                    node.children[key] = child
                    node = child
                    continue
                }
            case .index(let index):
                guard node.shape == .array else { throw Self.conflict(name) }
                existing = node.elements[index]
                if existing == nil {
                    let child = Node(shape: wanted)
                    node.elements[index] = child
                    node.nextIndex = max(node.nextIndex, index + 1)
                    node = child
                    continue
                }
            case .append:
                guard node.shape == .array else { throw Self.conflict(name) }
                let child = Node(shape: wanted)
                node.elements[node.nextIndex] = child
                node.nextIndex += 1
                node = child
                continue
            }
            guard let found = existing, found.shape == wanted else { throw Self.conflict(name) }
            node = found
        }
        if node.shape == .leaf {
            let replaced = node.leaf
            node.leaf = value
            if case .null = replaced { return nil }
            return replaced
        }
        return nil
    }

    /// The tree built so far, as an object.
    func build() -> Input {
        Self.materialise(root)
    }

    private static func materialise(_ node: Node) -> Input {
        switch node.shape {
        case .leaf:
            return node.leaf
        case .object:
            return .object(InputObject(uniqueMembers: node.keys.map { (key: $0, value: materialise(node.children[$0]!)) }))
        case .array:
            return .array(node.elements.keys.sorted().map { materialise(node.elements[$0]!) })
        }
    }

    private static func shape(for segment: Segment) -> Shape {
        if case .key = segment { return .object }
        return .array
    }

    private static func conflict(_ name: String) -> HTTPError {
        .malformedBody("form: conflicting structure for '\(name)'")
    }

    /// Splits `a[b][0][]` into `a` and its bracket path; names without a well-formed path stay whole.
    static func parseName(_ name: String) throws -> (base: String, path: [Segment]) {
        let bytes = Array(name.utf8)
        guard let open = bytes.firstIndex(of: UInt8(ascii: "[")), open > 0 else { return (name, []) }
        var path: [Segment] = []
        var index = open
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "["),
                  let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "]"))
            else { return (name, []) }
            path.append(try segment(bytes[(index + 1)..<close], name: name))
            index = close + 1
        }
        if path.count > maxDepth { throw HTTPError.malformedBody("form: '\(name)' nests deeper than \(maxDepth)") }
        return (String(decoding: bytes[..<open], as: UTF8.self), path)
    }

    private static func segment(_ inner: ArraySlice<UInt8>, name: String) throws -> Segment {
        if inner.isEmpty { return .append }
        let isDigits = inner.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        // Only canonical decimals are indexes; `007` stays a key like PHP has it.
        guard isDigits, inner.count == 1 || inner.first != UInt8(ascii: "0") else {
            return .key(String(decoding: inner, as: UTF8.self))
        }
        guard inner.count <= 5 else { throw tooLarge(name) }
        let value = inner.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        guard value <= maxIndex else { throw tooLarge(name) }
        return .index(value)
    }

    private static func tooLarge(_ name: String) -> HTTPError {
        .malformedBody("form: index in '\(name)' is above \(maxIndex)")
    }
}
