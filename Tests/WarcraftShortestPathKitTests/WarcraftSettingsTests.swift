import DifferentiableSolvers
import Foundation
import Testing
import WarcraftShortestPathKit

@Suite("Warcraft training settings")
struct WarcraftSettingsTests {
    @Test("each AIMLE scheme gets its own defaults")
    func aimleDefaultsPerScheme() {
        let forward = WarcraftTrainingSettings(method: .aimleForward)
        #expect(forward.estimator as? AIMLEConfiguration == (AIMLEConfiguration(scheme: .forward, targetNonZeros: 1, adaptation: .paper,
                                                                initialAlpha: 20)))
        #expect(forward.noise == WarcraftNoise.none)
        #expect(WarcraftTrainingSettings() == forward)
        let central = WarcraftTrainingSettings(method: .aimleCentral)
        #expect(central.estimator as? AIMLEConfiguration == (AIMLEConfiguration(scheme: .central, targetNonZeros: 10,
                                                                adaptation: .multiplicative(), initialAlpha: 0)))
        #expect(central.noise == WarcraftNoise.none)
        #expect(central.aimleInitialAlpha == nil)
    }

    /// Checkpoints written before α₀ was a setting have no `aimleInitialAlpha`: they decode to
    /// the same settings as today's central-difference defaults, so `--resume` still accepts them.
    @Test("settings written before α₀ existed still match")
    func settingsWithoutInitialAlphaDecode() throws {
        var encoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(WarcraftTrainingSettings(method: .aimleCentral)))
            as? [String: Any] ?? [:]
        encoded.removeValue(forKey: "aimleInitialAlpha")
        let decoded = try JSONDecoder().decode(WarcraftTrainingSettings.self,
                                               from: JSONSerialization.data(withJSONObject: encoded))
        #expect(decoded == WarcraftTrainingSettings(method: .aimleCentral))
    }

    @Test("a negative initial α is refused")
    func negativeInitialAlphaIsAProblem() {
        var settings = WarcraftTrainingSettings(method: .aimleForward)
        settings.aimleInitialAlpha = -1
        #expect(settings.problem?.contains("initial α") == true)
    }
}
