import Descriptors
import Geometry

extension BehlerParrinelloPotential {
    /// The same potential expressed in `target` units: every symmetry-function length multiplied by
    /// L = (own length unit)/(target length unit) (η divided by L²), and energies by the energy ratio.
    /// Symmetry functions are invariant under this change, so energies and forces agree exactly up to
    /// rounding (E in target units = E_own · ratio, F = F_own · ratio/L).
    public func converted(to target: UnitSystem) -> BehlerParrinelloPotential {
        let length = units.lengthInAngstrom / target.lengthInAngstrom
        let energy = units.energyInElectronvolt / target.energyInElectronvolt
        // The parts were consistent before the change of units and stay so.
        var converted = (try? BehlerParrinelloPotential(
            symmetryFunctions: symmetryFunctions.scalingLengths(by: length), networks: networks, scaling: scaling,
            energyScale: energyScale * energy, energyShifts: energyShifts.map { $0 * energy }, units: target,
            summary: summary + " in \(target)")) ?? self
        converted.threads = threads
        return converted
    }
}
