import ArgumentParser
import LearningToExplainKit
import _ExampleSupport

/// The explainer's network and perturbation settings on the command line, and the
/// ``ExplainerConfiguration`` they make for each k and method.
struct ExplainerOptions: ParsableArguments {
    @Option(help: "Hidden units of the selector (784–h–49) and of the classifier (784–h–10).")
    var hidden = 200
    @Option(help: "Perturb-and-MAP selections per training image (L2X draws one relaxed selection).")
    var samples = 1
    @Option(help: "Noise of the perturb-and-MAP methods: sum-of-gamma or sog (Sum-of-Gamma with each run's k, 10 terms), gumbel, normal, none, or sum-of-gamma:K[:T].", transform: PerturbationNoise.init(parsing:))
    var noise = PerturbationNoise.sumOfGammaMatchingK
    @Option(help: "Temperature τ of the perturbation θ + τε of the perturb-and-MAP methods.")
    var temperature: Float = 1

    func validate() throws {
        try OptionCheck.check(hidden, option: "--hidden", in: 1 ... 4_096)
        try OptionCheck.check(samples, option: "--samples", in: 1 ... 1_000)
        try OptionCheck.check(temperature, option: "--temperature", in: 0 ... 1e3)
    }

    /// The configuration of an explainer of `k` patches trained with `method`.
    func configuration(k: Int, method: SelectionMethod, learningRate: Float, seed: UInt64) -> ExplainerConfiguration {
        ExplainerConfiguration(k: k, method: method, hiddenUnits: hidden, noise: noise, temperature: temperature,
                               samples: samples, learningRate: learningRate, seed: seed)
    }
}
