/// What a registry knows about a solver besides how to build it: the metadata that
/// `dsolve describe` prints and that tools can read as JSON.
///
/// ```swift
/// let description = try registry.description(of: "top-k")
/// print(description.name, description.family, description.options.map(\.name))
/// ```
public struct SolverDescription: Sendable, Hashable, Codable {
    /// The stable dotted name, e.g. `shortest-path.grid` or `top-k`.
    public var name: String
    /// What the solver does, in one line.
    public var summary: String
    /// The problem family, e.g. "subset selection", "shortest path", "knapsack".
    public var family: String
    /// The options its factory takes.
    public var options: [SolverOptionDescription]

    /// Creates a description.
    public init(name: String, summary: String, family: String, options: [SolverOptionDescription]) {
        self.name = name
        self.summary = summary
        self.family = family
        self.options = options
    }
}
