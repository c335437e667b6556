import DifferentiableSolvers

extension LinearProgram {
    /// GLPK indexes rows and columns with `Int32` and reserves index 0.
    static let maximumDimension = Int(Int32.max) - 1

    /// Checks everything GLPK would otherwise reject (or abort on), so that no invalid
    /// argument ever reaches the library.
    ///
    /// - Throws: `SolverError` of kind `.invalidStructure` saying what is wrong and where.
    func validate() throws(SolverError) {
        guard !variables.isEmpty else {
            throw SolverError(.invalidStructure, "the linear program has no variables")
        }
        guard variables.count <= Self.maximumDimension, constraints.count <= Self.maximumDimension else {
            throw SolverError(.invalidStructure,
                              "GLPK handles at most \(Self.maximumDimension) variables and constraints")
        }
        guard objective.count == variables.count else {
            throw SolverError(.invalidStructure,
                              "the objective has \(objective.count) coefficients for \(variables.count) variables")
        }
        if let bad = objective.firstIndex(where: { !$0.isFinite }) {
            throw SolverError(.invalidStructure, "objective coefficient \(bad) is \(objective[bad])", index: bad)
        }
        for (index, variable) in variables.enumerated() {
            try variable.validate(index: index)
        }
        var seen = [Int](repeating: -1, count: variables.count)
        for (row, constraint) in constraints.enumerated() {
            try constraint.validate(row: row, variableCount: variables.count, lastSeenInRow: &seen)
        }
    }
}

extension LinearProgram.Variable {
    func validate(index: Int) throws(SolverError) {
        let label = "variable \(index)" + (name.map { " (\($0))" } ?? "")
        if let problem = bounds.inconsistency {
            throw SolverError(.invalidStructure, "\(label) has inconsistent bounds: \(problem)", index: index)
        }
        switch kind {
        case .continuous:
            break
        case .binary:
            guard bounds == .between(0, 1) else {
                throw SolverError(.invalidStructure,
                                  "\(label) is binary but has bounds \(bounds.lower)...\(bounds.upper); use .integer for other ranges",
                                  index: index)
            }
        case .integer:
            for bound in [bounds.lower, bounds.upper] where bound.isFinite && bound.rounded() != bound {
                throw SolverError(.invalidStructure, "\(label) is integer but has the fractional bound \(bound)",
                                  index: index)
            }
        }
    }
}

extension LinearProgram.Constraint {
    /// - Parameter lastSeenInRow: scratch of one entry per variable holding the last row
    ///   that mentioned it, to find duplicates in linear time.
    func validate(row: Int, variableCount: Int, lastSeenInRow: inout [Int]) throws(SolverError) {
        let label = "constraint \(row)" + (name.map { " (\($0))" } ?? "")
        if let problem = bounds.inconsistency {
            throw SolverError(.invalidStructure, "\(label) has inconsistent bounds: \(problem)")
        }
        for term in terms {
            guard (0..<variableCount).contains(term.variable) else {
                throw SolverError(.invalidStructure,
                                  "\(label) refers to variable \(term.variable), outside 0..<\(variableCount)",
                                  index: term.variable)
            }
            guard term.coefficient.isFinite else {
                throw SolverError(.invalidStructure,
                                  "\(label) has the coefficient \(term.coefficient) for variable \(term.variable)",
                                  index: term.variable)
            }
            guard lastSeenInRow[term.variable] != row else {
                throw SolverError(.invalidStructure,
                                  "\(label) mentions variable \(term.variable) twice; add the coefficients instead",
                                  index: term.variable)
            }
            lastSeenInRow[term.variable] = row
        }
    }
}
