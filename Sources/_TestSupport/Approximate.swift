/// Approximate equality for floating-point test assertions.
public func isApproximatelyEqual(_ a: Double, _ b: Double, relative: Double = 1e-6, absolute: Double = 1e-9) -> Bool {
    abs(a - b) <= max(absolute, relative * max(abs(a), abs(b)))
}

/// Element-wise approximate equality of two arrays of equal length.
public func isApproximatelyEqual(_ a: [Float], _ b: [Float], absolute: Float = 1e-5) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= absolute }
}
