import App
import AppCore
import Foundation
import HTTPCore
import MariaDB
import TestSupport
import Testing
@testable import Monitor

/// Monitor with `STORAGE_BACKEND=s3` (issue 18) against the local S3 server's files bucket: evidence, forms,
/// deletes and the backup go through the bucket and never touch the evidence directory. Claim numbers are random:
/// the bucket outlives each harness's database.
@Suite("Monitor stored files in S3", .serialized)
struct StorageS3Tests {
    static func harness(cloud: Bool = false) throws -> MonitorHarness {
        try MonitorHarness(extra: try StorageTestServer.extra().merging(cloud ? try CloudTestServer.extra() : [:]) { $1 },
                           cloudStore: cloud ? CurlS3Client.factory : nil, fileStore: CurlS3Client.storageFactory)
    }

    /// A fresh expediente with a random claim number in `h`, the module's evidence storage and the tokens.
    static func expediente(_ h: MonitorHarness) throws -> (storage: EvidenceStorage, tokens: Rec.Tokens, no: String) {
        let no = "SIN-S3-" + Hashing.randomHex(bytes: 6)
        let tokens = try Rec.Tokens(h)
        try Rec.expediente(h, no)
        return (h.module.environment.evidenceStorage, tokens, no)
    }

    @Test("an upload lands in the bucket at its ruta (public-read, as nginx fetches it), never on disk; its delete removes the object")
    func uploadAndDelete() throws {
        let h = try Self.harness()
        let (storage, tokens, no) = try Self.expediente(h)
        let created = EvidenciaTests.upload(h, no, token: tokens.operador, data: EvidenciaTests.photo)
        #expect(created.status == 201, "\(created.text)")
        let ruta = try #require(created.json?["ruta"]?.stringValue)
        #expect(ruta.hasPrefix("/evidencias/\(storage.folderName(for: no))/") && ruta.hasSuffix(".jpg"))
        let key = String(ruta.dropFirst())
        #expect(try storage.files.get(key) == EvidenciaTests.photo)
        #expect(PlainHTTP.get(try StorageTestServer.publicURL(key)).map { [$0.status: $0.body] } == [200: EvidenciaTests.photo])
        #expect(Rec.evidenceFiles(h).isEmpty && Rec.uploadFiles(h).isEmpty, "\(Rec.evidenceFiles(h)) \(Rec.uploadFiles(h))")

        let id = try #require(Rec.int(created.json?["id"]))
        #expect(h.call(.delete, "/api/expedientes/\(no)/evidencias/\(id)", token: tokens.administrador).status == 200)
        #expect(try storage.files.get(key) == nil)
        #expect(PlainHTTP.get(try StorageTestServer.publicURL(key))?.status != 200)
    }

    @Test("a form is stored in the bucket under FORMATOS/ (not public) and its download is the stored bytes; cancel and delete empty the folder")
    func formatosAndFolders() throws {
        let h = try Self.harness()
        let (storage, tokens, no) = try Self.expediente(h)
        let download = h.call(.get, "/api/formatos/\(no)", token: tokens.tecnico)
        #expect(download.status == 200)
        let key = storage.formatoKey(for: no, name: "EXPEDIENTE_\(no).xlsx")
        #expect(try storage.files.get(key) == download.body)
        #expect(download.body.prefix(2) == [0x50, 0x4B])
        #expect(PlainHTTP.get(try StorageTestServer.publicURL(key))?.status == 403)
        #expect(EvidenciaTests.upload(h, no, token: tokens.operador).status == 201)
        #expect(try storage.keys(of: no).count == 2)

        #expect(h.call(.delete, "/api/expedientes/\(no)/evidencias", token: tokens.administrador).status == 200)
        #expect(try storage.keys(of: no).isEmpty)
        #expect(h.call(.get, "/api/formatos/\(no)", token: tokens.tecnico).status == 200)
        #expect(h.call(.delete, "/api/expedientes/\(no)", token: tokens.administrador).status == 200)
        #expect(try storage.keys(of: no).isEmpty)
    }

    @Test("respaldar in s3 mode copies every object to the backup bucket, points the rows at it, then removes the stored copies")
    func backup() throws {
        let h = try Self.harness(cloud: true)
        let (storage, tokens, no) = try Self.expediente(h)
        let data: [UInt8] = Array("s3 evidence".utf8) + (0..<5_000).map { UInt8($0 % 241) }
        let ruta = try BackupTests.evidencia(h, no, token: tokens.operador, data: data)
        _ = try h.connection.execute("UPDATE expediente SET estado = 'Salida' WHERE no_siniestro = \(no)")
        let done = h.call(.post, "/api/expedientes/\(no)/evidencias/respaldar", token: tokens.operador)
        #expect(done.status == 200, "\(done.text)")
        #expect(Rec.int(done.json?["subidas"]) == 2)  // the evidencia and the EXPEDIENTE form
        #expect(try BackupTests.rows(h, no).map { [$0.ruta, $0.ubicacion] } == [[String(ruta.dropFirst()), "Nube"]])
        #expect(try CloudTestServer.object(String(ruta.dropFirst())) == data)
        #expect(try storage.keys(of: no).isEmpty, "the stored copies go once the backup holds them")
    }

    @Test("with the backup in the storage's own bucket, respaldar marks the rows Nube and keeps the one copy")
    func backupIntoTheSameBucket() throws {
        let files = try StorageTestServer.settings()
        let h = try MonitorHarness(extra: try StorageTestServer.extra().merging(try CloudTestServer.extra()) { $1 }
            .merging(["MONITOR_S3_BUCKET": files.bucket]) { $1 },
                                   cloudStore: CurlS3Client.factory, fileStore: CurlS3Client.storageFactory)
        let (storage, tokens, no) = try Self.expediente(h)
        let ruta = try BackupTests.evidencia(h, no, token: tokens.operador, data: [1, 2, 3])
        _ = try h.connection.execute("UPDATE expediente SET estado = 'Salida' WHERE no_siniestro = \(no)")
        #expect(h.call(.post, "/api/expedientes/\(no)/evidencias/respaldar", token: tokens.operador).status == 200)
        #expect(try BackupTests.rows(h, no).map(\.ubicacion) == ["Nube"])
        #expect(try storage.files.get(String(ruta.dropFirst())) == [1, 2, 3])
    }

    @Test("STORAGE_BACKEND: local by default, s3 needs its settings, anything else is refused")
    func settings() throws {
        func read(_ values: [String: String]) throws -> StorageSettings {
            try StorageSettings.read(Environment(module: .monitor, values: values))
        }
        #expect(try read([:]) == .local)
        #expect(try read(["MONITOR_STORAGE_BACKEND": "local"]) == .local)
        #expect(try read(try StorageTestServer.extra()) == .s3(try StorageTestServer.settings()))
        #expect(throws: ConfigurationError.self) { try read(["STORAGE_BACKEND": "s3"]) }
        #expect(throws: ConfigurationError.self) { try read(["STORAGE_BACKEND": "s3", "STORAGE_S3_ENDPOINT": "http://x"]) }
        #expect(throws: ConfigurationError.self) { try read(["STORAGE_BACKEND": "ftp"]) }
        #expect(throws: ConfigurationError.self) {
            _ = try MonitorHarness(extra: try StorageTestServer.extra())  // s3 without a client to reach it
        }
    }
}
