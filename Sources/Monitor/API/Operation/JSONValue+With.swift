import HTTPCore

extension JSONValue {
    /// This object with `changes`: a member already present takes the new value in place, a new one is appended
    /// (an example that differs from a shared one in a few members).
    func with(_ changes: KeyValuePairs<String, JSONValue>) -> JSONValue {
        guard case .object(var members) = self else { return self }
        for (key, value) in changes {
            if let index = members.firstIndex(where: { $0.0 == key }) { members[index].1 = value } else { members.append((key, value)) }
        }
        return .object(members)
    }
}
