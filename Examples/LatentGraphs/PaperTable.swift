/// The published figures of Minervini et al. (2023), Table 2 (mean ± std over runs):
/// test ELBO, edge precision and recall (%) for T = 10 and T = 20. The relaxation row is
/// the spanning-tree stochastic softmax trick (SST) of Paulus et al. 2020, not our
/// Gumbel-softmax baseline.
enum PaperTable {
    struct Row: Codable {
        let elbo: Double, elboDeviation: Double
        let precision: Double, recall: Double
    }

    static func row(_ estimator: EstimatorChoice, timesteps: Int) -> Row? {
        switch (estimator, timesteps) {
        case (.gumbelSoftmax, 10): Row(elbo: -2301.47, elboDeviation: 85.86, precision: 33.75, recall: 60.40)
        case (.imleForward, 10): Row(elbo: -2289.94, elboDeviation: 4.31, precision: 23.94, recall: 95.75)
        case (.imleCentral, 10): Row(elbo: -2341.71, elboDeviation: 41.68, precision: 43.95, recall: 43.95)
        case (.aimleForward, 10): Row(elbo: -1877.90, elboDeviation: 277.53, precision: 55.23, recall: 55.23)
        case (.aimleCentral, 10): Row(elbo: -2018.39, elboDeviation: 357.16, precision: 29.32, recall: 41.83)
        case (.gumbelSoftmax, 20): Row(elbo: -3407.89, elboDeviation: 221.53, precision: 57.40, recall: 70.42)
        case (.imleForward, 20): Row(elbo: -3820.68, elboDeviation: 25.32, precision: 20.28, recall: 20.28)
        case (.imleCentral, 20): Row(elbo: -3447.29, elboDeviation: 550.38, precision: 40.25, recall: 40.25)
        case (.aimleForward, 20): Row(elbo: -1884.83, elboDeviation: 124.62, precision: 40.48, recall: 40.48)
        case (.aimleCentral, 20): Row(elbo: -1999.57, elboDeviation: 856.27, precision: 70.89, recall: 83.73)
        default: nil
        }
    }
}
