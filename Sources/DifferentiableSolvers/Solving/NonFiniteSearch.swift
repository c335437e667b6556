/// The index of the first NaN or infinite value of `values`, if any.
///
/// One pass over the bit patterns that the compiler vectorises: a value is not finite
/// exactly when its exponent bits are all ones, i.e. when adding one unit to the exponent
/// field carries into the sign bit. Only a buffer that has such a value is searched again
/// for its position, so the common, all-finite case costs about an instruction per value
/// instead of a closure call.
@inline(__always)
func firstNonFiniteIndex(in values: UnsafeBufferPointer<Float>) -> Int? {
    var carries: UInt32 = 0
    for value in values { carries |= (value.bitPattern & 0x7F80_0000) &+ 0x0080_0000 }
    guard carries & 0x8000_0000 != 0 else { return nil }
    return values.firstIndex { !$0.isFinite }
}

extension Array<Float> {
    /// The index of the first NaN or infinite value in `range`, if any (see
    /// ``firstNonFiniteIndex(in:)``).
    @inline(__always)
    func firstNonFiniteIndex(in range: Range<Int>) -> Int? {
        withUnsafeBufferPointer { buffer in
            DifferentiableSolvers.firstNonFiniteIndex(in: UnsafeBufferPointer(rebasing: buffer[range])).map { $0 + range.lowerBound }
        }
    }
}
