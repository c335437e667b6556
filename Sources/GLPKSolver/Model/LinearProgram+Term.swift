extension LinearProgram {
    /// A coefficient of one variable in a ``LinearProgram/Constraint``.
    public struct Term: Sendable, Hashable {
        /// The index of the variable in ``LinearProgram/variables``.
        public var variable: Int
        /// Its coefficient.
        public var coefficient: Double

        /// A term `coefficient · z[variable]`.
        public init(_ variable: Int, _ coefficient: Double) {
            self.variable = variable
            self.coefficient = coefficient
        }
    }
}
