#if canImport(Glibc)
import Glibc
#endif
internal import CCurl

/// A file curl uploads as a request body, read in curl's chunks by `s3CurlFileRead` (never whole in memory).
final class CurlFileSource {
    let file: UnsafeMutablePointer<FILE>
    let size: Int

    /// The file at `path` opened for reading; nil when it cannot be opened or measured.
    init?(path: String) {
        guard let file = fopen(path, "rb") else { return nil }
        var status = stat()
        guard fstat(fileno(file), &status) == 0 else {
            fclose(file)
            return nil
        }
        self.file = file
        size = Int(status.st_size)
    }

    deinit {
        fclose(file)
    }
}

/// `CURLOPT_READFUNCTION` over a `CurlFileSource`: the next chunk; 0 at the end, `CURL_READFUNC_ABORT` on a read
/// error. A nonisolated global function, so no actor isolation is inferred for it (FIELD-NOTES §3 row 4).
func s3CurlFileRead(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                    _ userdata: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let userdata else { return 0 }
    let source = Unmanaged<CurlFileSource>.fromOpaque(userdata).takeUnretainedValue()
    let read = fread(buffer, 1, size * count, source.file)
    if read == 0 && ferror(source.file) != 0 { return Int(CURL_READFUNC_ABORT) }
    return read
}
