import SolverRegistry
import CombinatorialSolvers
import DifferentiableSolvers
import Testing

@Suite("Parameter domains declared by registry entries")
struct ParameterDomainTests {
    static let domains: [ParameterDomain] = ParameterDomain.Bound.allCases.flatMap { bound in
        [ParameterDomain(bound), ParameterDomain(bound, after: 3)]
    }

    @Test("random values lie in the domain, and values outside it are refused", arguments: domains)
    func randomValues(_ domain: ParameterDomain) {
        var generator = SeededGenerator(seed: 11)
        for _ in 0 ..< 50 {
            let theta = domain.randomValues(count: 8, using: &generator)
            #expect(theta.count == 8 && domain.contains(theta), "\(domain): \(theta)")
        }
        #expect(!domain.contains([0, 0, 0, .nan]))
        let outside: Float? = switch domain.bound {
        case .unrestricted: nil
        case .nonNegative: -1
        case .positive: 0
        case .nonPositive: 1
        }
        if let outside {
            #expect(!domain.contains([Float](repeating: outside, count: 5)))
            #expect(domain.contains([Float](repeating: outside, count: domain.unrestrictedPrefix)))
        }
    }

    @Test("a registry entry's declared domain reaches the built solver")
    func registryCarriesDomain() throws {
        let registry = SolverRegistry()
        try registerCombinatorialSolvers(in: registry)
        #expect(try registry.makeSolver(named: "shortest-path.grid", options: ["height": 2, "width": 2]).parameterDomain
                == .nonNegative)
        #expect(try registry.makeSolver(named: "top-k", options: ["k": 1]).parameterDomain == .unrestricted)
        let arcs: [String: JSONValue] = ["vertices": 3, "arcs": [0, 1, 1, 2], "source": 0, "target": 2]
        #expect(try registry.makeSolver(named: "shortest-path.graph", options: arcs).parameterDomain == .nonNegative)
        var acyclic = arcs
        acyclic["algorithm"] = "acyclic"
        #expect(try registry.makeSolver(named: "shortest-path.graph", options: acyclic).parameterDomain == .unrestricted)
    }
}
