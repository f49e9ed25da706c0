import AppCore

/// The stored-files bucket of the local S3 server `scripts/test` starts (issue 18): `VENTANILLA_TEST_S3_*` with
/// `VENTANILLA_TEST_S3_FILES_BUCKET`, whose `evidencias/` and `files/` prefixes allow anonymous GET and HEAD.
public enum StorageTestServer {
    /// The bucket's settings.
    public static func settings() throws -> S3Settings {
        S3Settings(endpoint: try TestEnvironment.require("VENTANILLA_TEST_S3_ENDPOINT"),
                   region: try TestEnvironment.require("VENTANILLA_TEST_S3_REGION"),
                   bucket: try TestEnvironment.require("VENTANILLA_TEST_S3_FILES_BUCKET"),
                   accessKeyID: try TestEnvironment.require("VENTANILLA_TEST_S3_ACCESS_KEY_ID"),
                   secretAccessKey: try TestEnvironment.require("VENTANILLA_TEST_S3_SECRET_ACCESS_KEY"))
    }

    /// The module settings that keep a module's files in that bucket (`STORAGE_BACKEND=s3`).
    public static func extra() throws -> [String: String] {
        let s3 = try settings()
        return ["STORAGE_BACKEND": "s3", "STORAGE_S3_ENDPOINT": s3.endpoint, "STORAGE_S3_REGION": s3.region,
                "STORAGE_S3_BUCKET": s3.bucket, "STORAGE_S3_ACCESS_KEY_ID": s3.accessKeyID,
                "STORAGE_S3_SECRET_ACCESS_KEY": s3.secretAccessKey]
    }

    /// The anonymous URL of `key` (what nginx proxies to).
    public static func publicURL(_ key: String) throws -> String {
        try settings().objectURL(key)
    }
}
