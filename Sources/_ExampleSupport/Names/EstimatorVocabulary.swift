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
