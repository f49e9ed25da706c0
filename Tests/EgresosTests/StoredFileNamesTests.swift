import Foundation
import HTTPCore
import MariaDB
import Testing
import TestSupport
@testable import Egresos

/// Ruling E8: every stored file name carries 128 random bits, `{collection}/v1/{id}/{field}-{32 hex}.{ext}`, so
/// a file URL cannot be guessed; a replaced file is removed from disk after the COMMIT.
@Suite("Egresos stored file names (E8)", .serialized)
struct StoredFileNamesTests {
    /// The row's stored path of `column` in `table` row `id`.
    static func storedPath(_ harness: EgresosHarness, _ table: String, _ column: String, id: Int) throws -> String? {
        try harness.row("SELECT \(column) AS p FROM \(table) WHERE id = \(id)")?.optionalString("p")
    }

    /// Whether `path` is exactly `{collection}/v1/{id}/{field}-{32 lower-case hex}.{ext}`.
    static func isRandomName(_ path: String?, _ collection: String, _ id: Int, _ field: String, _ ext: String) -> Bool {
        guard let path, let regex = try? Regex("^\(collection)/v1/\(id)/\(field)-[0-9a-f]{32}\\.\(ext)$") else { return false }
        return path.wholeMatch(of: regex) != nil
    }

    @Test("created and updated files get random names; the URL names the stored path; two uploads, two names; the old one is gone")
    func staffUploads() throws {
        let harness = try EgresosHarness(caller: "admin")
        let created = harness.multipart(.post, "/api/v1/customers", fields: [("name", "Pepsico"), ("payment_conditions", "60")],
                                        files: [("picture", "Logo.PNG", Images.png)])
        #expect(created.status == 201)
        let id = egInt(created.json?["customer"]?["id"]) ?? 0
        let first = try Self.storedPath(harness, "customers", "picture_path", id: id)
        #expect(Self.isRandomName(first, "customers", id, "picture", "png"))
        #expect(created.json?["customer"]?["picture"]?.stringValue == EgresosHarness.baseURL + "/" + (first ?? ""))
        #expect(harness.storedFiles() == [first])

        // The same field again, same extension: a new name, and the old file is removed.
        #expect(harness.multipart(.put, "/api/v1/customers/\(id)", files: [("picture", "otro.png", Images.png)]).status == 204)
        let second = try Self.storedPath(harness, "customers", "picture_path", id: id)
        #expect(Self.isRandomName(second, "customers", id, "picture", "png"))
        #expect(second != first)
        #expect(harness.storedFiles() == [second])
        #expect(!FileManager.default.fileExists(atPath: harness.filesRoot + "/" + (first ?? "")))

        // Brands and suppliers (create and update) follow the same layout.
        let brand = harness.multipart(.post, "/api/v1/customers/1/brands", fields: [("name", "Victoria")],
                                      files: [("picture", "v.JPG", Images.jpeg)])
        let brandID = egInt(brand.json?["brand"]?["id"]) ?? 0
        #expect(Self.isRandomName(try Self.storedPath(harness, "brands", "picture_path", id: brandID), "brands", brandID, "picture", "jpg"))
        #expect(harness.multipart(.put, "/api/v1/brands/1", files: [("picture", "b.jpeg", Images.jpeg)]).status == 201)
        #expect(Self.isRandomName(try Self.storedPath(harness, "brands", "picture_path", id: 1), "brands", 1, "picture", "jpeg"))
        #expect(harness.multipart(.put, "/api/v1/suppliers/1", fields: [
            ("company_name", "Proveedor Uno"), ("contact_name", "Luis Perez"), ("email", "proveedor@example.com"),
            ("phone", "5512345670"), ("business_activity", "Fotografia"),
        ], files: [("picture", "p.png", Images.png)]).status == 204)
        #expect(Self.isRandomName(try Self.storedPath(harness, "suppliers", "picture_path", id: 1), "suppliers", 1, "picture", "png"))
        #expect(harness.storedNames() == [
            "brands/v1/1/picture-{random}.jpeg", "brands/v1/\(brandID)/picture-{random}.jpg",
            "customers/v1/\(id)/picture-{random}.png", "suppliers/v1/1/picture-{random}.png",
        ])
    }

    @Test("supplier documents: the account status file and the bill get random names; a re-upload removes the old file")
    func supplierUploads() throws {
        let harness = try EgresosHarness()
        let token = harness.supplierToken()
        var paths: [String] = []
        for name in ["estado.pdf", "estado2.pdf"] {
            let saved = harness.multipart(.post, "/api/v1/suppliers/billing", files: [("account_status_file", name, Array("%PDF-1.4".utf8))],
                                          token: token)
            #expect(saved.status == 201)
            let path = try Self.storedPath(harness, "billings", "account_status_file_path", id: 1) ?? ""
            #expect(Self.isRandomName(path, "billings", 1, "account_status_file", "pdf"))
            #expect(saved.json?["account_status_file"]?.stringValue == EgresosHarness.baseURL + "/" + path)
            paths.append(path)
        }
        #expect(paths[0] != paths[1])
        #expect(harness.storedFiles() == [paths[1]])

        let schedule = try harness.paymentSchedule(quotationStatus: 3)
        for name in ["factura.pdf", "factura.pdf"] {
            let uploaded = harness.multipart(.post, "/api/v1/suppliers/payment_schedules/\(schedule)",
                                             files: [("billing_file", name, Array("%PDF-1".utf8))], token: token)
            #expect(uploaded.status == 200)
        }
        let bill = try Self.storedPath(harness, "payment_schedules", "billing_file_path", id: schedule)
        #expect(Self.isRandomName(bill, "paymentschedules", schedule, "billing_file", "pdf"))
        #expect(harness.storedFiles() == [paths[1], bill ?? ""].sorted())
    }
}
