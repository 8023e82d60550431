import Testing
import Descriptors
import Geometry
import NeuralNetworks
import Potentials
@testable import Training

@Suite("Student training from a teacher")
struct StudentTrainingTests {
    static func argon() throws -> (teacher: LennardJones, start: AtomicSystem) {
        let teacher = try LennardJones(cutoff: 6.0, truncation: .smooth)
        let start = try Lattice.fcc.crystal(of: LennardJones.argon, latticeConstant: 5.6, repeats: 2)
        return (teacher, start)
    }

    static let plan = TeacherSampling(temperatures: [60, 120], configurations: 6, equilibrationSteps: 20,
                                      stepsBetweenSamples: 10, rattle: 0.05, strain: 0.02, perturbedFraction: 0.5, seed: 3)

    static func design(_ shape: CutoffShape, _ activation: Activation) throws -> StudentDesign {
        let ar = LennardJones.argon
        let functions = (0..<4).map { k in
            SymmetryFunction.radial(.init(neighbor: ar, eta: 2.0, shift: 3.0 + 0.8 * Double(k), cutoff: 5.5))
        }
        let set = try SymmetryFunctionSet(cutoffShape: shape, functions: [ar: functions])
        return StudentDesign(symmetryFunctions: set, hiddenLayers: [6], activation: activation,
                             settings: TrainingSettings(epochs: 4, batchSize: 2, validationFraction: 0.34, seed: 2),
                             weightSeed: 9)
    }

    @Test("sampling is reproducible and every label is the teacher's energy and forces of its structure")
    func sampling() throws {
        let (teacher, start) = try Self.argon()
        let a = try Self.plan.sample(teacher: teacher, start: start)
        let b = try Self.plan.sample(teacher: teacher, start: start)
        #expect(a == b && a.count == 6)
        #expect(a.contains { $0.system.cell != start.cell })   // strained samples
        for c in a {
            let list = NeighborList(system: c.system, cutoff: teacher.cutoff, skin: 0, kind: teacher.neighborListKind)
            let r = teacher.evaluate(c.system, neighbors: list, request: .energyAndForces)
            #expect(abs(r.energy - c.energy) < 1e-9)
            #expect(zip(r.forces, c.forces).allSatisfy { (($0 - $1) * ($0 - $1)).sum() < 1e-18 })
        }
    }

    @Test("label noise has the requested size: σ_E per atom on energies, σ_F per component on forces")
    func noise() throws {
        let (teacher, start) = try Self.argon()
        let clean = try Self.plan.sample(teacher: teacher, start: start)
        let noise = LabelNoise(energyPerAtom: 0.002, force: 0.05)
        let noisy = noise.apply(to: Array(repeating: clean[0], count: 200), seed: 1)
        let dE = noisy.map { ($0.energy - clean[0].energy) / 32 }
        let rmsE = (dE.reduce(0) { $0 + $1 * $1 } / 200).squareRoot()
        let dF = noisy.flatMap { zip($0.forces, clean[0].forces).map { ($0 - $1).x } }
        let rmsF = (dF.reduce(0) { $0 + $1 * $1 } / Double(dF.count)).squareRoot()
        #expect(abs(rmsE / 0.002 - 1) < 0.15)
        #expect(abs(rmsF / 0.05 - 1) < 0.05)
    }

    @Test("the trained potential reproduces the trainer's own energies and forces, for every cutoff kind")
    func potentialMatchesTrainer() throws {
        let (teacher, start) = try Self.argon()
        let data = try Self.plan.sample(teacher: teacher, start: start)
        for kind in CutoffKind.allCases {
            let design = try Self.design(CutoffShape(kind), .tanh)
            let examples = try describe(data, with: design.symmetryFunctions)
            let student = try TrainedStudent(design: design, examples: examples)
            let potential = try student.potential()
            let model = EnergyModel(networks: student.outcome.networks,
                                    energyShifts: TrainingOutcome.energyShifts(student.outcome.energyShift, atomicEnergies: nil,
                                                                               species: student.outcome.networks.count),
                                    energyScale: student.outcome.energyScale)
            var scratch = EvaluationScratch(model: model)
            for (c, e) in zip(data, examples) {
                let predicted = model.predict(e.descriptors.scaled(by: student.outcome.scaling), scratch: &scratch)
                let list = NeighborList(system: c.system, cutoff: potential.cutoff, skin: 0, kind: .full)
                let r = potential.evaluate(c.system, neighbors: list, request: .energyAndForces)
                #expect(abs(r.energy - predicted) < 1e-9 * max(1, abs(predicted)), "\(kind)")
                for a in 0..<c.atomCount {
                    let d = r.forces[a] - scratch.forces[a]
                    #expect((d * d).sum() < 1e-20, "\(kind) atom \(a)")
                }
            }
        }
    }

    @Test("descriptor Jacobian blocks match finite differences of the descriptors")
    func jacobian() throws {
        let (teacher, start) = try Self.argon()
        let system = try Self.plan.sample(teacher: teacher, start: start)[1].system
        let set = try Self.design(.cosine, .tanh).symmetryFunctions
        let example = try describe([LabelledConfiguration(system: system, energy: 0, forces: system.positions.map { _ in .zero })], with: set)[0]
        let d = example.descriptors
        let evaluator = SymmetryFunctionEvaluator(set)
        let h = 1e-6
        for i in [0, 7] {
            for b in d.blockStart[i]..<d.blockStart[i + 1] {
                let a = Int(d.partner[b])
                for c in 0..<3 {
                    var plus = system, minus = system
                    plus.positions[a][c] += h; minus.positions[a][c] -= h
                    let gp = try evaluator.descriptors(of: plus)[i], gm = try evaluator.descriptors(of: minus)[i]
                    for k in 0..<4 {
                        let numeric = (gp[k] - gm[k]) / (2 * h)
                        #expect(abs(d.derivatives[d.derivativeStart[b] + k][c] - numeric) < 1e-7, "atom \(i) wrt \(a)")
                    }
                }
            }
        }
    }
}
