extension LinearProgram {
    /// A decision variable: its kind, its bounds and an optional name.
    ///
    /// ```swift
    /// let x = LinearProgram.Variable.binary("take item 3")
    /// let y = LinearProgram.Variable.continuous(bounds: .nonNegative)
    /// ```
    public struct Variable: Sendable, Hashable {
        /// An optional name (model files provide the column name).
        public var name: String?
        /// Which values the variable may take.
        public var kind: VariableKind
        /// The variable's bounds (0...1 for a binary variable).
        public var bounds: Bounds

        /// Creates a variable.
        ///
        /// - Parameters:
        ///   - name: an optional name.
        ///   - kind: continuous, integer or binary.
        ///   - bounds: the bounds; a binary variable needs 0...1, an integer variable
        ///     integral (or infinite) bounds.
        public init(name: String? = nil, kind: VariableKind, bounds: Bounds) {
            self.name = name
            self.kind = kind
            self.bounds = bounds
        }

        /// A 0/1 variable.
        public static func binary(_ name: String? = nil) -> Variable {
            Variable(name: name, kind: .binary, bounds: .between(0, 1))
        }

        /// An integer variable, non-negative unless told otherwise.
        public static func integer(_ name: String? = nil, bounds: Bounds = .nonNegative) -> Variable {
            Variable(name: name, kind: .integer, bounds: bounds)
        }

        /// A continuous variable, non-negative unless told otherwise.
        public static func continuous(_ name: String? = nil, bounds: Bounds = .nonNegative) -> Variable {
            Variable(name: name, kind: .continuous, bounds: bounds)
        }
    }
}
