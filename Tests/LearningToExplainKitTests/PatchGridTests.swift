import LearningToExplainKit
import Testing
import _ExampleSupport

@Suite("Patch grid: upsampling a selection to a pixel mask, and its adjoint")
struct PatchGridTests {
    @Test("A hand-made 4 × 6 image in 2 × 2 patches")
    func handMadeMask() throws {
        let grid = try PatchGrid(imageHeight: 4, imageWidth: 6, side: 2)
        #expect(grid.patchCount == 6 && grid.rows == 2 && grid.columns == 3)
        // Patches 0 … 5 row-major; select the top-left, top-right and bottom-middle ones.
        let mask = try grid.mask(of: [1, 0, 1, 0, 1, 0])
        #expect(mask == [1, 1, 0, 0, 1, 1,
                         1, 1, 0, 0, 1, 1,
                         0, 0, 1, 1, 0, 0,
                         0, 0, 1, 1, 0, 0])
        // Two selections at once give two masks, one after the other.
        let both = try grid.mask(of: [1, 0, 1, 0, 1, 0] + [0, 0, 0, 0, 0, 1])
        #expect(Array(both[24...]) == [0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 1, 1,  0, 0, 0, 0, 1, 1])
        #expect(grid.patch(ofPixel: 23) == 5 && grid.patch(ofPixel: 9) == 1)
    }

    @Test("Fashion-MNIST's grid: 49 patches of 16 pixels, each pixel in exactly one")
    func fashionMNISTGrid() throws {
        let grid = PatchGrid.fashionMNIST
        #expect(grid.patchCount == 49 && grid.pixelsPerPatch == 16)
        let ones = try grid.patchGradient(ofMaskGradient: [Float](repeating: 1, count: 784))
        #expect(ones == [Float](repeating: 16, count: 49))
        // Pixel (row 5, column 9) lies in patch row 1, column 2.
        #expect(grid.patch(ofPixel: 5 * 28 + 9) == 9)
    }

    @Test("∂L/∂z_p is the sum of ∂L/∂mask over the patch's pixels (central finite differences)")
    func adjointAgainstFiniteDifferences() throws {
        let grid = try PatchGrid(imageHeight: 6, imageWidth: 6, side: 2)
        var generator = TestRandom(seed: 3)
        let image = (0..<grid.pixelCount).map { _ in generator.uniform() }
        let target = (0..<grid.pixelCount).map { _ in generator.uniform() }
        let z = (0..<grid.patchCount).map { _ in generator.uniform() }
        // L(z) = ½ Σ (x ⊙ mask(z) − t)², so ∂L/∂mask = (x ⊙ mask − t) ⊙ x.
        func loss(_ z: [Float]) throws -> Double {
            let mask = try grid.mask(of: z)
            return (0..<grid.pixelCount).reduce(0.0) { total, i in
                let r = Double(image[i]) * Double(mask[i]) - Double(target[i])
                return total + r * r / 2
            }
        }
        let mask = try grid.mask(of: z)
        let dMask = (0..<grid.pixelCount).map { (image[$0] * mask[$0] - target[$0]) * image[$0] }
        let analytic = try grid.patchGradient(ofMaskGradient: dMask)
        let h: Float = 1e-2
        for p in 0..<grid.patchCount {
            var up = z, down = z
            up[p] += h
            down[p] -= h
            let numeric = (try loss(up) - loss(down)) / (2 * Double(h))
            #expect(abs(numeric - Double(analytic[p])) < 1e-4, "patch \(p): \(numeric) vs \(analytic[p])")
        }
    }

    @Test("Patch means are the mean intensity over each patch")
    func patchMeans() throws {
        let grid = try PatchGrid(imageHeight: 2, imageWidth: 4, side: 2)
        // Left patch: 0, 1 over 0, 1; right patch: 1, 1 over 0, 1.
        #expect(try grid.patchMeans(of: [0, 1, 1, 1,  0, 1, 0, 1]) == [0.5, 0.75])
    }
}
