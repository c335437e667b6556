extension Array<Float> {
    /// Sets `self[j] = transform(first[j], second[j])` for every index j of `self`.
    ///
    /// The layer's per-row loops (perturbing θ, stepping along ∂L/∂z) run inside generic,
    /// unspecialised code, where subscripting arrays keeps per-element bounds checks and the
    /// loops stay scalar; over buffers whose common length bounds the loop they vectorise.
    /// - Precondition: both sources hold at least `count` values.
    @inline(__always)
    mutating func assign(_ first: UnsafeBufferPointer<Float>, _ second: UnsafeBufferPointer<Float>,
                         _ transform: (Float, Float) -> Float) {
        precondition(first.count >= count && second.count >= count, "a source row is shorter than the result")
        withUnsafeMutableBufferPointer { output in
            for j in 0 ..< Swift.min(output.count, first.count, second.count) {
                output[j] = transform(first[j], second[j])
            }
        }
    }

    /// Calls `body` with the values in `range` as a buffer indexed from 0.
    @inline(__always)
    func withValues<Result>(in range: Range<Int>, _ body: (UnsafeBufferPointer<Float>) -> Result) -> Result {
        withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
