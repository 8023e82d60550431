import Descriptors
import NeuralNetworks

extension BehlerParrinelloPotential {
    /// The same networks and symmetry functions with another cutoff shape (the lab's step/kinked/smooth
    /// switch). The networks were fitted to the old shape, so energies change; that is the lesson.
    public func withCutoffShape(_ shape: CutoffShape) -> BehlerParrinelloPotential {
        rebuilt(symmetryFunctions: symmetryFunctions.withCutoffShape(shape), networks: networks)
    }

    /// The same potential with every hidden layer's activation replaced (the lab's ReLU/tanh switch).
    public func withHiddenActivation(_ activation: Activation) -> BehlerParrinelloPotential {
        rebuilt(symmetryFunctions: symmetryFunctions, networks: networks.map { $0.withHiddenActivation(activation) })
    }

    private func rebuilt(symmetryFunctions set: SymmetryFunctionSet, networks nets: [FeedForwardNetwork]) -> BehlerParrinelloPotential {
        // Same elements, function counts and network shapes as self, so construction cannot fail.
        var rebuilt = (try? BehlerParrinelloPotential(symmetryFunctions: set, networks: nets, scaling: scaling,
                                                      energyScale: energyScale, energyShifts: energyShifts, units: units)) ?? self
        rebuilt.threads = threads
        return rebuilt
    }
}
