import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// `/api/expedientes/:no_siniestro/evidencias` (monitor.md §4.6, §6.2; rulings M7, 1, 2) against a real database
/// and a real evidence directory.
@Suite("Monitor evidencias", .serialized)
struct EvidenciaTests {
    static let photo: [UInt8] = Array("JPEG-bytes-\u{00e9}".utf8) + (0..<2_000).map { UInt8($0 % 251) }

    static func upload(_ h: MonitorHarness, _ noSiniestro: String, token: String?, tipo: String? = nil,
                       filename: String = "foto frontal.JPG", data: [UInt8] = photo) -> TestResponse {
        var parts: [(name: String, filename: String?, data: [UInt8])] = []
        if let tipo { parts.append(("tipo", nil, Array(tipo.utf8))) }
        parts.append(("archivo", filename, data))
        let body = Rec.multipart(parts)
        return h.call(.post, "/api/expedientes/\(noSiniestro)/evidencias", token: token, body: body.bytes, contentType: body.contentType)
    }

    @Test("Upload, list, delete: the row, the file on disk under an unguessable name, and the exact delete message")
    func roundTrip() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-EV-1")

        let created = Self.upload(h, "SIN-EV-1", token: tokens.operador, tipo: "documento")
        #expect(created.status == 201, "\(created.text)")
        let json = try #require(created.json)
        #expect(Rec.keys(json) == ["id", "no_siniestro", "tipo", "nombre_archivo", "ruta", "fecha_carga",
                                   "ubicacion_almacenamiento", "subido_por"])
        #expect(json["tipo"]?.stringValue == "documento")
        #expect(json["nombre_archivo"]?.stringValue == "foto frontal.JPG")
        #expect(json["ubicacion_almacenamiento"]?.stringValue == "Local")
        #expect(json["no_siniestro"]?.stringValue == "SIN-EV-1")
        let ruta = try #require(json["ruta"]?.stringValue)
        let storage = EvidenceStorage(root: h.directory + "/evidencias")
        #expect(ruta.hasPrefix("/evidencias/\(storage.folderName(for: "SIN-EV-1"))/"))
        let storedName = String(ruta.split(separator: "/").last ?? "")
        #expect(storedName.count == 36 && storedName.hasSuffix(".jpg"), "\(storedName)")
        #expect(!ruta.contains("foto"))
        let path = try #require(storage.path(forRuta: ruta))
        #expect(FileManager.default.contents(atPath: path).map(Array.init) == Self.photo)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        #expect(Rec.uploadFiles(h).isEmpty)
        let fecha = try #require(json["fecha_carga"]?.stringValue)
        #expect(fecha.hasSuffix("Z") && fecha.count == 24)

        let second = Self.upload(h, "SIN-EV-1", token: tokens.administrador, filename: "../../etc/passwd")
        #expect(second.status == 201)
        #expect(second.json?["tipo"]?.stringValue == "evidencia")
        #expect(second.json?["nombre_archivo"]?.stringValue == "../../etc/passwd")
        let secondRuta = try #require(second.json?["ruta"]?.stringValue)
        #expect(storage.path(forRuta: secondRuta) != nil)
        #expect(Rec.evidenceFiles(h).count == 2)

        let list = h.call(.get, "/api/expedientes/SIN-EV-1/evidencias", token: tokens.tecnico)
        #expect(list.status == 200)
        let rows = Rec.array(list.json)
        #expect(rows.count == 2)
        #expect(Rec.keys(rows.first) == ["id", "no_siniestro", "tipo", "nombre_archivo", "ruta", "url_nube", "key_nube",
                                         "ubicacion_almacenamiento", "fecha_carga"])
        #expect(Rec.int(rows.first?["id"]) == Rec.int(second.json?["id"]), "newest first")
        for row in rows {
            #expect(Rec.isNull(row["url_nube"]))
            #expect(row["key_nube"]?.stringValue == row["ruta"]?.stringValue)
        }

        let id = try #require(Rec.int(json["id"]))
        let deleted = h.call(.delete, "/api/expedientes/SIN-EV-1/evidencias/\(id)", token: tokens.administrador)
        #expect(deleted.status == 200)
        #expect(deleted.text == #"{"ok":true,"mensaje":"Carpeta del expediente foto frontal.JPG eliminada completamente","carpetaEliminada":"foto frontal.JPG"}"#)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(try h.count("SELECT COUNT(*) FROM evidencia") == 1)
        #expect(Rec.evidenceFiles(h).count == 1)

        let again = h.call(.delete, "/api/expedientes/SIN-EV-1/evidencias/\(id)", token: tokens.administrador)
        #expect(again.status == 404)
        #expect(again.error == "Evidencia no encontrada")
    }

    @Test("A row without a file name is deleted as 'archivo sin nombre'")
    func deleteWithoutName() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-EV-2")
        let id = try h.connection.execute("INSERT INTO evidencia (no_siniestro, ruta) VALUES ('SIN-EV-2', 'C:/old/x.jpg')").lastInsertID
        let deleted = h.call(.delete, "/api/expedientes/otro/evidencias/\(id)", token: tokens.administrador)
        #expect(deleted.status == 200)
        #expect(deleted.text == #"{"ok":true,"mensaje":"Carpeta del expediente archivo sin nombre eliminada completamente","carpetaEliminada":"archivo sin nombre"}"#)
    }

    @Test("DELETE …/evidencias/:id with a non-numeric id is 400 ID inválido", arguments: ["abc", "1.5", "0x10", "99999999999999999999"])
    func deleteInvalidID(id: String) throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        let response = h.call(.delete, "/api/expedientes/SIN/evidencias/\(id)", token: tokens.administrador)
        #expect(response.status == 400)
        #expect(response.error == "ID inválido")
    }

    @Test("Upload to an unknown expediente is 404 and stores nothing")
    func uploadUnknownExpediente() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        let response = Self.upload(h, "NO-EXISTE", token: tokens.administrador)
        #expect(response.status == 404)
        #expect(response.error == "Expediente no encontrado")
        #expect(try h.count("SELECT COUNT(*) FROM evidencia") == 0)
        #expect(Rec.evidenceFiles(h).isEmpty)
        #expect(Rec.uploadFiles(h).isEmpty)
    }

    @Test("Upload without a usable file is a 400 and writes nothing")
    func uploadBadBodies() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-EV-3")
        let path = "/api/expedientes/SIN-EV-3/evidencias"
        let cases: [(String, [UInt8]?, String?, String?)] = [
            ("no body", nil, nil, "No se recibió ningún archivo"),
            ("JSON body", Array(#"{"archivo":"x"}"#.utf8), "application/json", "No se recibió ningún archivo"),
            ("only tipo", Rec.multipart([("tipo", nil, Array("documento".utf8))]).bytes, Rec.multipart([]).contentType,
             "No se recibió ningún archivo"),
            ("archivo as text", Rec.multipart([("archivo", nil, Array("x".utf8))]).bytes, Rec.multipart([]).contentType,
             "No se recibió ningún archivo"),
            ("wrong field", Rec.multipart([("foto", "a.jpg", Self.photo)]).bytes, Rec.multipart([]).contentType,
             "El archivo debe enviarse en el campo 'archivo'"),
            ("two files", Rec.multipart([("archivo[]", "a.jpg", Self.photo), ("archivo[]", "b.jpg", Self.photo)]).bytes,
             Rec.multipart([]).contentType, "Solo se admite un archivo en el campo 'archivo'"),
            ("no boundary", Array("abc".utf8), "multipart/form-data", nil),
            ("truncated", Array(Rec.multipart([("archivo", "a.jpg", Self.photo)]).bytes.dropLast(40)), Rec.multipart([]).contentType, nil),
            ("garbage", Array("not multipart at all".utf8), Rec.multipart([]).contentType, nil),
            ("field not UTF-8", Rec.multipart([("tipo", nil, [0xC3, 0x28]), ("archivo", "a.jpg", Self.photo)]).bytes,
             Rec.multipart([]).contentType, nil),
            ("XML", Array("<a/>".utf8), "application/xml", nil),
        ]
        for (name, bytes, contentType, message) in cases {
            let response = h.call(.post, path, token: tokens.operador, body: bytes, contentType: contentType)
            #expect((400..<500).contains(response.status), "\(name): \(response.status) \(response.text)")
            if let message { #expect(response.error == message, "\(name)") }
            #expect(response.json?["error"] != nil, "\(name): \(response.text)")
        }
        let long = Self.upload(h, "SIN-EV-3", token: tokens.operador, filename: Rec.longString(256) + ".jpg")
        #expect(long.status == 400)
        #expect(try h.count("SELECT COUNT(*) FROM evidencia") == 0)
        #expect(Rec.evidenceFiles(h).isEmpty)
        #expect(Rec.uploadFiles(h).isEmpty)
    }

    @Test("A file over 50 MB is 413 and leaves nothing behind")
    func uploadTooLarge() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-EV-4")
        let response = Self.upload(h, "SIN-EV-4", token: tokens.operador,
                                   data: [UInt8](repeating: 7, count: EvidenciaService.maxFileSize + 1))
        #expect(response.status == 413)
        #expect(response.error == "El archivo excede el tamaño máximo permitido de 50 MB")
        let beyond = Self.upload(h, "SIN-EV-4", token: tokens.operador, data: [UInt8](repeating: 7, count: 53 * 1_048_576))
        #expect(beyond.status == 413)
        #expect(try h.count("SELECT COUNT(*) FROM evidencia") == 0)
        #expect(Rec.evidenceFiles(h).isEmpty)
        #expect(Rec.uploadFiles(h).isEmpty)
    }

    @Test("Cancel creation removes the expediente's folder and its local rows; 200 also when there is nothing")
    func cancelCreation() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-EV-5")
        try Rec.expediente(h, "SIN-EV-6")
        #expect(Self.upload(h, "SIN-EV-5", token: tokens.operador).status == 201)
        #expect(Self.upload(h, "SIN-EV-5", token: tokens.operador).status == 201)
        #expect(Self.upload(h, "SIN-EV-6", token: tokens.operador).status == 201)
        _ = try h.connection.execute("INSERT INTO evidencia (no_siniestro, ruta, ubicacion_almacenamiento) VALUES ('SIN-EV-5', 'evidencias/SIN-EV-5/x.jpg', 'Nube')")
        let response = h.call(.delete, "/api/expedientes/SIN-EV-5/evidencias", token: tokens.operador)
        #expect(response.status == 200)
        #expect(response.text == #"{"ok":true}"#)
        #expect(try h.count("SELECT COUNT(*) FROM evidencia WHERE no_siniestro = 'SIN-EV-5'") == 1, "the cloud row stays")
        #expect(try h.count("SELECT COUNT(*) FROM evidencia WHERE no_siniestro = 'SIN-EV-6'") == 1)
        let storage = EvidenceStorage(root: h.directory + "/evidencias")
        #expect(!FileManager.default.fileExists(atPath: storage.folder(for: "SIN-EV-5")))
        #expect(Rec.evidenceFiles(h).count == 1)
        let unknown = h.call(.delete, "/api/expedientes/NADA/evidencias", token: tokens.administrador)
        #expect(unknown.status == 200)
        #expect(unknown.text == #"{"ok":true}"#)
    }

    @Test("M17: an Operador cancels only while the expediente is in Ingreso (403, nothing removed); an Administrador always",
          arguments: ["Restauracion", "Pendiente_de_salida", "Salida"])
    func cancelPastIngreso(estado: String) throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-EV-9")
        #expect(Self.upload(h, "SIN-EV-9", token: tokens.operador).status == 201)
        _ = try h.connection.execute("UPDATE expediente SET estado = \(estado) WHERE no_siniestro = 'SIN-EV-9'")
        let folder = EvidenceStorage(root: h.directory + "/evidencias").folder(for: "SIN-EV-9")
        let refused = h.call(.delete, "/api/expedientes/SIN-EV-9/evidencias", token: tokens.operador)
        #expect(refused.status == 403)
        #expect(refused.error == "Solo un administrador puede eliminar las evidencias de un expediente fuera de Ingreso")
        #expect(try h.count("SELECT COUNT(*) FROM evidencia WHERE no_siniestro = 'SIN-EV-9'") == 1)
        #expect(FileManager.default.fileExists(atPath: folder))
        #expect(Rec.evidenceFiles(h).count == 1)
        let admin = h.call(.delete, "/api/expedientes/SIN-EV-9/evidencias", token: tokens.administrador)
        #expect(admin.status == 200)
        #expect(try h.count("SELECT COUNT(*) FROM evidencia WHERE no_siniestro = 'SIN-EV-9'") == 0)
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test("Uploads and deletes keep expediente.ubicacion_almacenamiento in sync (§6.2)")
    func ubicacionSync() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-EV-7", estado: "Salida", ubicacion: "Nube")
        _ = try h.connection.execute("INSERT INTO evidencia (no_siniestro, ruta, ubicacion_almacenamiento) VALUES ('SIN-EV-7', 'evidencias/SIN-EV-7/a.jpg', 'Nube')")
        let ubicacion = { try h.connection.queryFirst("SELECT ubicacion_almacenamiento AS u FROM expediente WHERE no_siniestro = 'SIN-EV-7'")?.string("u") }
        let created = Self.upload(h, "SIN-EV-7", token: tokens.operador)
        #expect(created.status == 201)
        #expect(try ubicacion() == "Local")
        let id = try #require(Rec.int(created.json?["id"]))
        #expect(h.call(.delete, "/api/expedientes/SIN-EV-7/evidencias/\(id)", token: tokens.administrador).status == 200)
        #expect(try ubicacion() == "Nube")
    }

    @Test("The upload uses the expediente's stored key, so the folder is the same whatever the path's trailing spaces")
    func canonicalKey() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-EV-8")
        let created = Self.upload(h, "SIN-EV-8 ", token: tokens.operador)
        #expect(created.status == 201, "\(created.text)")
        #expect(created.json?["no_siniestro"]?.stringValue == "SIN-EV-8")
        let storage = EvidenceStorage(root: h.directory + "/evidencias")
        #expect(created.json?["ruta"]?.stringValue?.hasPrefix("/evidencias/\(storage.folderName(for: "SIN-EV-8"))/") == true)
    }

    @Test("Every route × role: no token 401, refused roles 403, allowed roles 2xx")
    func authMatrix() throws {
        let h = try MonitorHarness()
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, "SIN-AUTH")
        let file = Rec.multipart([("archivo", "a.png", Self.photo)])
        try Rec.checkAuth(h, tokens, .post, auth: .adminOrOperator, success: 201, body: file) { "/api/expedientes/SIN-AUTH/evidencias" }
        try Rec.checkAuth(h, tokens, .get, auth: .token, success: 200) { "/api/expedientes/SIN-AUTH/evidencias" }
        try Rec.checkAuth(h, tokens, .delete, auth: .adminOrOperator, success: 200) { "/api/expedientes/SIN-AUTH/evidencias" }
        try Rec.checkAuth(h, tokens, .delete, auth: .admin, success: 200) {
            let id = try h.connection.execute("INSERT INTO evidencia (no_siniestro, nombre_archivo) VALUES ('SIN-AUTH', 'x')").lastInsertID
            return "/api/expedientes/SIN-AUTH/evidencias/\(id)"
        }
        #expect(Rec.uploadFiles(h).isEmpty)
    }
}
