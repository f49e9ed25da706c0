/// How much body a module accepts and where streamed file parts go.
public struct BodyLimits: Sendable, Equatable {
    /// The largest body the module reads at all (multipart uploads included), in bytes.
    public var maxBody: Int
    /// The largest body parsed in memory (JSON and urlencoded), in bytes.
    public var maxBufferedBody: Int
    /// The largest single file part of a multipart body, in bytes.
    public var maxFileSize: Int
    /// The most parts (fields and files) a multipart body may carry.
    public var maxParts: Int
    /// Where multipart file parts are streamed while a request runs.
    public var uploadDirectory: String

    /// Limits from their parts.
    public init(maxBody: Int, maxBufferedBody: Int, maxFileSize: Int, maxParts: Int = 256, uploadDirectory: String) {
        self.maxBody = maxBody
        self.maxBufferedBody = maxBufferedBody
        self.maxFileSize = maxFileSize
        self.maxParts = maxParts
        self.uploadDirectory = uploadDirectory
    }
}
