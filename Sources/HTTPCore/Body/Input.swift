/// The parsed body of a request: one tree whatever the encoding.
///
/// JSON keeps its types; urlencoded and multipart scalars arrive as `.string`. Keys with brackets
/// (`a[b]`, `a[]`, `a[0]`) in forms build nested objects and arrays. File parts are `.file`.
public indirect enum Input: Sendable, Equatable {
    /// JSON `null`.
    case null
    /// JSON `true`/`false`.
    case bool(Bool)
    /// A JSON number, as its source text (so decimals keep their precision).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([Input])
    /// An object, keys in the order they arrived.
    case object(InputObject)
    /// A file part of a multipart body, already on disk.
    case file(UploadedFile)

    /// The member `key` of an object, or nil.
    public subscript(_ key: String) -> Input? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The object, if this is one.
    public var objectValue: InputObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// An object of the input tree: ordered keys, last duplicate wins.
public struct InputObject: Sendable, Equatable {
    /// The members in arrival order.
    public private(set) var members: [(key: String, value: Input)] = []

    /// An empty object.
    public init() {}

    /// An object from members.
    public init(_ members: [(String, Input)]) {
        for (key, value) in members { self[key] = value }
    }

    /// An object from members whose keys the caller has already made unique (parsers dedupe with a hash index,
    /// which keeps large bodies linear instead of quadratic).
    init(uniqueMembers: [(key: String, value: Input)]) {
        members = uniqueMembers
    }

    /// The value of `key`; setting replaces in place or appends.
    public subscript(_ key: String) -> Input? {
        get { members.first { $0.key == key }?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key: key, value: newValue))
            }
        }
    }

    /// The keys in order.
    public var keys: [String] { members.map(\.key) }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    public static func == (lhs: InputObject, rhs: InputObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// A file part of a multipart body, streamed to a temporary file.
public struct UploadedFile: Sendable, Equatable {
    /// The form field name.
    public var fieldName: String
    /// The client's file name (unsanitised: never use it as a path).
    public var filename: String
    /// The part's declared Content-Type, or `application/octet-stream`.
    public var contentType: String
    /// Where the bytes are; the file is removed when the request ends unless moved.
    public var temporaryPath: String
    /// The size in bytes.
    public var size: Int

    /// A file from its parts.
    public init(fieldName: String, filename: String, contentType: String, temporaryPath: String, size: Int) {
        self.fieldName = fieldName
        self.filename = filename
        self.contentType = contentType
        self.temporaryPath = temporaryPath
        self.size = size
    }
}
