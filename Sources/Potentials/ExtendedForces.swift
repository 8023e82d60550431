import Geometry

/// Forces accumulated on a neighbour list's extended atoms (locals, then ghosts) and turned into
/// forces on the real atoms plus the virial: the bookkeeping shared by the teacher potentials.
///
/// Accumulating on ghosts keeps the hot loops free of owner look-ups, and gives the virial for free:
/// with every force applied at the position where it acts, W = Σ_e x_e ⊗ f_e over extended atoms
/// (LAMMPS' `virial_fdotr_compute`), which is valid for periodic systems because each ghost sits at
/// its image's position.
enum ExtendedForces {
    /// Folds ghost forces onto their owners; returns the N local forces and the virial
    /// W_ab = Σ_e x_e,a f_e,b (eV), rows a = x, y, z.
    static func fold(_ forces: [Vector3], positions x: [Vector3], neighbors: NeighborList)
        -> (forces: [Vector3], virial: (Vector3, Vector3, Vector3)) {
        var w0 = Vector3.zero, w1 = Vector3.zero, w2 = Vector3.zero
        var local = Array(forces.prefix(neighbors.localCount))
        forces.withUnsafeBufferPointer { f in
            x.withUnsafeBufferPointer { x in
                for e in 0..<f.count {
                    w0 += x[e].x * f[e]; w1 += x[e].y * f[e]; w2 += x[e].z * f[e]
                }
            }
            neighbors.owners.withUnsafeBufferPointer { owners in
                local.withUnsafeMutableBufferPointer { out in
                    for e in neighbors.localCount..<f.count { out[Int(owners[e])] += f[e] }
                }
            }
        }
        return (local, (w0, w1, w2))
    }
}
