import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// Fixtures and checks shared by the records suites (evidencias, levantamientos, checklist, comentarios).
enum Rec {
    /// Who calls: no token, or a user of a role.
    enum Caller: CaseIterable, CustomStringConvertible {
        case anonymous, tecnico, operador, administrador

        var description: String {
            switch self {
            case .anonymous: "sin token"
            case .tecnico: "Tecnico"
            case .operador: "Operador"
            case .administrador: "Administrador"
            }
        }
    }

    /// What a route requires.
    enum Auth { case token, adminOrOperator, admin }

    /// Tokens of one user per role.
    struct Tokens {
        let tecnico: String
        let operador: String
        let administrador: String
        let adminID: Int

        init(_ h: MonitorHarness) throws {
            tecnico = try h.user(.tecnico).token
            operador = try h.user(.operador).token
            let admin = try h.user(.administrador)
            administrador = admin.token
            adminID = admin.id
        }

        func token(_ caller: Caller) -> String? {
            switch caller {
            case .anonymous: nil
            case .tecnico: tecnico
            case .operador: operador
            case .administrador: administrador
            }
        }
    }

    /// Calls a route as every caller: no token is 401 `Token requerido`, a role the route refuses is its 403, an
    /// allowed role gets `success`. `prepare` builds the path (and fixtures) afresh for each call.
    static func checkAuth(_ h: MonitorHarness, _ tokens: Tokens, _ method: HTTPMethod, auth: Auth, success: Int,
                          json: String? = nil, body: (bytes: [UInt8], contentType: String)? = nil,
                          sourceLocation: SourceLocation = #_sourceLocation,
                          prepare: () throws -> String) throws {
        for caller in Caller.allCases {
            let path = try prepare()
            let response = body.map { h.call(method, path, token: tokens.token(caller), body: $0.bytes, contentType: $0.contentType) }
                ?? h.call(method, path, json: json, token: tokens.token(caller))
            let expected: (Int, String?)
            switch (caller, auth) {
            case (.anonymous, _): expected = (401, "Token requerido")
            case (.tecnico, .adminOrOperator): expected = (403, "Acceso restringido a administradores y operadores")
            case (.tecnico, .admin), (.operador, .admin): expected = (403, "Acceso restringido a administradores")
            default: expected = (success, nil)
            }
            #expect(response.status == expected.0, "\(method) \(path) as \(caller): \(response.text)", sourceLocation: sourceLocation)
            if let message = expected.1 {
                #expect(response.error == message, "\(method) \(path) as \(caller)", sourceLocation: sourceLocation)
            }
        }
    }

    /// Inserts an expediente directly.
    static func expediente(_ h: MonitorHarness, _ noSiniestro: String, estado: String = "Ingreso", ubicacion: String = "Local") throws {
        _ = try h.connection.execute("""
            INSERT INTO expediente (no_siniestro, marca, estado, ubicacion_almacenamiento) VALUES (\(noSiniestro), 'Toyota', \(estado), \(ubicacion))
            """)
    }

    /// A multipart/form-data body: each part a text field (`filename` nil) or a file.
    static func multipart(_ parts: [(name: String, filename: String?, data: [UInt8])],
                          boundary: String = "----RecordsBoundary7MA4YWxk") -> (bytes: [UInt8], contentType: String) {
        var body: [UInt8] = []
        for part in parts {
            var head = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.name)\""
            if let filename = part.filename { head += "; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream" }
            head += "\r\n\r\n"
            body += Array(head.utf8) + part.data + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return (body, "multipart/form-data; boundary=\(boundary)")
    }

    /// Every regular file under `directory` (recursively), as paths.
    static func files(under directory: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return [] }
        var result: [String] = []
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = directory + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result.append(path)
            }
        }
        return result
    }

    /// The evidence files on disk.
    static func evidenceFiles(_ h: MonitorHarness) -> [String] { files(under: h.directory + "/evidencias") }

    /// Temporary upload files left behind.
    static func uploadFiles(_ h: MonitorHarness) -> [String] { files(under: h.directory + "/uploads") }

    /// An integer member.
    static func int(_ input: Input?) -> Int? {
        if case .number(let text)? = input { return Int(text) }
        return nil
    }

    /// An array member (empty when not an array).
    static func array(_ input: Input?) -> [Input] {
        if case .array(let elements)? = input { return elements }
        return []
    }

    /// A boolean member.
    static func bool(_ input: Input?) -> Bool? {
        if case .bool(let flag)? = input { return flag }
        return nil
    }

    /// Whether the member is present and JSON null.
    static func isNull(_ input: Input?) -> Bool {
        if case .null? = input { return true }
        return false
    }

    /// The keys of an object, in order.
    static func keys(_ input: Input?) -> [String] { input?.objectValue?.keys ?? [] }

    /// A JSON string of `count` ASCII letters.
    static func longString(_ count: Int) -> String { String(repeating: "x", count: count) }

    /// Bodies no JSON endpoint may answer with a 5xx or act on: malformed, not an object, invalid UTF-8, too big.
    static let badBodies: [(name: String, bytes: [UInt8], contentType: String)] = [
        ("malformed JSON", Array("{\"a\":".utf8), "application/json"),
        ("trailing garbage", Array("{} x".utf8), "application/json"),
        ("array body", Array("[1,2]".utf8), "application/json"),
        ("string body", Array("\"x\"".utf8), "application/json"),
        ("invalid UTF-8", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], "application/json"),
        ("10 MB string", Array("{\"x\":\"".utf8) + [UInt8](repeating: 0x61, count: 10_000_000) + Array("\"}".utf8), "application/json"),
        ("XML", Array("<a/>".utf8), "application/xml"),
        ("truncated multipart", Array("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nabc".utf8), "multipart/form-data; boundary=b"),
    ]
}
