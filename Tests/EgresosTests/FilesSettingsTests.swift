import AppCore
import Foundation
import Testing
@testable import Egresos

/// `FILES_ROOT` and `FILES_BASE_URL` (egresos.md §11, §14).
@Suite("Egresos files settings")
struct FilesSettingsTests {
    func settings(_ changes: [String: String?]) throws -> EgresosSettings {
        var values = AuthKeys.values()
        for (key, value) in changes { values[key] = value }
        return try EgresosSettings(environment: Environment(module: .egresos, values: values))
    }

    @Test("defaults: UPLOAD_DIR/files and the local stack's URL; a trailing slash is dropped; EGRESOS_ prefix")
    func defaults() throws {
        let plain = try settings(["UPLOAD_DIR": "/srv/up"])
        #expect(plain.filesRoot == "/srv/up/files")
        #expect(plain.filesBaseURL == "http://127.0.0.1:8082/files")
        let set = try settings(["FILES_ROOT": "/srv/files", "EGRESOS_FILES_BASE_URL": "https://api.example/files//"])
        #expect(set.filesRoot == "/srv/files")
        #expect(set.filesBaseURL == "https://api.example/files")
        #expect(FileStore(storage: set.storage, baseURL: set.filesBaseURL).url("customers/v1/2/picture.png")
            == "https://api.example/files/customers/v1/2/picture.png")
    }

    @Test("FILES_BASE_URL must be an absolute http(s) URL")
    func refused() {
        #expect(throws: ConfigurationError.self) { try settings(["FILES_BASE_URL": "/files"]) }
    }
}
