/// A row-major `Float` buffer that the workers of ``parallelChunks(count:parallelism:_:)``
/// fill in place, each through the rows of its own chunk.
///
/// Batched passes used to build one array per chunk and concatenate them; writing every row
/// straight into the result saves the per-chunk allocations, their zeroing and the final
/// copy. The buffer is only valid inside ``RowBuffer/make(rows:width:_:)``, and chunks own
/// disjoint rows, which is what makes sharing it between threads sound.
struct RowBuffer: @unchecked Sendable {
    private let base: UnsafeMutableBufferPointer<Float>
    /// The number of values per row.
    let width: Int

    /// Values `columns` of row `row`.
    @inline(__always)
    func slice(row: Int, columns: Range<Int>) -> UnsafeMutableBufferPointer<Float> {
        UnsafeMutableBufferPointer(rebasing: base[row * width + columns.lowerBound ..< row * width + columns.upperBound])
    }

    /// The values of row `row`.
    @inline(__always)
    func row(_ row: Int) -> UnsafeMutableBufferPointer<Float> { slice(row: row, columns: 0..<width) }

    /// An array of `rows` × `width` values, every one of which `fill` must write; it is not
    /// zeroed first. When `fill` throws, the array is discarded.
    static func make<Failure: Error>(rows: Int, width: Int, _ fill: (RowBuffer) throws(Failure) -> Void) throws(Failure) -> [Float] {
        var failure: Failure?
        let values = [Float](unsafeUninitializedCapacity: rows * width) { buffer, initialized in
            // Float is a trivial type: initialising is writing.
            do throws(Failure) {
                try fill(RowBuffer(base: buffer, width: width))
                initialized = rows * width
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return values
    }
}
