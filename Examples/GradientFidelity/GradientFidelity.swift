import ArgumentParser
import DifferentiableSolvers
import Foundation
import _ExampleSupport

/// Reproduces the synthetic gradient study of the AIMLE paper (Minervini et al. 2023,
/// Fig. 3 and Fig. 4): cosine similarity between estimated and exact gradients of
/// E[‖z − b‖²] for one-hot z, against the number of samples S and against IMLE's λ; and the
/// k-subset variant (n = 20, k = 10) of torch-adaptive-imle's gradient study, whose reference
/// is the gradient of the exponential family over k-subsets — not the distribution that
/// Gumbel top-k samples (Plackett–Luce without replacement), so it is labelled as such.
@main
struct GradientFidelity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Gradient fidelity of IMLE, AIMLE, STE and SFE against exact gradients (one-hot) and the exponential-family reference (k-subsets).")

    @Option(help: "Sizes n of the one-hot study (comma-separated).", transform: CommaSeparated.parse)
    var sizes: CommaSeparated<Int> = "10"
    @Option(help: "Sample counts S (comma-separated).", transform: CommaSeparated.parse)
    var samples: CommaSeparated<Int> = "1,10,100,1000"
    @Option(help: "Random problems (θ, b) per configuration; the paper uses 32.")
    var seeds: Int = 32
    @Option(help: "IMLE λ grid for the λ sweep at the largest S (comma-separated).", transform: CommaSeparated.parse)
    var lambdas: CommaSeparated<Double> = "0.1,0.25,0.5,1,2,3,4,5"
    @Option(help: "Warm-up passes for AIMLE with the paper's α rule (the reference uses 100).")
    var warmUp: Int = 100
    @Option(help: "Warm-up passes for AIMLE with multiplicative α steps.")
    var fastWarmUp: Int = 20
    @Flag(help: "Also run the k-subset variant (n = 20, k = 10), measured against the exponential family over k-subsets as torch-adaptive-imle's study does; Gumbel top-k samples a different distribution (Plackett–Luce without replacement).")
    var subset = false
    @OptionGroup var recipe: FullRecipeOptions<Defaults>
    @OptionGroup var destination: OutputOptions<Defaults>

    /// Where the study writes by default, and what --full runs.
    enum Defaults: OutputDefaults, RunDefaults {
        static let output = "out/gradient-fidelity"
        static let fullHelp = "The paper's full scale: n ∈ {10, 20, 30, 50}, S up to 10⁴, and the k-subset variant."
    }

    func validate() throws {
        try OptionCheck.check(seeds, option: "--seeds", in: 2 ... 100_000)
        try OptionCheck.check(warmUp, option: "--warm-up", in: 0 ... 1_000_000)
        try OptionCheck.check(fastWarmUp, option: "--fast-warm-up", in: 0 ... 1_000_000)
        try OptionCheck.check(sizes, option: "--sizes", in: 2 ... 1_000)
        try OptionCheck.check(samples, option: "--samples", in: 1 ... 100_000)
        try OptionCheck.check(lambdas, option: "--lambdas", in: 0 ... 1e6, exclusiveLowerBound: true)
    }

    func run() throws {
        let sampleCounts = recipe.full ? [1, 10, 100, 1000, 10_000] : samples.values
        var problems = (recipe.full ? [10, 20, 30, 50] : sizes.values).map {
            FidelityProblem(n: $0, k: 1, absoluteTarget: false)
        }
        if subset || recipe.full { problems.append(FidelityProblem(n: 20, k: 10, absoluteTarget: true)) }
        guard let largest = sampleCounts.max() else { throw ExampleError(option: "--samples", "needs at least one value") }
        let sweepSamples = sampleCounts.contains(1000) ? 1000 : largest
        let report = FidelityReport(directory: try OutputDirectory(destination.output))
        var all: [FidelityMeasurement] = []
        var tables = ""
        for problem in problems {
            let study = try FidelityStudy(problem: problem, seeds: seeds)
            let methods = Self.methods(warmUp: warmUp, fastWarmUp: fastWarmUp, blockSize: problem.n)
            let sweep = lambdas.values.flatMap { lambda in
                [DifferenceScheme.forward, .central].map { scheme in
                    FidelityMethod(name: "IMLE \(scheme.rawValue)", estimator: .imle(lambda: Float(lambda), scheme: scheme),
                                   warmUp: 0, lambda: lambda)
                }
            }
            let progress = ProgressBar(problem.title, total: seeds * (methods.count * sampleCounts.count + sweep.count))
            var bySamples: [FidelityMeasurement] = []
            for method in methods {
                for count in sampleCounts where count >= 2 || !method.needsSeveralSamples {
                    bySamples.append(try study.measure(method, samples: count, progress: progress))
                }
            }
            var byLambda: [FidelityMeasurement] = []
            for method in sweep { byLambda.append(try study.measure(method, samples: sweepSamples, progress: progress)) }
            progress.finish()
            let table = report.table(problem: problem, measurements: bySamples, sampleCounts: sampleCounts)
            print(table)
            tables += table
            try report.plotSamples(problem: problem, measurements: bySamples)
            try report.plotLambdas(problem: problem, sweep: byLambda, references: bySamples, samples: sweepSamples)
            all += bySamples + byLambda
        }
        try report.write(all)
        try report.directory.writeText(tables, to: "table.md")
        print("Wrote \(report.directory.url.path)/fidelity.{csv,json}, table.md and SVG plots.")
    }

    /// The methods of Fig. 3 (IMLE at λ = 1, AIMLE with the paper's and the fast α rule,
    /// STE, SFE), direct loss minimisation in both modes, and the perturbed optimiser.
    static func methods(warmUp: Int, fastWarmUp: Int, blockSize: Int) -> [FidelityMethod] {
        [
            FidelityMethod(name: "IMLE forward (λ = 1)", estimator: .imle(lambda: 1, scheme: .forward), warmUp: 0, lambda: 1),
            FidelityMethod(name: "IMLE central (λ = 1)", estimator: .imle(lambda: 1, scheme: .central), warmUp: 0, lambda: 1),
            FidelityMethod(name: "AIMLE forward", estimator: .aimle(scheme: .forward, adaptation: .paper), warmUp: warmUp, lambda: nil),
            FidelityMethod(name: "AIMLE central", estimator: .aimle(scheme: .central, adaptation: .paper), warmUp: warmUp, lambda: nil),
            FidelityMethod(name: "AIMLE forward, fast α", estimator: .aimle(scheme: .forward, adaptation: .multiplicative()),
                           warmUp: fastWarmUp, lambda: nil),
            FidelityMethod(name: "AIMLE central, fast α", estimator: .aimle(scheme: .central, adaptation: .multiplicative()),
                           warmUp: fastWarmUp, lambda: nil),
            FidelityMethod(name: "STE", estimator: .straightThrough, warmUp: 0, lambda: nil),
            FidelityMethod(name: "SFE", estimator: .scoreFunction, warmUp: 0, lambda: nil),
            FidelityMethod(name: "direct loss, first-order (ε = 1)",
                           estimator: .directLoss(.init(mode: .firstOrder, epsilon: .constant(1))), warmUp: 0, lambda: nil),
            FidelityMethod(name: "direct loss, exact (ε = 1)",
                           estimator: .directLoss(.init(mode: .exact(blockSize: blockSize), epsilon: .constant(1))),
                           warmUp: 0, lambda: nil),
            FidelityMethod(name: "perturbed optimiser (σ = 1)", estimator: .perturbedOptimizer(.init()), warmUp: 0, lambda: nil),
        ]
    }

}
