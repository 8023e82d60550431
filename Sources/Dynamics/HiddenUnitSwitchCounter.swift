import Geometry
import Potentials

/// Counts ReLU hidden units switching on or off between consecutive observations: each switch is a
/// kink of the network's energy surface crossed, where the force jumps.
///
/// Recomputes every atom's descriptors once per observation (about doubling a ReLU run's cost), so
/// attach it only where the count is wanted.
public struct HiddenUnitSwitchCounter: MDObserver {
    /// The watched model.
    public let model: any HiddenUnitObservable
    /// Hidden-unit sign changes seen so far.
    public private(set) var switches = 0
    private var signs: [Bool] = []
    private var previousSigns: [Bool] = []

    /// A counter for `potential` when its hidden units have kinks (a ReLU network), else nil.
    public init?(_ potential: any Potential) {
        guard let observable = potential as? any HiddenUnitObservable, observable.hiddenUnitsHaveKinks else { return nil }
        model = observable
    }

    public mutating func observe(_ state: MDState, in context: ObservationContext) throws {
        model.hiddenUnitSigns(state.system, neighbors: context.neighbors, into: &signs)
        if previousSigns.count == signs.count {
            for k in 0..<signs.count where signs[k] != previousSigns[k] { switches += 1 }
        }
        swap(&signs, &previousSigns)
    }
}
