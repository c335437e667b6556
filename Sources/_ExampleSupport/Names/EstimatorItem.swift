import DifferentiableSolvers

/// One estimator or method item of an example's command line, `name[:number[:number]]`, and
/// the examples' one way of reading it: an example first matches its own methods — names
/// that are not package estimators, such as the discrete VAE's `exact` or LearningToExplain's
/// `l2x:T` — and hands every other item to the package's parser,
/// `EstimatorDescription(parsing:)` (or `EstimatorDescription.Family(named:)` when the
/// example takes the numbers from its own options).
///
/// ```swift
/// let item = EstimatorItem("l2x:0.5")
/// if item.name == "l2x" { let temperature = try item.positiveNumbers(atMost: 1) }
/// else { let estimator = try item.packageEstimator(otherwise: "l2x[:T]") }
/// ```
public struct EstimatorItem: Sendable, Hashable, CustomStringConvertible {
    /// The item as written.
    public let text: String
    /// The part before the first `:`.
    public let name: String
    /// The parts after the name, one per `:` (empty strings included).
    public let arguments: [String]

    /// Splits an item at its colons.
    public init(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        self.text = text
        name = parts[0]
        arguments = Array(parts.dropFirst())
    }

    /// Whether the item carries numbers after its name.
    public var hasArguments: Bool { !arguments.isEmpty }

    /// The item as written.
    public var description: String { text }

    /// The numbers after the name, for an example's own method.
    ///
    /// - Parameter maximum: How many numbers the method takes at most.
    /// - Returns: The numbers, each finite and positive.
    /// - Throws: ``ExampleError`` (`.invalidArgument`) naming the item for more than `maximum`
    ///   numbers or one that is not finite and positive.
    public func positiveNumbers(atMost maximum: Int) throws(ExampleError) -> [Double] {
        guard arguments.count <= maximum else {
            throw ExampleError("estimator '\(text)': \(name) takes at most \(maximum) number\(maximum == 1 ? "" : "s")")
        }
        var numbers: [Double] = []
        for part in arguments {
            guard let number = Double(part), number.isFinite, number > 0 else {
                throw ExampleError("estimator '\(text)': '\(part)' is not a finite positive number")
            }
            numbers.append(number)
        }
        return numbers
    }

    /// The package estimator the item describes, numbers included, as
    /// `EstimatorDescription(parsing:)` reads it.
    ///
    /// - Parameter others: The example's own names, added to the message for an unknown name,
    ///   e.g. `"gsm[:T], exact"`; empty for none.
    /// - Throws: ``ExampleError`` (`.invalidArgument`) with the package parser's message.
    public func packageEstimator(otherwise others: String) throws(ExampleError) -> EstimatorDescription {
        do { return try EstimatorDescription(parsing: text) } catch { throw Self.refusal(error, others: others) }
    }

    /// The package estimator family the item's name names, for an example that takes the
    /// estimator's numbers from its own options, as `EstimatorDescription.Family(named:)` reads it.
    ///
    /// - Parameters:
    ///   - others: The example's own names, added to the message for an unknown name.
    ///   - numbersFrom: Where the example takes the numbers from, for the message that refuses
    ///     an item with numbers, e.g. `"--lambda and --aimle-target"`.
    /// - Throws: ``ExampleError`` (`.invalidArgument`) for an unknown name or an item with numbers.
    public func packageFamily(otherwise others: String, numbersFrom: String) throws(ExampleError) -> EstimatorDescription.Family {
        let family: EstimatorDescription.Family
        do { family = try EstimatorDescription.Family(named: name) } catch {
            throw ExampleError("unknown estimator '\(text)'; use one of \(others)")
        }
        guard !hasArguments else {
            throw ExampleError("estimator '\(text)': this example takes the numbers from \(numbersFrom); write '\(name)'")
        }
        return family
    }

    private static func refusal(_ error: LayerError, others: String) -> ExampleError {
        ExampleError(others.isEmpty ? error.message : "\(error.message); or \(others)")
    }
}

/// A type an example's command line names estimators with: its own methods, if any, and the
/// package's estimators, read from an ``EstimatorItem``.
///
/// Conforming commands make the type a ``ListArgument`` whose `values(parsing:)` calls
/// ``init(parsing:)-(String)``, so that a refused item is reported with what was expected.
///
/// ```swift
/// extension VAEEstimator: EstimatorVocabulary {
///     public init(parsing item: EstimatorItem) throws(ExampleError) { … }
/// }
/// let estimator = try VAEEstimator(parsing: "aimle-forward:10")
/// ```
public protocol EstimatorVocabulary {
    /// Reads one item.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) naming the item and what was expected.
    init(parsing item: EstimatorItem) throws(ExampleError)
}

extension EstimatorVocabulary {
    /// Reads one item as written, e.g. `aimle-central:10`.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) naming the item and what was expected.
    public init(parsing text: String) throws(ExampleError) {
        try self.init(parsing: EstimatorItem(text))
    }
}

/// The examples' one way of reading noise names: `NoiseDescription(parsing:)`, the package's
/// parser, with its error as an ``ExampleError``.
///
/// ```swift
/// let noise = try NoiseName.parse("sog")   // .sumOfGammaMatchingK(iterations: 10)
/// ```
public enum NoiseName {
    /// Reads a noise name: `none`, `gumbel`, `normal`, `sum-of-gamma[:K[:T]]` or `sog[:K[:T]]`.
    ///
    /// - Throws: ``ExampleError`` (`.invalidArgument`) with the package parser's message.
    public static func parse(_ text: String) throws(ExampleError) -> NoiseDescription {
        do { return try NoiseDescription(parsing: text) } catch { throw ExampleError(error.message) }
    }
}
