extension Request {
    /// Whether the client asks for HTML before JSON: its `Accept` header names `text/html` with a higher quality
    /// than `application/json` (a browser's navigation). Wildcards and a missing header count for JSON, so API
    /// clients keep getting JSON from a route that can answer both.
    public var prefersHTML: Bool {
        guard let accept = headers["Accept"] else { return false }
        var html = 0.0, json = 0.0
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { String($0).trimmingASCIIWhitespace().lowercased() }
            guard let type = parts.first else { continue }
            var quality = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                quality = Double(parameter.dropFirst(2)) ?? 0
            }
            if type == "text/html" { html = max(html, quality) }
            if type == "application/json" { json = max(json, quality) }
        }
        return html > json
    }
}
