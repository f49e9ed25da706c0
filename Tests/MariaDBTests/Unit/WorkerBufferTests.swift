@testable import MariaDB
import Testing

/// A worker keeps its connection's statements, and each statement its parameter and result buffers, for the life
/// of the process: a buffer that grew for one outsized value must shrink back once that value has been used, or
/// every worker that once served a large row keeps its size resident (issue 16: ≤ 60 MB per module).
@Suite("Per-worker statement buffers shrink back after an outsized value")
struct WorkerBufferTests {
    private static let outsized = 4 * 1024 * 1024

    @Test("a result column grown for a large value returns to its initial size once the result set is read")
    func resultColumnShrinksBack() {
        let buffers = ResultBuffers(layout: [ResultColumn(name: "id", kind: .signed),
                                             ResultColumn(name: "body", kind: .text),
                                             ResultColumn(name: "photo", kind: .blob)])
        buffers.grow(1, to: Self.outsized)
        buffers.grow(2, to: Self.outsized / 2)
        #expect(buffers.capacity(ofColumn: 1) >= Self.outsized)

        #expect(buffers.releaseOversizedBuffers())
        #expect(buffers.capacity(ofColumn: 0) == SQLColumnKind.signed.initialCapacity)
        #expect(buffers.capacity(ofColumn: 1) == SQLColumnKind.text.initialCapacity)
        #expect(buffers.capacity(ofColumn: 2) == SQLColumnKind.blob.initialCapacity)
    }

    @Test("a column grown within the retained size keeps its buffer for the next rows")
    func modestGrowthIsKept() {
        let buffers = ResultBuffers(layout: [ResultColumn(name: "name", kind: .text)])
        buffers.grow(0, to: 4096)
        #expect(!buffers.releaseOversizedBuffers())
        #expect(buffers.capacity(ofColumn: 0) == 4096)
        #expect(ResultBuffers.retainedCapacity <= 64 * 1024)
    }

    @Test("parameter storage grown for a large value is released after the execution")
    func parameterStorageShrinksBack() {
        let parameters = ParameterBuffers(count: 2)
        parameters.fill(with: [.int(7), .blob(Array(repeating: 0xAB, count: Self.outsized))])
        #expect(parameters.storageCapacity >= Self.outsized)

        parameters.releaseOversizedStorage()
        #expect(parameters.storageCapacity <= ParameterBuffers.retainedCapacity)
        // An ordinary execution afterwards fits the retained storage.
        parameters.fill(with: [.int(8), .text("ordinary")])
        #expect(parameters.storageCapacity <= ParameterBuffers.retainedCapacity)
    }
}
