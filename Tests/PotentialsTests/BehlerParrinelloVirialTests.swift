import Descriptors
import Geometry
import NeuralNetworks
import Potentials
import Testing

/// The NNP virial against its definition: W_ab = −∂E/∂ε_ab under the affine strain r ↦ (I + ε) r of
/// cell and atoms, by central differences (TeacherOracles.strainDerivative), the test the teachers pass.
@Suite("Behler-Parrinello virial")
struct BehlerParrinelloVirialTests {
    @Test("the virial is minus the strain derivative of the energy (two elements, every function type)",
          arguments: [CutoffShape.cosine, .poly2])
    func virialIsStrainDerivative(shape: CutoffShape) throws {
        let potential = try BPFixture.potential(shape, activation: .tanh)
        let system = try BPFixture.system(count: 30, box: 7.0)
        let w = TeacherOracles.evaluate(potential, system).virial
        for a in 0..<3 {
            for b in 0..<3 {
                let numeric = try TeacherOracles.strainDerivative(potential, system, a, b, h: 1e-5)
                #expect(abs(numeric - w[a][b]) < 1e-6 * max(1, abs(numeric)), "W[\(a)][\(b)] = \(w[a][b]), FD \(numeric)")
            }
        }
        // Symmetric, as for any rotation-invariant energy.
        #expect(abs(w[0][1] - w[1][0]) < 1e-9 * max(1, abs(w[0][1])))
    }
}
