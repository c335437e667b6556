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
