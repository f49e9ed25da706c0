/// The language of error messages (egresos.md §1): English when the first `Accept-Language` tag's primary
/// subtag is `en`, Spanish otherwise.
public enum Language: Sendable, Equatable {
    /// Spanish, the default.
    case es
    /// English.
    case en

    /// The language an `Accept-Language` header selects.
    public init(acceptLanguage: String?) {
        guard let header = acceptLanguage,
              let first = header.split(separator: ",", omittingEmptySubsequences: false).first else {
            self = .es
            return
        }
        let tag = first.split(separator: ";").first ?? ""
        let primary = tag.split(separator: "-").first.map { $0.filter { !$0.isWhitespace }.lowercased() } ?? ""
        self = primary == "en" ? .en : .es
    }
}
