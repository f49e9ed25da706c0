internal import CCurl

/// The bytes curl uploads as the SMTP `DATA`, read in chunks by `mailCurlRead`.
final class CurlUploadSource {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }
}

// curl calls these on the sender thread, from inside `curl_easy_perform`. They are nonisolated global functions,
// not closure literals, so no actor isolation is inferred for them (FIELD-NOTES §3 row 4).

/// `CURLOPT_READFUNCTION`: copies the next chunk of the message; 0 at the end.
func mailCurlRead(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                  _ userdata: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let userdata else { return 0 }
    let source = Unmanaged<CurlUploadSource>.fromOpaque(userdata).takeUnretainedValue()
    let length = min(size * count, source.bytes.count - source.offset)
    guard length > 0 else { return 0 }
    source.bytes.withUnsafeBytes { raw in
        UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + source.offset, byteCount: length)
    }
    source.offset += length
    return length
}

/// `CURLOPT_XFERINFOFUNCTION`: non-zero aborts the transfer, which happens when the process is stopping.
func mailCurlProgress(_ userdata: UnsafeMutableRawPointer?, _ downloadTotal: curl_off_t, _ downloaded: curl_off_t,
                      _ uploadTotal: curl_off_t, _ uploaded: curl_off_t) -> Int32 {
    guard let userdata else { return 0 }
    return Unmanaged<MailSenderControl>.fromOpaque(userdata).takeUnretainedValue().abortRequested ? 1 : 0
}
