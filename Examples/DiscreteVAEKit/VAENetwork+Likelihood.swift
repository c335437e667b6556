import DifferentiableSolvers
import TensorLayers
import _ExampleSupport

extension VAENetwork {
    /// −log p(x | z) for many latent states z (rows of `latents`, `columns` wide), each
    /// against the image `images[owners[row]]`; decoded `chunk` rows at a time to bound memory.
    ///
    /// - Throws: ``ExampleError`` when the shapes do not fit.
    public func bernoulliLosses(latents: [Float], columns: Int, owners: some Collection<Int>, images: [Float],
                                pixels: Int, chunk: Int = 4096) throws(ExampleError) -> [Float] {
        let rows = latents.count / max(columns, 1)
        guard rows == owners.count else {
            throw ExampleError("\(rows) latent states for \(owners.count) owners")
        }
        let ownerList = Array(owners)
        var losses: [Float] = []
        losses.reserveCapacity(rows)
        for start in stride(from: 0, to: rows, by: chunk) {
            let end = min(start + chunk, rows)
            let z = try tensor(Array(latents[start * columns ..< end * columns]), [end - start, columns])
            var labels: [Float] = []
            labels.reserveCapacity((end - start) * pixels)
            for owner in ownerList[start..<end] { labels += images[owner * pixels ..< (owner + 1) * pixels] }
            losses += BernoulliLikelihood.rowLosses(logits: self(z).scalars, labels: labels, columns: pixels)
        }
        return losses
    }
}
