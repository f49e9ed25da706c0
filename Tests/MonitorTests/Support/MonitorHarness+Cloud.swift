import App
import AppCore
import Foundation
import HTTPCore
import TestSupport
import Testing
@testable import Monitor

/// The local S3 server `scripts/test` starts (scripts/lib/s3_server.py: moto behind a SigV4-checking front).
enum CloudTestServer {
    /// Its settings, from `VENTANILLA_TEST_S3_*`.
    static func settings() throws -> S3Settings {
        S3Settings(endpoint: try TestEnvironment.require("VENTANILLA_TEST_S3_ENDPOINT"),
                   region: try TestEnvironment.require("VENTANILLA_TEST_S3_REGION"),
                   bucket: try TestEnvironment.require("VENTANILLA_TEST_S3_BUCKET"),
                   accessKeyID: try TestEnvironment.require("VENTANILLA_TEST_S3_ACCESS_KEY_ID"),
                   secretAccessKey: try TestEnvironment.require("VENTANILLA_TEST_S3_SECRET_ACCESS_KEY"))
    }

    /// The module settings that point Monitor at it.
    static func extra() throws -> [String: String] {
        let s3 = try settings()
        return ["MONITOR_S3_ENDPOINT": s3.endpoint, "MONITOR_S3_REGION": s3.region, "MONITOR_S3_BUCKET": s3.bucket,
                "MONITOR_S3_ACCESS_KEY_ID": s3.accessKeyID, "MONITOR_S3_SECRET_ACCESS_KEY": s3.secretAccessKey]
    }

    /// The server's own clock (its `Date` header, whole seconds): presigned URLs are judged by it.
    static func now() throws -> Int64 {
        let reply = try #require(PlainHTTP.get(try settings().endpoint + "/"))
        return try #require(reply.headers["date"].flatMap(PlainHTTP.instant(httpDate:)))
    }

    /// The bytes of object `key`, fetched through a URL presigned at the server's time; nil when it does not answer 200.
    static func object(_ key: String) throws -> [UInt8]? {
        let url = S3Presigner(settings: try settings()).presignedGET(key, at: try now(), expires: 60)
        let reply = try #require(PlainHTTP.get(url))
        return reply.status == 200 ? reply.body : nil
    }
}

extension MonitorHarness {
    /// A harness whose module backs up to the local S3 server through `store` (libcurl's client by default).
    convenience init(cloud store: @escaping CloudBackup.StoreFactory, extra: [String: String] = [:]) throws {
        try self.init(extra: try CloudTestServer.extra().merging(extra) { $1 }, cloudStore: store)
    }

    /// Moves the harness's clock to the S3 server's, so the URLs the module presigns are judged fresh there.
    func syncClockWithCloud() throws {
        let offset = try CloudTestServer.now() - clock.nowMilliseconds()
        clock.advance(seconds: Int(offset / 1_000))
    }
}
