/// A self-contained HTML API reference (no script, no CDN), generated from the same operations as the OpenAPI
/// document: the page skeleton and tag grouping shared by the modules, and a section renderer for
/// `OpenAPIOperation`s (a module may render its own sections instead).
public enum HTMLReference {
    /// The page: `<title>`, an `<h1>`, `intro` (HTML), then one `<h2>` per tag in first-seen order with the
    /// sections of its items.
    public static func page<Item>(language: String, title: String, heading: String, intro: String, items: [Item],
                                  tag: (Item) -> String, section: (Item) -> String) -> String {
        var tags: [String] = []
        for item in items where !tags.contains(tag(item)) { tags.append(tag(item)) }
        var html = """
            <!doctype html><html lang="\(escape(language))"><head><meta charset="utf-8"><title>\(escape(title))</title>
            \(noFavicon)
            <style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
            h2{border-bottom:1px solid #ccc;margin-top:2.5rem}section{margin:1.2rem 0}code{background:#f3f3f3;padding:0 .2rem}
            .m{font-weight:bold;display:inline-block;min-width:4.5rem}table{border-collapse:collapse;font-size:.9rem}
            td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}small{color:#666}</style></head><body>
            <h1>\(escape(heading))</h1>

            """ + intro
        for name in tags {
            html += "<h2>\(escape(name))</h2>"
            for item in items where tag(item) == name { html += section(item) }
        }
        return html + "</body></html>"
    }

    /// A module's landing page (`GET /`): a title, an `<h1>`, `intro` (HTML, may be empty) and one line of links
    /// (href, label), with no icon request, like the reference.
    public static func landing(language: String, title: String, heading: String, intro: String = "",
                               links: [(href: String, label: String)]) -> String {
        let line = links.map { "<a href=\"\(escape($0.href))\">\(escape($0.label))</a>" }.joined(separator: " · ")
        return """
            <!doctype html><html lang="\(escape(language))"><head><meta charset="utf-8"><title>\(escape(title))</title>\(noFavicon)</head>
            <body><h1>\(escape(heading))</h1>\(intro)
            <p>\(line)</p>
            </body></html>
            """
    }

    /// A `<link>` that gives the page an empty icon, so a browser requests no `/favicon.ico` (which the API answers
    /// with a JSON 404, a console error): the pages load nothing but themselves.
    public static let noFavicon = #"<link rel="icon" href="data:,">"#

    /// The words a section prints around the document's own text, in the page's language.
    public struct Labels: Sendable {
        /// Before the query parameters.
        public let query: String
        /// The body table's first column.
        public let field: String
        /// The body table's second column.
        public let schema: String
        /// The body table's third column.
        public let required: String
        /// A required field's mark in that column.
        public let yes: String
        /// Before the error statuses.
        public let errors: String

        /// Labels from their words.
        public init(query: String, field: String, schema: String, required: String, yes: String, errors: String) {
            self.query = query
            self.field = field
            self.schema = schema
            self.required = required
            self.yes = yes
            self.errors = errors
        }

        /// English (Monitor's and Egresos' pages).
        public static let english = Labels(query: "Query", field: "field", schema: "schema", required: "required", yes: "yes", errors: "errors")
        /// Spanish (Transporte's page, `lang="es"`).
        public static let spanish = Labels(query: "Consulta", field: "campo", schema: "esquema", required: "obligatorio", yes: "sí", errors: "errores")
    }

    /// `section(_:labels:)` in English.
    public static func section(_ op: OpenAPIOperation) -> String { section(op, labels: .english) }

    /// One operation: method, path and access, summary, query parameters, the body's fields (the first media
    /// type's schema; each alternative of an `anyOf`), the success status and the error statuses.
    public static func section(_ op: OpenAPIOperation, labels: Labels) -> String {
        var html = "<section><div><span class=\"m\">\(op.method.rawValue)</span><code>\(escape(op.path))</code>"
            + (op.description.map { " <small>\(escape($0))</small>" } ?? "") + "</div><div>\(escape(op.summary))</div>"
        let query = op.parameters.filter { $0.location == "query" }
        if !query.isEmpty {
            html += "<div>\(escape(labels.query)): " + query.map { "<code>\(escape($0.name))</code> \(escape(describe($0.schema)))" }
                .joined(separator: "; ") + "</div>"
        }
        if let content = op.requestBody?.content.first {
            html += "<div><small>\(escape(content.mediaType))</small></div>"
            let alternatives = content.schema.member("anyOf").flatMap(\.items) ?? [content.schema]
            for schema in alternatives {
                if let title = schema.member("title").flatMap(\.text) { html += "<div>\(escape(title))</div>" }
                html += "<table><tr><th>\(escape(labels.field))</th><th>\(escape(labels.schema))</th><th>\(escape(labels.required))</th></tr>"
                    + rows(schema, prefix: "", yes: labels.yes) + "</table>"
            }
        }
        let success = op.responses.filter { (200..<300).contains($0.status) }
            .map { "\($0.status) \($0.response.member("description").flatMap(\.text) ?? "")" }
        let errors = op.responses.map(\.status).filter { $0 >= 400 }.map(String.init).joined(separator: ", ")
        return html + "<div><small>\(escape(success.joined(separator: "; ")))\(errors.isEmpty ? "" : "; \(labels.errors): \(errors)")</small></div></section>"
    }

    /// `&`, `<`, `>` and `"` escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// The rows of an object schema's properties; the members of object items as `name[].member`.
    private static func rows(_ schema: JSONValue, prefix: String, yes: String) -> String {
        guard case .object(let properties)? = schema.member("properties") else { return "" }
        let required = (schema.member("required").flatMap(\.items) ?? []).compactMap(\.text)
        var html = ""
        for (name, property) in properties {
            html += "<tr><td><code>\(escape(prefix + name))</code></td><td>\(escape(describe(property)))</td>"
                + "<td>\(required.contains(name) ? escape(yes) : "")</td></tr>"
            if let item = property.member("items"), item.member("properties") != nil {
                html += rows(item, prefix: prefix + name + "[].", yes: yes)
            }
        }
        return html
    }

    /// A schema in words: type, bounds, enum, format, pattern, description.
    static func describe(_ schema: JSONValue) -> String {
        var parts: [String] = []
        switch schema.member("type") {
        case .string(let type)?: parts.append(type)
        case .array(let types)?: parts.append(types.compactMap(\.text).joined(separator: " or "))
        default: break
        }
        for (key, label) in [("format", "format"), ("pattern", "pattern")] {
            if let value = schema.member(key).flatMap(\.text) { parts.append("\(label) \(value)") }
        }
        for (low, high, unit) in [("minLength", "maxLength", " characters"), ("minimum", "maximum", ""), ("minItems", "maxItems", " items")] {
            switch (schema.member(low).flatMap(number), schema.member(high).flatMap(number)) {
            case let (min?, max?): parts.append(min == max ? "exactly \(min)\(unit)" : "\(min)–\(max)\(unit)")
            case let (min?, nil): parts.append("≥ \(min)\(unit)")
            case let (nil, max?): parts.append("≤ \(max)\(unit)")
            case (nil, nil): break
            }
        }
        if let values = schema.member("enum").flatMap(\.items) { parts.append("one of " + values.compactMap(\.text).joined(separator: ", ")) }
        if schema.member("uniqueItems") == .bool(true) { parts.append("no duplicates") }
        if let item = schema.member("items"), item.member("properties") == nil { parts.append("items: " + describe(item)) }
        if let description = schema.member("description").flatMap(\.text) { parts.append(description) }
        return parts.joined(separator: "; ")
    }

    private static func number(_ value: JSONValue) -> String? {
        switch value {
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .number(let text): text
        default: nil
        }
    }
}
