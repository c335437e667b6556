import ArgumentParser

/// `--data`, `--train-limit`, `--validation` and `--test-limit`: where an example reads an
/// MNIST-format data set (Fashion-MNIST by default) and how much of it it uses, declared once
/// for every command that trains on images.
///
/// ```swift
/// @OptionGroup var images: ImageDataOptions
/// let (training, validation, test) = try images.load(fullRecipe: full ? 5_000 : nil)
/// ```
public struct ImageDataOptions: ParsableArguments {
    /// The MNIST-format directory.
    @Option(name: .customLong("data"), help: "An MNIST-format directory (IDX files, gzip or plain).")
    public var directory = "/usr/share/datasets/fashion-mnist"
    /// Training images to use; 0 for all but the validation split.
    @Option(name: .customLong("train-limit"), help: "Use only the first N training images (0: all but the validation split).")
    public var trainingLimit = 10_000
    /// Images held out of the training file for validation.
    @Option(name: .customLong("validation"), help: "Images held out of the training set for validation.")
    public var validationCount = 5_000
    /// Test images to use; 0 for all.
    @Option(name: .customLong("test-limit"), help: "Use only the first N test images (0: all).")
    public var testLimit = 0

    public init() {}

    public func validate() throws {
        try OptionCheck.check(trainingLimit, option: "--train-limit", in: 0 ... 10_000_000)
        try OptionCheck.check(validationCount, option: "--validation", in: 0 ... 10_000_000)
        try OptionCheck.check(testLimit, option: "--test-limit", in: 0 ... 10_000_000)
    }

    /// The training, validation and test images: the validation images are the last ones of the
    /// training file, the training images the first `--train-limit` of the others.
    ///
    /// - Parameter fullRecipe: a full-scale run's validation count; it then trains on all other
    ///   training images and overrides `--validation` and `--train-limit`.
    /// - Throws: ``ExampleError`` when a file is missing, unreadable or malformed.
    public func load(fullRecipe: Int? = nil) throws(ExampleError) -> (training: ImageSet, validation: ImageSet, test: ImageSet) {
        let (trainingFile, testFile) = try ImageSet.loadMNISTFormat(directory: directory)
        let (kept, heldOut) = trainingFile.split(validationCount: fullRecipe ?? validationCount)
        let useAll = fullRecipe != nil || trainingLimit == 0
        return (useAll ? kept : kept.prefix(trainingLimit), heldOut, testLimit == 0 ? testFile : testFile.prefix(testLimit))
    }
}
