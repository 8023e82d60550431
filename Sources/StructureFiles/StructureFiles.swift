// StructureFiles reads and writes atomic structures: extended XYZ (the ASE convention) and n2p2 input.data.
