/// A matrix of per-sample rows read as B instances × S samples × n entries, so that no
/// estimator computes offsets by hand.
///
/// The noise and the sampled states of a tape have one row per sample ((B · S) × n, the
/// samples of instance b at rows b·S ..< (b+1)·S); so has ∂L/∂z for per-sample output. For
/// mean output ∂L/∂z̄ has one row per instance, which every sample of it shares
/// (``sharedAcrossSamples``).
///
/// ```swift
/// let upstream = SampleMatrix(dLdz, sampleCount: 10)
/// upstream[row: 2, sample: 3]              // the n entries of sample 3 of instance 2
/// upstream[row: 2, sample: 3, column: 0]   // one entry
/// ```
public struct SampleMatrix: Sendable {
    /// The entries, row after row.
    public let values: [Float]
    /// The number of instances B.
    public let batchSize: Int
    /// The number of samples S per instance.
    public let sampleCount: Int
    /// The number of entries n per sample.
    public let width: Int
    /// Whether the samples of an instance share one row (a mean output's ∂L/∂z̄).
    public let sharedAcrossSamples: Bool

    /// Reads `matrix` as B × S × n: (B · S) rows, or B rows shared by the samples.
    ///
    /// - Parameters:
    ///   - matrix: the rows.
    ///   - sampleCount: S (at least 1).
    ///   - sharedAcrossSamples: whether `matrix` has one row per instance instead of one per sample.
    public init(_ matrix: Matrix, sampleCount: Int, sharedAcrossSamples: Bool = false) {
        let count = max(sampleCount, 1)
        values = matrix.values
        self.sampleCount = count
        width = matrix.columns
        batchSize = sharedAcrossSamples ? matrix.rows : matrix.rows / count
        self.sharedAcrossSamples = sharedAcrossSamples
    }

    /// The index in ``values`` of the first entry of sample `s` of instance `b`.
    @inlinable
    public func offset(row b: Int, sample s: Int) -> Int {
        sharedAcrossSamples ? b * width : (b * sampleCount + s) * width
    }

    /// The indices in ``values`` of sample `s` of instance `b`.
    @inlinable
    public func range(row b: Int, sample s: Int) -> Range<Int> {
        let start = offset(row: b, sample: s)
        return start ..< start + width
    }

    /// The n entries of sample `s` of instance `b`.
    public subscript(row b: Int, sample s: Int) -> ArraySlice<Float> { values[range(row: b, sample: s)] }

    /// Entry `j` of sample `s` of instance `b`.
    @inlinable
    public subscript(row b: Int, sample s: Int, column j: Int) -> Float { values[offset(row: b, sample: s) + j] }

    /// The rows as a matrix.
    public var matrix: Matrix {
        Matrix(rows: sharedAcrossSamples ? batchSize : batchSize * sampleCount, columns: width, values: values)
    }
}
