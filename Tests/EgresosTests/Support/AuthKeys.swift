import AppCore
import Foundation
import HTTPCore

/// Keys made once per test process: the local pair (PEM, no `kid`), a JWKS pair (`kid` "key-1") and strangers.
enum AuthKeys {
    static let issuer = "https://ventanilla.test/"
    static let audience = "https://egresos.test"
    static let otherAudience = "spa-client-id"
    static let supplierSecret = "supplier-secret-for-the-auth-tests"

    static let local = try! RS256Signer.generated()
    static let jwks = try! RS256Signer.generated(keyID: "key-1")
    static let stranger = try! RS256Signer.generated()
    static let strangerWithKid = try! RS256Signer.generated(keyID: "key-9")

    /// A directory holding the key files.
    static let directory: String = {
        let path = NSTemporaryDirectory() + "egauth-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try! local.publicKeyPEM.write(toFile: path + "/public.pem", atomically: true, encoding: .utf8)
        try! local.privateKeyPEM.write(toFile: path + "/private.pem", atomically: true, encoding: .utf8)
        try! stranger.privateKeyPEM.write(toFile: path + "/stranger.pem", atomically: true, encoding: .utf8)
        let document = JSONValue.object([("keys", .array([try! jwks.jwk()]))])
        try! String(decoding: JSONWriter.encode(document), as: UTF8.self).write(toFile: path + "/jwks.json", atomically: true, encoding: .utf8)
        return path
    }()

    static var publicKeyFile: String { directory + "/public.pem" }
    static var privateKeyFile: String { directory + "/private.pem" }
    static var strangerKeyFile: String { directory + "/stranger.pem" }
    static var jwksFile: String { directory + "/jwks.json" }

    /// The Egresos settings of the tests: issuer, two audiences, the PEM key and (with `jwks`) the JWKS file.
    static func values(jwks: Bool = false) -> [String: String] {
        var values = ["AUTH0_ISSUER": issuer, "AUTH0_AUDIENCES": "\(audience), \(otherAudience)",
                      "AUTH0_PUBLIC_KEY_FILE": publicKeyFile, "AUTH0_PRIVATE_KEY_FILE": privateKeyFile,
                      "SUPPLIER_JWT_SECRET": supplierSecret, "UPLOAD_DIR": NSTemporaryDirectory() + "egauth-uploads"]
        if jwks { values["AUTH0_JWKS_FILE"] = jwksFile }
        return values
    }
}
