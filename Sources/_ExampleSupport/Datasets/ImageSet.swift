import Foundation

/// Grey-scale images with intensities in [0, 1], row-major, one image after another, and
/// their class labels.
///
/// ```swift
/// let (train, test) = try ImageSet.loadMNISTFormat(directory: "/usr/share/datasets/fashion-mnist")
/// let (fit, validation) = train.split(validationCount: 10_000)
/// ```
public struct ImageSet: Sendable {
    /// The intensities, `count × pixelCount` values in [0, 1].
    public let pixels: [Float]
    /// The class of every image.
    public let labels: [Int]
    /// The image height.
    public let height: Int
    /// The image width.
    public let width: Int

    /// The pixels per image.
    public var pixelCount: Int { height * width }
    /// The number of images.
    public var count: Int { labels.count }

    /// A set from intensities and labels.
    ///
    /// - Throws: ``ExampleError`` (`.inconsistent`) when the counts do not fit together.
    public init(pixels: [Float], labels: [Int], height: Int, width: Int) throws(ExampleError) {
        guard height > 0, width > 0, pixels.count == labels.count * height * width else {
            throw ExampleError(.inconsistent,
                               "\(pixels.count) intensities do not make \(labels.count) images of \(height) × \(width)")
        }
        self.pixels = pixels
        self.labels = labels
        self.height = height
        self.width = width
    }

    /// Images and labels from an IDX image file (rank 3) and an IDX label file (rank 1).
    ///
    /// - Throws: ``ExampleError`` when either file is unreadable or malformed, or they disagree.
    public init(imageFile: String, labelFile: String) throws(ExampleError) {
        let images = try IDXFile(contentsOf: imageFile)
        let labels = try IDXFile(contentsOf: labelFile)
        guard images.dimensions.count == 3 else {
            throw ExampleError(.inconsistent, "\(imageFile): images need rank 3, got dimensions \(images.dimensions)")
        }
        guard labels.dimensions.count == 1, labels.dimensions[0] == images.dimensions[0] else {
            throw ExampleError(.inconsistent,
                               "\(labelFile): \(labels.dimensions) labels for \(images.dimensions[0]) images")
        }
        try self.init(pixels: images.bytes.map { Float($0) / 255 }, labels: labels.bytes.map { Int($0) },
                      height: images.dimensions[1], width: images.dimensions[2])
    }

    /// The training and test sets of an MNIST-format directory (MNIST, Fashion-MNIST): the files
    /// `train-images-idx3-ubyte`, `train-labels-idx1-ubyte`, `t10k-images-idx3-ubyte`,
    /// `t10k-labels-idx1-ubyte`, each with or without `.gz`.
    ///
    /// - Throws: ``ExampleError`` when a file is missing, unreadable or malformed.
    public static func loadMNISTFormat(directory: String) throws(ExampleError) -> (train: ImageSet, test: ImageSet) {
        func path(_ stem: String) throws(ExampleError) -> String {
            for candidate in ["\(directory)/\(stem).gz", "\(directory)/\(stem)"] where fileExists(candidate) {
                return candidate
            }
            throw ExampleError(.unreadableData, "\(directory) has no \(stem)[.gz] (install Debian's dataset-fashion-mnist, "
                               + "or pass --data with an MNIST-format directory)")
        }
        let train = try ImageSet(imageFile: try path("train-images-idx3-ubyte"), labelFile: try path("train-labels-idx1-ubyte"))
        let test = try ImageSet(imageFile: try path("t10k-images-idx3-ubyte"), labelFile: try path("t10k-labels-idx1-ubyte"))
        return (train, test)
    }

    /// The images at `indices`, in that order.
    public func subset(_ indices: some Sequence<Int>) -> ImageSet {
        var pixels: [Float] = [], labels: [Int] = []
        for index in indices {
            pixels += self.pixels[index * pixelCount ..< (index + 1) * pixelCount]
            labels.append(self.labels[index])
        }
        // The counts fit by construction.
        return (try? ImageSet(pixels: pixels, labels: labels, height: height, width: width)) ?? self
    }

    /// The first `count` images.
    public func prefix(_ count: Int) -> ImageSet { subset(0 ..< min(count, self.count)) }

    /// A training / validation split: the last `validationCount` images are held out, as the
    /// discrete-VAE papers hold out part of the training set for model selection.
    public func split(validationCount: Int) -> (training: ImageSet, validation: ImageSet) {
        let held = min(max(validationCount, 0), count)
        return (subset(0 ..< count - held), subset(count - held ..< count))
    }
}

private func fileExists(_ path: String) -> Bool {
    FileManager.default.isReadableFile(atPath: path)
}
