/// What a forward pass recorded for its backward pass: θ, the noise, and the sampled states.
///
/// A tape belongs to the layer (and the layer's copies) that made it, named by ``layer``;
/// giving it to another layer's `backward` is a ``LayerError`` of kind `.foreignTape`.
public struct SolverTape: Sendable {
    /// The identity of the layer that recorded the tape.
    public let layer: LayerIdentity
    /// The parameters θ of the forward pass (B × n).
    public let theta: Matrix
    /// The raw, unscaled noise ε of every sample ((B · S) × n); the backward pass reuses it.
    public let noise: Matrix
    /// The sampled states z = MAP(θ + τ·ε) of every sample ((B · S) × n).
    public let samples: Matrix
    /// The number of samples S per row.
    public let sampleCount: Int
    /// The output mode of the forward pass.
    public let output: SampleOutput
    /// The layer step at which the forward pass ran.
    public let step: UInt64

    /// The number of rows B of θ.
    public var batchSize: Int { theta.rows }

    /// The sampled states as B instances × S samples × n entries.
    public var sampleStates: SampleMatrix { SampleMatrix(samples, sampleCount: sampleCount) }

    /// The noise ε as B instances × S samples × n entries.
    public var sampleNoise: SampleMatrix { SampleMatrix(noise, sampleCount: sampleCount) }
}
