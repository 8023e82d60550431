// swift-tools-version: 6.0
// NNPLab: a terminal laboratory for neural network potentials.
// Layers, imports pointing one way only:
//   Geometry, StructureFiles → Descriptors, NeuralNetworks → Potentials → Dynamics
//   → Training → Scenes → Experiments → Simulation → Canvas, LabShell, TerminalUI → nnplab
import PackageDescription

/// Hot numerical modules drop bounds and overflow checks in release builds only;
/// debug builds (and so `swift test`) keep every check.
let fast: [SwiftSetting] = [.unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release))]

let package = Package(
    name: "NNPLab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nnplab", targets: ["nnplab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // Geometry: vectors, elements, periodic cells, atomic systems, neighbour lists, seeded randomness.
        .target(name: "Geometry", swiftSettings: fast),
        // Structure files: extended XYZ and n2p2 input.data.
        .target(name: "StructureFiles", dependencies: ["Geometry"]),
        // Atom-centred symmetry functions and cutoff functions.
        .target(name: "Descriptors", dependencies: ["Geometry"], swiftSettings: fast),
        // Small feed-forward networks with exact reverse-mode derivatives.
        .target(name: "NeuralNetworks", dependencies: ["Geometry"], swiftSettings: fast),
        // The Potential contract; Lennard-Jones, Stillinger-Weber, Behler-Parrinello, n2p2 files.
        .target(name: "Potentials",
                dependencies: ["Geometry", "Descriptors", "NeuralNetworks", "StructureFiles"],
                swiftSettings: fast),
        // The i-PI socket protocol: a client that serves a potential's forces to i-PI or ASE.
        .target(name: "SocketDriver", dependencies: ["Geometry", "Potentials"]),
        // Integrators, thermostats, initial velocities and conservation diagnostics.
        .target(name: "Dynamics", dependencies: ["Geometry", "Potentials"], swiftSettings: fast),
        // Training data from teacher potentials, Adam, force training.
        .target(name: "Training",
                dependencies: ["Geometry", "Descriptors", "NeuralNetworks", "Potentials", "Dynamics"],
                swiftSettings: fast),
        // Scene files (TOML): structures, teachers, students, recipes, MD settings.
        .target(name: "Scenes",
                dependencies: ["Geometry", "StructureFiles", "Descriptors", "NeuralNetworks",
                               "Potentials", "Dynamics", "Training",
                               .product(name: "TOMLKit", package: "TOMLKit")]),
        // The lessons: drift tables and the `check` exercises.
        .target(name: "Experiments",
                dependencies: ["Geometry", "StructureFiles", "Descriptors", "NeuralNetworks",
                               "Potentials", "Dynamics", "Training", "Scenes"]),
        // The background simulation actor and its snapshot mailbox.
        .target(name: "Simulation",
                dependencies: ["Geometry", "StructureFiles", "Descriptors", "Potentials", "Dynamics", "Training",
                               "Scenes", "Experiments"]),
        // Pure rendering into a cell grid: projection, braille canvas, plots, layout, SVG.
        .target(name: "Canvas", dependencies: ["Geometry"]),
        // The command language shared by the `:` line and `nnplab repl`.
        .target(name: "LabShell",
                dependencies: ["Geometry", "StructureFiles", "Descriptors", "Potentials", "Dynamics", "Scenes",
                               "Experiments", "Simulation", "Canvas"]),
        // ncurses, linked as a system library; only TerminalUI imports it.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses",
                       providers: [.apt(["libncurses-dev"])]),
        .target(name: "TerminalUI",
                dependencies: ["CNCurses", "Canvas", "Descriptors", "Simulation", "LabShell", "Scenes"]),
        .executableTarget(name: "nnplab",
                          dependencies: ["Geometry", "StructureFiles", "Descriptors", "Potentials", "Dynamics",
                                         "Training", "Scenes", "Experiments", "Simulation",
                                         "LabShell", "TerminalUI", "Canvas", "SocketDriver",
                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),

        .testTarget(name: "GeometryTests", dependencies: ["Geometry"]),
        .testTarget(name: "StructureFilesTests", dependencies: ["Geometry", "StructureFiles"]),
        .testTarget(name: "PotentialsTests",
                    dependencies: ["Geometry", "StructureFiles", "Descriptors", "NeuralNetworks", "Potentials"]),
        .testTarget(name: "SocketDriverTests",
                    dependencies: ["Geometry", "StructureFiles", "Potentials", "SocketDriver"]),
        .testTarget(name: "DynamicsTests", dependencies: ["Geometry", "StructureFiles", "Potentials", "Dynamics"]),
        .testTarget(name: "DescriptorsTests", dependencies: ["Geometry", "Descriptors"]),
        .testTarget(name: "NeuralNetworksTests", dependencies: ["NeuralNetworks", "Geometry"]),
        .testTarget(name: "TrainingTests",
                    dependencies: ["Geometry", "Descriptors", "NeuralNetworks", "Potentials", "Dynamics", "Training"]),
        .testTarget(name: "ScenesTests",
                    dependencies: ["Geometry", "StructureFiles", "Potentials", "Dynamics", "Training", "Scenes"]),
        .testTarget(name: "ExperimentsTests",
                    dependencies: ["Geometry", "Potentials", "Dynamics", "Training", "Scenes", "Experiments"]),
        .testTarget(name: "SimulationTests",
                    dependencies: ["Geometry", "Descriptors", "Potentials", "Dynamics", "Scenes", "Experiments",
                                   "Simulation"]),
        .testTarget(name: "CanvasTests", dependencies: ["Geometry", "Canvas"], exclude: ["Golden"]),
        .testTarget(name: "LabShellTests",
                    dependencies: ["Geometry", "Descriptors", "Potentials", "Dynamics", "Scenes", "Experiments",
                                   "Simulation", "Canvas", "LabShell"]),
    ]
)
