import HTTPCore

/// The HTML reference at `GET /docs` (T10), generated from the same operations as the OpenAPI document, so it
/// needs no script or CDN: one self-contained page (the shared `HTMLReference` skeleton, Transporte's own sections
/// from its field kinds).
enum DocsPage {
    static func html(_ operations: [APIOperation]) -> String {
        HTMLReference.page(
            language: "es", title: "Ventanilla Transporte: API", heading: "Ventanilla Transporte",
            intro: """
                <p>Respuestas <code>{"success", "message", "data"}</code>; errores <code>{"success": false, "message", "data": null,
                "errors": [{"field", "message"}]}</code>. Autenticación: <code>POST /auth/login</code> y luego
                <code>Authorization: Bearer &lt;access_token&gt;</code>. Documento OpenAPI 3.1: <a href="/openapi.json">/openapi.json</a>.</p>
                """,
            items: operations, tag: \.tag, section: section)
    }

    private static func section(_ op: APIOperation) -> String {
        var html = "<section><div><span class=\"m\">\(op.method.rawValue)</span><code>\(escape(op.path))</code> "
            + "<small>\(escape(access(op.access)))</small></div><div>\(escape(op.summary))</div>"
        let query = op.parameters.filter { $0.location == "query" }
        if !query.isEmpty {
            html += "<div>Parámetros: " + query.map { "<code>\(escape($0.name))</code>" }.joined(separator: ", ") + "</div>"
        }
        if let body = op.body {
            html += "<table><tr><th>campo</th><th>tipo</th><th>obligatorio</th></tr>"
            for field in body {
                html += row(field.key, field.kind, required: field.required && !op.partial)
            }
            for list in op.bodyLists {
                html += "<tr><td><code>\(escape(list.key))</code></td><td>lista (mínimo \(list.minItems))</td><td>\(list.minItems > 0 && !op.partial ? "sí" : "")</td></tr>"
                for field in list.fields {
                    html += row("\(list.key)[].\(field.key)", field.kind, required: field.required)
                }
            }
            html += "</table>"
        }
        let errors = op.errors.map(String.init).joined(separator: ", ")
        return html + "<div><small>\(op.success.status) «\(escape(op.success.message))»\(errors.isEmpty ? "" : "; errores: \(errors)")</small></div></section>"
    }

    private static func row(_ name: String, _ kind: FieldKind, required: Bool) -> String {
        "<tr><td><code>\(escape(name))</code></td><td>\(escape(describe(kind)))</td><td>\(required ? "sí" : "")</td></tr>"
    }

    private static func describe(_ kind: FieldKind) -> String {
        switch kind {
        case .integer(let range): return "entero" + (range.lowerBound >= 0 && range.lowerBound < 2 ? " ≥ \(range.lowerBound)" : "")
        case .decimal(let range): return "número \(range.lowerBound)…\(range.upperBound)"
        case .text(let minLength, let maxLength): return minLength > 1 ? "texto \(minLength)-\(maxLength)" : "texto ≤ \(maxLength)"
        case .code(let maxLength): return "código ≤ \(maxLength), sin espacios"
        case .upperText(let maxLength): return "texto ≤ \(maxLength), se guarda en mayúsculas"
        case .plate(let maxLength): return "placa ≤ \(maxLength): letras, dígitos, guiones y espacios; se guarda en mayúsculas y sin espacios"
        case .boolean: return "booleano"
        case .date: return "fecha YYYY-MM-DD"
        case .time: return "hora HH:MM[:SS]"
        case .dateTime: return "fecha y hora local YYYY-MM-DDTHH:MM[:SS]"
        }
    }

    private static func access(_ access: APIOperation.Access) -> String {
        switch access {
        case .open: return "público"
        case .authenticated: return "token"
        case .roles(let roles): return "token; roles " + (["ADMIN"] + roles.filter { $0 != .admin }.map(\.rawValue)).joined(separator: ", ")
        }
    }

    private static func escape(_ text: String) -> String { HTMLReference.escape(text) }
}
