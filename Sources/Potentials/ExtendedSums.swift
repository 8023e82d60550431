import Geometry

/// Energies and forces accumulated on a neighbour list's extended atoms (locals, then ghosts), and
/// turned into per-atom energies, forces on the real atoms and the virial: the bookkeeping shared by
/// the teacher potentials.
///
/// Accumulating on ghosts keeps the hot loops free of owner look-ups, and gives the virial for free:
/// with every force applied at the position where it acts, W = Σ_e x_e ⊗ f_e over extended atoms
/// (LAMMPS' `virial_fdotr_compute`), which is valid for periodic systems because each ghost sits at
/// its image's position.
struct ExtendedSums {
    /// Energy assigned to each extended atom (eV).
    var energies: [Double]
    /// Force on each extended atom (eV/Å); empty when forces were not requested.
    var forces: [Vector3]

    init(count: Int, withForces: Bool) {
        energies = [Double](repeating: 0, count: count)
        forces = [Vector3](repeating: .zero, count: withForces ? count : 0)
    }

    /// Folds ghosts onto their owners: per-atom energies, their total, local forces and the virial
    /// W_ab = Σ_e x_e,a f_e,b (eV), rows a = x, y, z.
    func result(positions x: [Vector3], neighbors: NeighborList) -> PotentialResult {
        let n = neighbors.localCount
        var atomic = Array(energies.prefix(n))
        var local = Array(forces.prefix(n))
        var w0 = Vector3.zero, w1 = Vector3.zero, w2 = Vector3.zero
        neighbors.owners.withUnsafeBufferPointer { owners in
            energies.withUnsafeBufferPointer { energies in
                atomic.withUnsafeMutableBufferPointer { out in
                    for e in n..<energies.count { out[Int(owners[e])] += energies[e] }
                }
            }
            forces.withUnsafeBufferPointer { f in
                x.withUnsafeBufferPointer { x in
                    for e in 0..<f.count {
                        w0 += x[e].x * f[e]; w1 += x[e].y * f[e]; w2 += x[e].z * f[e]
                    }
                }
                local.withUnsafeMutableBufferPointer { out in
                    for e in min(n, f.count)..<f.count { out[Int(owners[e])] += f[e] }
                }
            }
        }
        let energy = atomic.reduce(0, +)
        guard !forces.isEmpty else { return PotentialResult(energy: energy, atomicEnergies: atomic) }
        return PotentialResult(energy: energy, atomicEnergies: atomic, forces: local, virial: Virial(rows: w0, w1, w2))
    }
}

extension ExtendedSums {
    /// Runs `loop` adding straight into these sums: the serial path.
    mutating func addDirectly(_ loop: (inout DirectScatter) -> Void) {
        energies.withUnsafeMutableBufferPointer { energies in
            forces.withUnsafeMutableBufferPointer { f in
                var direct = DirectScatter(energies: energies.baseAddress, forces: f.baseAddress)
                loop(&direct)
            }
        }
    }
}
