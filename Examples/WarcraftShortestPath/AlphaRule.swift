import ArgumentParser

/// AIMLE's α rule as a pair of command-line flags (`--paper-alpha`, `--multiplicative-alpha`).
enum AlphaRule: String, EnumerableFlag {
    /// The paper's additive steps, η = 10⁻³.
    case paperAlpha
    /// Steps of 20 % from a floor of 0.01.
    case multiplicativeAlpha
}
