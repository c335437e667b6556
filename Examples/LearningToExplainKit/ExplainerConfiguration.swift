import _ExampleSupport

/// The settings of one explainer: its k-subset, networks, training method and optimiser.
///
/// ```swift
/// let configuration = ExplainerConfiguration(k: 8, method: try SelectionMethod(parsing: "aimle-central"))
/// var explainer = try PatchExplainer(configuration: configuration)
/// ```
public struct ExplainerConfiguration: Sendable, Hashable, Codable {
    /// Patches selected per image.
    public var k: Int
    /// How the selector is trained through the k-subset.
    public var method: SelectionMethod
    /// The patch grid over the images.
    public var grid: PatchGrid
    /// Classes the classifier tells apart.
    public var classes: Int
    /// Hidden units of the selector (pixels–h–patches) and of the classifier (pixels–h–classes).
    public var hiddenUnits: Int
    /// ρ(ε) of the perturb-and-MAP methods.
    public var noise: PerturbationNoise
    /// τ of the perturbation θ + τε of the perturb-and-MAP methods.
    public var temperature: Float
    /// Selections per image in training for the perturb-and-MAP methods (S).
    public var samples: Int
    /// Adam's step for both networks.
    public var learningRate: Float
    /// The seed of initialisation and noise.
    public var seed: UInt64

    /// A configuration; the defaults are the example's: Fashion-MNIST's 7 × 7 patches of
    /// 4 × 4 pixels, 10 classes, 200 hidden units, Sum-of-Gamma noise at τ = 1, one sample,
    /// Adam with PyTorch's default step 10⁻³ (the AIMLE paper trains with Adam's defaults).
    public init(k: Int, method: SelectionMethod, grid: PatchGrid = .fashionMNIST, classes: Int = 10, hiddenUnits: Int = 200,
                noise: PerturbationNoise = .sumOfGammaMatchingK, temperature: Float = 1, samples: Int = 1,
                learningRate: Float = 1e-3, seed: UInt64 = 1) {
        self.k = k
        self.method = method
        self.grid = grid
        self.classes = classes
        self.hiddenUnits = hiddenUnits
        self.noise = noise
        self.temperature = temperature
        self.samples = samples
        self.learningRate = learningRate
        self.seed = seed
    }

    /// Checks the settings that ``KSubsetSelection`` and the networks do not check themselves.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) naming the first bad setting.
    func validate() throws(ExampleError) {
        guard classes >= 2 else { throw ExampleError("the classifier needs at least 2 classes (got \(classes))") }
        guard hiddenUnits >= 1 else { throw ExampleError("the networks need at least one hidden unit (got \(hiddenUnits))") }
        guard samples >= 1 else { throw ExampleError("training needs at least one selection per image (got \(samples))") }
        guard temperature.isFinite, temperature >= 0 else {
            throw ExampleError("the perturbation temperature must be finite and ≥ 0 (got \(temperature))")
        }
        guard learningRate.isFinite, learningRate > 0 else {
            throw ExampleError("the learning rate must be finite and positive (got \(learningRate))")
        }
    }
}
