// swift-tools-version: 6.0
// NNPLab: a terminal laboratory for neural network potentials.
// Layers, imports pointing one way only (each target declares exactly the modules it imports,
// and MemberImportVisibility makes an undeclared one a build error):
//   Geometry, StructureFiles → Descriptors, NeuralNetworks → Potentials → Dynamics
//   → Training → Scenes → Experiments → Simulation → LabShell, TerminalUI → nnplab
//   Canvas (pure rendering) depends on Geometry alone, beside the physics stack.
import Foundation
import PackageDescription

/// Every target: an import a file does not write is not visible in it.
let strict: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]
/// Hot numerical modules drop bounds and overflow checks in release builds only. Debug builds (and so
/// `swift test`) keep every check but optimise these modules, so that the tests' finite differences
/// over every symmetry function and the training tests run in seconds rather than minutes.
let fast: [SwiftSetting] = strict + [.unsafeFlags(["-Ounchecked", "-wmo"], .when(configuration: .release)),
                                     .unsafeFlags(["-O"], .when(configuration: .debug))]
/// The NNP's kernels (symmetry functions, networks) also use the host's vector units.
let vectorized: [SwiftSetting] = fast + hostVectorUnits

/// On an x86-64 host with AVX2 and FMA (Haswell, 2013, and later), the NNP's kernels are compiled for
/// them, as n2p2's makefile compiles with `-march=native`: three-operand vector instructions and wider
/// registers. The results do not change by a bit: Swift never fuses a multiply and an add, and the
/// operations and their order are the same. A binary built so runs only on such a processor, which is
/// the one that built it (`swift build` / `swift run` on the machine that runs it); on other hosts
/// nothing is added. Not the teachers' modules: Lennard-Jones argon so compiled read 0.97-1.02 of
/// LAMMPS' time where the generic build read 0.85-0.97 (three alternating pairs; later pairs were
/// within this machine's noise), and its target is 1.
var hostVectorUnits: [SwiftSetting] {
    #if arch(x86_64) && os(Linux)
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return [] }
    let present = Set(flags.split(separator: " ").map(String.init))
    return present.isSuperset(of: ["avx", "avx2", "fma", "bmi1", "bmi2", "abm", "movbe", "f16c", "popcnt"]) ? [.unsafeFlags(["-target-cpu", "haswell"])] : []
    #else
    return []
    #endif
}

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
        .target(name: "StructureFiles", dependencies: ["Geometry"],
                swiftSettings: strict),
        // Atom-centred symmetry functions and cutoff functions.
        .target(name: "Descriptors", dependencies: ["Geometry"],
                swiftSettings: vectorized),
        // Small feed-forward networks with exact reverse-mode derivatives.
        .target(name: "NeuralNetworks", dependencies: ["Geometry"],
                swiftSettings: vectorized),
        // The Potential contract; Lennard-Jones, Stillinger-Weber, Behler-Parrinello, n2p2 files.
        .target(name: "Potentials",
                dependencies: ["Geometry", "StructureFiles", "Descriptors", "NeuralNetworks"],
                swiftSettings: fast),
        // Integrators, thermostats, initial velocities and conservation diagnostics.
        .target(name: "Dynamics", dependencies: ["Geometry", "Potentials"],
                swiftSettings: fast),
        // Training data from teacher potentials, Adam, force training.
        .target(name: "Training",
                dependencies: ["Geometry", "Descriptors", "NeuralNetworks", "Potentials", "Dynamics"],
                swiftSettings: fast),
        // Scene files (TOML): structures, teachers, students, recipes, MD settings.
        .target(name: "Scenes",
                dependencies: ["Geometry", "StructureFiles", "Descriptors", "NeuralNetworks", "Potentials", "Dynamics", "Training", .product(name: "TOMLKit", package: "TOMLKit")],
                swiftSettings: strict),
        // The lessons: drift tables and the `check` exercises.
        .target(name: "Experiments",
                dependencies: ["Geometry", "Descriptors", "NeuralNetworks", "Potentials", "Dynamics", "Training", "Scenes"],
                swiftSettings: strict),
        // The background simulation actor and its snapshot mailbox.
        .target(name: "Simulation",
                dependencies: ["Geometry", "Descriptors", "NeuralNetworks", "Potentials", "Dynamics", "Training", "Scenes", "Experiments"],
                swiftSettings: strict),
        // Pure rendering into a cell grid: projection, braille canvas, plots, layout, SVG.
        .target(name: "Canvas", dependencies: ["Geometry"],
                swiftSettings: strict),
        // The command language shared by the `:` line and `nnplab repl`.
        .target(name: "LabShell",
                dependencies: ["Geometry", "StructureFiles", "Descriptors", "NeuralNetworks", "Potentials", "Dynamics", "Scenes", "Experiments", "Simulation", "Canvas"],
                swiftSettings: strict),
        // The i-PI socket protocol: any NNPLab potential as a force engine for ASE and i-PI.
        .target(name: "SocketDriver", dependencies: ["Geometry", "Potentials"],
                swiftSettings: strict),
        // ncurses, linked as a system library; only TerminalUI imports it.
        .systemLibrary(name: "CNCurses", path: "Sources/CNCurses",
                       providers: [.apt(["libncurses-dev"])]),
        .target(name: "TerminalUI",
                dependencies: ["CNCurses", "Geometry", "Descriptors", "Dynamics", "Scenes", "Experiments", "Simulation", "Canvas", "LabShell"],
                swiftSettings: strict),
        .executableTarget(name: "nnplab",
                          dependencies: ["Geometry", "StructureFiles", "Descriptors", "NeuralNetworks", "Potentials", "Dynamics", "Training", "Scenes", "Experiments", "Simulation", "SocketDriver", "LabShell", "TerminalUI", .product(name: "ArgumentParser", package: "swift-argument-parser")],
                swiftSettings: strict),

        .testTarget(name: "GeometryTests", dependencies: ["Geometry"],
                swiftSettings: strict),
        .testTarget(name: "StructureFilesTests", dependencies: ["Geometry", "StructureFiles"],
                swiftSettings: strict),
        .testTarget(name: "PotentialsTests",
                    dependencies: ["Geometry", "StructureFiles", "Descriptors", "NeuralNetworks", "Potentials"],
                swiftSettings: strict),
        .testTarget(name: "DynamicsTests", dependencies: ["Geometry", "Potentials", "Dynamics"],
                swiftSettings: strict),
        .testTarget(name: "DescriptorsTests", dependencies: ["Geometry", "Descriptors"],
                swiftSettings: strict),
        .testTarget(name: "NeuralNetworksTests", dependencies: ["NeuralNetworks"],
                swiftSettings: strict),
        .testTarget(name: "TrainingTests",
                    dependencies: ["Geometry", "Descriptors", "NeuralNetworks", "Potentials", "Training"],
                swiftSettings: strict),
        .testTarget(name: "ScenesTests",
                    dependencies: ["Geometry", "Descriptors", "NeuralNetworks", "Potentials", "Dynamics", "Training", "Scenes"],
                swiftSettings: strict),
        .testTarget(name: "ExperimentsTests",
                    dependencies: ["Geometry", "Descriptors", "NeuralNetworks", "Potentials", "Training", "Scenes", "Experiments"],
                swiftSettings: strict),
        .testTarget(name: "SimulationTests",
                    dependencies: ["Geometry", "Descriptors", "NeuralNetworks", "Potentials", "Dynamics", "Scenes", "Experiments", "Simulation"],
                swiftSettings: strict),
        .testTarget(name: "SocketDriverTests", dependencies: ["Geometry", "StructureFiles", "Descriptors", "Potentials", "SocketDriver"],
                swiftSettings: strict),
        .testTarget(name: "CanvasTests", dependencies: ["Geometry", "Canvas"],
                exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "TerminalUITests", dependencies: ["CNCurses", "LabShell", "TerminalUI"],
                swiftSettings: strict),
        .testTarget(name: "LabShellTests",
                    dependencies: ["Geometry", "Descriptors", "NeuralNetworks", "Potentials", "Dynamics", "Scenes", "Experiments", "Simulation", "Canvas", "LabShell"],
                swiftSettings: strict),
    ]
)
