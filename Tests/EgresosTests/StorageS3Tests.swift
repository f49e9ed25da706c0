import App
import AppCore
import Foundation
import HTTPCore
import Logging
import TestSupport
import Testing
@testable import Egresos

/// Egresos with `STORAGE_BACKEND=s3` (issue 18) against the local S3 server's files bucket: uploads are stored after
/// the commit as `files/<path>`, a replaced file is removed, the E8 migration renames through the bucket, and
/// nothing lands under FILES_ROOT.
@Suite("Egresos stored files in S3", .serialized)
struct StorageS3Tests {
    static func harness(caller: EgresosHarness.Caller = "empleado") throws -> EgresosHarness {
        try EgresosHarness(caller: caller, extra: try StorageTestServer.extra(), fileStore: CurlS3Client.storageFactory)
    }

    /// The bucket key of a URL the module answered.
    static func key(_ url: String?) throws -> String {
        let url = try #require(url)
        #expect(url.hasPrefix(EgresosHarness.baseURL + "/"))
        return "files/" + url.dropFirst(EgresosHarness.baseURL.count + 1)
    }

    @Test("a customer picture is stored in the bucket (public-read), a replacement removes the old object, FILES_ROOT stays empty")
    func uploadAndReplace() throws {
        let harness = try Self.harness()
        let storage = harness.module.egresos.storage
        let name = "S3 " + Hashing.randomHex(bytes: 6)
        let created = harness.multipart(.post, "/api/v1/customers", fields: [("name", name), ("payment_conditions", "30")],
                                        files: [("picture", "Logo.PNG", Images.png)])
        #expect(created.status == 201, "\(created.text)")
        let id = egInt(created.json?["customer"]?["id"]) ?? 0
        let first = try Self.key(created.json?["customer"]?["picture"]?.stringValue)
        #expect(EgresosHarness.masked(String(first.dropFirst(6))) == "customers/v1/\(id)/picture-{random}.png")
        #expect(try storage.get(first) == Images.png)
        #expect(PlainHTTP.get(try StorageTestServer.publicURL(first)).map { [$0.status: $0.body] } == [200: Images.png])

        let replaced = harness.multipart(.put, "/api/v1/customers/\(id)", files: [("picture", "b.jpg", Images.jpeg)], as: "admin")
        #expect(replaced.status == 204, "\(replaced.text)")
        let path = try #require(try StoredFileNamesTests.storedPath(harness, "customers", "picture_path", id: id))
        #expect(try storage.get("files/" + path) == Images.jpeg)
        #expect(try storage.get(first) == nil)
        #expect(harness.storedFiles().isEmpty, "\(harness.storedFiles())")
        try storage.delete(["files/" + path])
    }

    @Test("the E8 migration renames an old-style object through the bucket: bytes kept, old name gone, rerun a no-op")
    func migration() throws {
        let harness = try Self.harness()
        let storage = harness.module.egresos.storage
        let old = "customers/v1/1/picture.png"
        try harness.execute("UPDATE customers SET picture_path = '\(old)' WHERE id = 1")
        try storage.put("files/" + old, bytes: Images.png)
        let report = try harness.module.migrateStoredFiles(connection: harness.database.connection, logger: Logger(label: "eg"))
        #expect(report.renamed == 1 && report.missing == 0)
        let path = try #require(try StoredFileNamesTests.storedPath(harness, "customers", "picture_path", id: 1))
        #expect(FileStore.isRandomized(path, collection: "customers", id: 1, field: "picture"))
        #expect(try storage.get("files/" + path) == Images.png)
        #expect(try storage.get("files/" + old) == nil)
        let again = try harness.module.migrateStoredFiles(connection: harness.database.connection, logger: Logger(label: "eg"))
        #expect(again.renamed == 0 && again.alreadyRandom >= 1)
        try storage.delete(["files/" + path])
    }
}
