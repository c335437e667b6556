import ArgumentParser
import DifferentiableSolvers
import Testing
import _ExampleSupport

/// A command's defaults for every shared run option.
private enum Stated: RunDefaults {
    static let seed = OptionDefault<UInt64>(7, help: "Seed of the test.")
    static let threads = OptionDefault(2, help: "Threads of the test.")
    static let fullHelp = "The test's full recipe."
    static let quickHelp = "The test's smoke run."
}

/// A command that states none of them.
private enum Unstated: RunDefaults {}

/// A command with all four groups.
private struct RunOptionsCommand: ParsableCommand {
    @OptionGroup var seeding: SeedOptions<Stated>
    @OptionGroup var threading: ThreadOptions<Stated>
    @OptionGroup var recipe: FullRecipeOptions<Stated>
    @OptionGroup var smoke: QuickRunOptions<Stated>
}

/// A command that keeps the generic defaults.
private struct UnstatedCommand: ParsableCommand {
    @OptionGroup var seeding: SeedOptions<Unstated>
    @OptionGroup var threading: ThreadOptions<Unstated>
}

@Suite("Shared run options: --seed, --threads, --full, --quick")
struct SharedRunOptionTests {
    @Test("defaults and help come from the command's RunDefaults")
    func defaultsAndHelp() throws {
        let parsed = try RunOptionsCommand.parse([])
        #expect(parsed.seeding.seed == 7 && parsed.threading.threads == 2)
        #expect(!parsed.recipe.full && !parsed.smoke.quick)
        let help = RunOptionsCommand.helpMessage(columns: 400)
        for text in ["Seed of the test. (default: 7)", "Threads of the test. (default: 2)", "The test's full recipe.",
                     "The test's smoke run."] {
            #expect(help.contains(text), "help lacks '\(text)'")
        }
        let generic = try UnstatedCommand.parse([])
        #expect(generic.seeding.seed == 0 && generic.threading.threads == 0)
        #expect(UnstatedCommand.helpMessage(columns: 400).contains("Seed of the random numbers. (default: 0)"))
    }

    @Test("values given on the command line win")
    func given() throws {
        let parsed = try RunOptionsCommand.parse(["--seed", "18446744073709551615", "--threads", "0", "--full", "--quick"])
        #expect(parsed.seeding.seed == .max && parsed.threading.threads == 0)
        #expect(parsed.recipe.full && parsed.smoke.quick)
    }

    @Test("0 threads means all cores, n means n")
    func parallelism() throws {
        #expect(try RunOptionsCommand.parse(["--threads", "0"]).threading.parallelism == .automatic)
        #expect(try RunOptionsCommand.parse(["--threads", "3"]).threading.parallelism == .threads(3))
        #expect(try RunOptionsCommand.parse([]).threading.parallelism == .threads(2))
    }

    @Test("thread counts outside 0 … 1024 and malformed seeds are refused with the option named",
          arguments: [["--threads", "-1"], ["--threads", "1025"], ["--seed", "-1"], ["--seed", "1.5"], ["--threads", "nan"]])
    func refused(arguments: [String]) {
        #expect(throws: (any Error).self) { _ = try RunOptionsCommand.parse(arguments) }
    }

    @Test("the thread range error names the option, the range and the value")
    func threadMessage() {
        do {
            _ = try RunOptionsCommand.parse(["--threads", "1025"])
            Issue.record("1025 threads were accepted")
        } catch {
            #expect(RunOptionsCommand.message(for: error) == "--threads: must be between 0 and 1024 (got 1025)")
        }
    }
}
