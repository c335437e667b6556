import ArgumentParser

/// The encoder and decoder a run builds (`--networks`).
enum NetworkChoice: String, CaseIterable, ExpressibleByArgument {
    /// The papers' perceptrons: 784–300–n / n–300–784 for categorical latents (Lorberbom et
    /// al. 2019) and 784–512–256–n / n–256–512–784 for k-subsets (Niepert et al. 2021).
    case perceptron
    /// One linear layer each way, 784 → n and n → 784, as the direct-optimisation reference
    /// code trains its Table 1 models (GuyLor/Direct-VAE, `discrete_vae/DVAE.py`).
    case linear
}
