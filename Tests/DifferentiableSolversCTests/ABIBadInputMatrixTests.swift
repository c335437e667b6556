@testable import DifferentiableSolversC
import DifferentiableSolvers
import DsolveCore
import Foundation
import SolverRegistry
import Testing
import _TestSupport

/// Every registered solver × hostile θ, through the C ABI: a status with the Swift message, or
/// the registry solver's own answer — never a trap.
@Suite("C ABI: bad-input matrix, every registered solver × hostile θ")
struct ABIBadInputMatrixTests {
    enum HostileTheta: String, CaseIterable, Sendable {
        case notANumber, positiveInfinity, negativeInfinity, oneColumnShort, oneColumnLong, noRows, noColumns
        case hugeMagnitude, subnormal, allZero

        /// The batch, from a solver's ordinary row.
        func matrix(_ row: [Float]) -> Matrix {
            var spoilt = row
            switch self {
            case .notANumber: spoilt[row.count / 2] = .nan
            case .positiveInfinity: spoilt[row.count / 2] = .infinity
            case .negativeInfinity: spoilt[0] = -.infinity
            case .oneColumnShort: return Matrix(stacking: [Array(row.dropLast()), Array(row.dropFirst())])
            case .oneColumnLong: return Matrix(stacking: [row + [0.5], [0.5] + row])
            case .noRows: return Matrix(rows: 0, columns: row.count, values: [])
            case .noColumns: return Matrix(rows: 2, columns: 0, values: [])
            case .hugeMagnitude: spoilt = row.map { $0 * 1e30 }
            case .subnormal: spoilt = row.map { $0 * 64 * .leastNonzeroMagnitude }
            case .allZero: spoilt = row.map { _ in 0 }
            }
            return Matrix(stacking: [row, spoilt])
        }

        /// The statuses a refusal may have; non-finite θ must be refused.
        var allowed: Set<ABIStatus> {
            switch self {
            case .notANumber, .positiveInfinity, .negativeInfinity: [.nonFiniteInput]
            default: [.shapeMismatch, .solverFailed]
            }
        }
    }

    @Test("a status with a message, or the registry solver's answer",
          arguments: smallInstances.keys.sorted(), HostileTheta.allCases)
    func hostileTheta(name: String, input: HostileTheta) throws {
        let instance = try #require(smallInstances[name])
        let options = String(decoding: try JSONEncoder().encode(instance.options), as: UTF8.self)
        let solver = try ABIClient.makeSolver(name, options)
        defer { _ = ds_solver_free(solver) }
        let swift = try DefaultSolverRegistry.make().makeSolver(named: name, options: instance.options)
        var generator = SeededGenerator(seed: 3)
        let theta = input.matrix(swift.parameterDomain.randomValues(count: instance.variables, using: &generator))
        let answer: Matrix
        do throws(ABIFailure) {
            answer = try ABIClient.solve(solver, theta, threads: 2)
        } catch {
            #expect(input.allowed.contains(error.status), "\(name), \(input): \(error)")
            #expect(!error.message.isEmpty)
            do throws(SolverError) {
                _ = try swift.solveBatch(theta, parallelism: .serial)
                Issue.record("\(name), \(input): the ABI refused (\(error)) what the solver answers")
            } catch let swiftError {
                #expect(error.message == swiftError.description, "the ABI's message is the solver's")
            }
            return
        }
        #expect(!input.allowed.contains(.nonFiniteInput), "\(name) answered non-finite θ")
        #expect(answer == (try swift.solveBatch(theta, parallelism: .serial)))
    }
}
