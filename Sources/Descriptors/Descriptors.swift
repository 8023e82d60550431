// Descriptors: cutoff functions and atom-centred symmetry functions (n2p2 types 2, 3, 9, 12, 13) with analytic derivatives.
