import DifferentiableSolvers
import TensorLayers
import _ExampleSupport

extension VAENetwork {
    /// −log p(x | z) for many latent states z (rows of `latents`, `columns` wide), each
    /// against the image `images[owners[row]]`.
    ///
    /// Each distinct state is decoded once (`chunk` states at a time to bound memory), so the
    /// K candidates per image of a single K-way categorical latent cost K decoder rows for the
    /// whole batch rather than K per image; the loss of a pair is then
    /// ``BernoulliLikelihood/pairLosses(logits:labels:pairs:columns:)``.
    ///
    /// - Throws: ``ExampleError`` when the shapes do not fit or an owner is not an image.
    public func bernoulliLosses(latents: [Float], columns: Int, owners: some Collection<Int>, images: [Float],
                                pixels: Int, chunk: Int = 4096) throws(ExampleError) -> [Float] {
        let rows = latents.count / max(columns, 1)
        guard rows == owners.count else {
            throw ExampleError("\(rows) latent states for \(owners.count) owners")
        }
        let imageCount = images.count / max(pixels, 1)
        let distinct = DistinctRows(latents, columns: columns)
        var logits: [Float] = []
        logits.reserveCapacity(distinct.count * pixels)
        for start in stride(from: 0, to: distinct.count, by: chunk) {
            let end = min(start + chunk, distinct.count)
            logits += self(try tensor(Array(distinct.values[start * columns ..< end * columns]), [end - start, columns])).scalars
        }
        var pairs: [(state: Int, image: Int)] = []
        pairs.reserveCapacity(rows)
        for (row, owner) in owners.enumerated() {
            guard (0..<imageCount).contains(owner) else {
                throw ExampleError("latent state \(row) belongs to image \(owner) of \(imageCount)")
            }
            pairs.append((distinct.index[row], owner))
        }
        return BernoulliLikelihood.pairLosses(logits: logits, labels: images, pairs: pairs, columns: pixels)
    }
}
