extension LinearProgram {
    /// One linear constraint `lower ≤ Σⱼ aⱼ z_{vⱼ} ≤ upper`, stored sparsely.
    ///
    /// ```swift
    /// // z₀ + z₂ = 1
    /// let exactlyOne = LinearProgram.Constraint(terms: [.init(0, 1), .init(2, 1)], bounds: .exactly(1))
    /// // 3z₀ + 4z₁ + 2z₂ ≤ 5, written densely (zeros are dropped)
    /// let capacity = LinearProgram.Constraint(dense: [3, 4, 2], bounds: .atMost(5))
    /// ```
    public struct Constraint: Sendable, Hashable {
        /// The non-zero coefficients; each variable appears at most once.
        public var terms: [Term]
        /// The bounds of the linear form.
        public var bounds: Bounds
        /// An optional name (model files provide the row name).
        public var name: String?

        /// A constraint from sparse terms.
        public init(terms: [Term], bounds: Bounds, name: String? = nil) {
            self.terms = terms
            self.bounds = bounds
            self.name = name
        }

        /// A constraint from a dense coefficient row (entry j multiplies variable j; zero
        /// entries are left out).
        public init(dense coefficients: [Double], bounds: Bounds, name: String? = nil) {
            self.init(terms: coefficients.indices.compactMap { j in
                coefficients[j] == 0 ? nil : Term(j, coefficients[j])
            }, bounds: bounds, name: name)
        }
    }
}
