/// The files and the manifest lines `new-solver` writes.
struct Templates {
    let name: String
    let registryName: String

    var solver: String {
        #"""
        import DifferentiableSolvers

        /// A MAP oracle: returns the state z of its feasible set that maximises (or minimises)
        /// ⟨z, θ⟩.
        ///
        /// TODO: describe the problem, what θ means, what z encodes, and how ties are broken.
        ///
        /// ```swift
        /// let solver = \#(name)(variableCount: 3)
        /// let z = try solver.solve(row: [0.2, 1.5, -1])
        /// ```
        ///
        /// - Complexity: TODO, per row.
        public struct \#(name): MAPSolver {
            /// The length of θ and z.
            public let length: Int
            /// Whether ⟨z, θ⟩ is maximised or minimised.
            public let sense: OptimizationSense

            /// Creates the solver.
            ///
            /// - Parameters:
            ///   - variableCount: the length of θ and z (at least 1).
            ///   - sense: maximise (default) or minimise.
            /// - Throws: ``SolverError`` of kind `.invalidStructure` for an invalid structure.
            public init(variableCount: Int, sense: OptimizationSense = .maximize) throws(SolverError) {
                guard variableCount >= 1 else {
                    throw SolverError(.invalidStructure, "\#(name) needs at least one variable, got \(variableCount)")
                }
                self.length = variableCount
                self.sense = sense
            }

            /// The length of θ and z.
            public var variableCount: Int? { length }

            /// Solves one instance. θ has ``variableCount`` finite entries when called through
            /// `solveBatch` or `solve(row:)`; check the solver's own domain here and throw a
            /// ``SolverError`` naming the offending index. Write every entry of `solution`.
            public func solve(_ theta: Span<Float>, into solution: inout MutableSpan<Float>,
                              workspace: inout Void) throws(SolverError) {
                // TODO: implement. This placeholder writes zeros, which the conformance test
                // rejects, so the test fails until the solver is written.
                for index in 0..<theta.count {
                    solution[index] = 0
                }
            }
        }

        """#
    }

    var registration: String {
        #"""
        import DifferentiableSolvers
        import SolverRegistry

        /// Registers \#(name) as `\#(registryName)` in `registry`.
        ///
        /// ```swift
        /// let registry = SolverRegistry()
        /// try register\#(name)(in: registry)
        /// let solver = try registry.makeSolver(named: "\#(registryName)", options: ["variables": 4])
        /// ```
        ///
        /// - Throws: ``RegistryError`` of kind `.duplicateName` when the name is taken.
        public func register\#(name)(in registry: SolverRegistry) throws(RegistryError) {
            try registry.register(
                "\#(registryName)", summary: "TODO: one line saying what \#(name) solves",
                family: "TODO: problem family", options: \#(name)Options.self
            ) { (options) throws(SolverError) in
                try \#(name)(variableCount: options.variables, sense: options.sense)
            }
        }

        /// The options of `\#(registryName)`, declared once: `dsolve describe` lists them from here.
        struct \#(name)Options: SolverOptionSet {
            @SolverOption(meaning: "the length of θ and z") var variables: Int
            @SolverOption(meaning: OptimizationSense.optionMeaning) var sense = OptimizationSense.maximize
        }

        """#
    }

    var tests: String {
        #"""
        import DifferentiableSolvers
        import SolverConformance
        import SolverRegistry
        import Testing
        import \#(name)

        @Suite("\#(name)")
        struct \#(name)Tests {
            /// Every feasible state of an instance with `n` variables, enumerated independently
            /// of the solver. TODO: replace this placeholder (one-hot vectors, i.e. argmax's
            /// feasible set) with your problem's feasible set, e.g.
            /// `try ExhaustiveSearch.binaryVectors(length: n) { z in isFeasible(z) }`.
            static func feasibleStates(variables n: Int) throws -> [[Float]] {
                ExhaustiveSearch.oneHotVectors(length: n)
            }

            @Test("passes the conformance kit in both senses", arguments: OptimizationSense.allCases)
            func conformance(sense: OptimizationSense) throws {
                try SolverConformance.check(ConformanceConfiguration(instanceCount: 40)) { rng in
                    let n = 1 + Int(rng.next() % 6)
                    return ConformanceInstance(
                        solver: try \#(name)(variableCount: n, sense: sense),
                        theta: RandomTheta.rows(4, length: n, using: &rng),
                        feasibleStates: try Self.feasibleStates(variables: n),
                        oppositeSense: try \#(name)(variableCount: n, sense: sense.flipped))
                }
            }

            @Test("is registered and builds from JSON options")
            func registration() throws {
                let registry = SolverRegistry()
                try register\#(name)(in: registry)
                let solver = try registry.makeSolver(named: "\#(registryName)", options: ["variables": 3])
                #expect(solver.variableCount == 3)
                #expect(solver.base is \#(name))
            }
        }

        """#
    }

    func manifestAddition(core: String, registry: String, conformance: String) -> String {
        """

        // MARK: - Solver \(name) (scaffolded by the new-solver plugin)
        package.targets += [
            .target(name: "\(name)", dependencies: [\(core), \(registry)], swiftSettings: [.swiftLanguageMode(.v6)]),
            .testTarget(
                name: "\(name)Tests",
                dependencies: ["\(name)", \(core), \(registry), \(conformance)],
                swiftSettings: [.swiftLanguageMode(.v6)]
            ),
        ]

        """
    }
}
