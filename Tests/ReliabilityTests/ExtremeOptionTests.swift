import SolverRegistry
import DifferentiableSolvers
import DsolveCore
import Testing
import _TestSupport

/// Every numeric option of every registered solver set to hostile values: the registry
/// answers with a typed error or a working solver, never a trap (overflow, huge allocation).
@Suite("Bad-input matrix: every registered solver × extreme option values")
struct ExtremeOptionTests {
    /// Values that break size arithmetic: negative, zero, just past `Int32`, the largest exact
    /// JSON integer, and non-finite numbers.
    static let integers: [JSONValue] = [-1, 0, 2_147_483_648, 9_007_199_254_740_992, -9_007_199_254_740_992]
    static let numbers: [JSONValue] = [-1, 0, 1e300, -1e300, .number(.nan), .number(.infinity)]

    /// Every (solver, option, hostile value) triple of the default registry.
    static let cases: [ExtremeOption] = {
        guard let registry = try? DefaultSolverRegistry.make() else { return [] }
        return registry.descriptions.flatMap { description in
            description.options.flatMap { option -> [ExtremeOption] in
                let values: [JSONValue] = switch option.type {
                case .integer: integers
                case .number: numbers
                case .integerArray: integers.map { [$0] } + [[], [1, 9_007_199_254_740_992]]
                case .numberArray: numbers.map { [$0] } + [[]]
                default: []
                }
                return values.map { ExtremeOption(solver: description.name, option: option.name, value: $0) }
            }
        }
    }()

    @Test("every solver with numeric options is covered")
    func coverage() {
        #expect(Set(Self.cases.map(\.solver)).isSuperset(of: ["top-k", "knapsack.dp", "ilp.glpk", "graph-cut.bk"]))
    }

    @Test("a typed error or a solver that answers", arguments: cases)
    func extremeOption(_ extreme: ExtremeOption) throws {
        guard case .object(var options)? = smallInstances[extreme.solver]?.options else {
            throw MissingFixture(name: extreme.solver, table: "smallInstances")
        }
        options[extreme.option] = extreme.value
        let solver: AnyMAPSolver
        do throws(RegistryError) {
            solver = try DefaultSolverRegistry.make().makeSolver(named: extreme.solver, options: options)
        } catch {
            #expect(!error.message.isEmpty)
            return
        }
        // A solver was built: it must answer a row of its own length (if small enough to try).
        let n = solver.variableCount ?? smallInstances[extreme.solver]!.variables
        guard n <= 10_000 else { return }
        let theta = RegisteredSolvers.rows(solver, variables: n, count: 2)
        do throws(SolverError) {
            let z = try solver.solveBatch(Matrix(stacking: theta), parallelism: .serial)
            #expect(z.rows == 2 && z.columns == n && z.values.allSatisfy(\.isFinite))
        } catch {
            #expect(!error.message.isEmpty)
        }
    }
}

/// One hostile option value for one registered solver.
struct ExtremeOption: Sendable, CustomTestStringConvertible {
    var solver: String
    var option: String
    var value: JSONValue
    var testDescription: String { "\(solver) \(option)=\(value)" }
}
