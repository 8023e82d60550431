// Dynamics: velocity Verlet, Langevin (BAOAB), Maxwell-Boltzmann velocities and energy-conservation diagnostics.
