import Foundation
import Scenes

/// The real programs `nnplab bench` compares with in the same run: n2p2's `nnp-predict` and LAMMPS' `lmp`,
/// from `--n2p2`/`--lammps` or the PATH. A comparison whose program is missing is skipped with the reason.
struct OutsidePrograms: Sendable {
    var n2p2: String?
    var lammps: String?

    /// Explicit paths win; otherwise the first `nnp-predict` / `lmp` on the PATH.
    init(n2p2: String?, lammps: String?) {
        self.n2p2 = n2p2 ?? OutsidePrograms.onPath("nnp-predict")
        self.lammps = lammps ?? OutsidePrograms.onPath("lmp")
    }

    static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Unavailable: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `program arguments` in `directory`; returns its standard output and the CPU time (user +
    /// system, s) the child used, so that, like NNPLab's own figures, other load on the machine does not count.
    static func run(_ program: String, _ arguments: [String], in directory: URL) throws -> (output: String, cpuSeconds: Double) {
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw Unavailable(description: "\(program) is not an executable file")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        let before = childrenCPUSeconds()
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let cpu = childrenCPUSeconds() - before
        guard process.terminationStatus == 0 else {
            throw Unavailable(description: "\(program) \(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
        return (String(decoding: data, as: UTF8.self), cpu)
    }

    /// User + system CPU time of every child process waited for so far (s).
    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        #else
        getrusage(RUSAGE_CHILDREN, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// LAMMPS on `Scenes/bench/lammps/<input>` for `steps` steps: CPU µs per atom-step, from its
    /// "Loop time of T on 1 procs for S steps with N atoms" line times its reported CPU use.
    func lammpsMicrosecondsPerAtomStep(input: String, steps: Int) throws -> Double {
        guard let lammps else { throw Unavailable(description: "no lmp on PATH (apt-get install lammps, or --lammps PATH)") }
        let folder = SceneLibrary.directory.appendingPathComponent("bench/lammps")
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(input).path) else {
            throw Unavailable(description: "no \(folder.path)/\(input)")
        }
        let (output, _) = try OutsidePrograms.run(lammps, ["-in", input, "-var", "steps", "\(steps)", "-log", "none"], in: folder)
        guard let loop = output.split(separator: "\n").first(where: { $0.hasPrefix("Loop time of ") }) else {
            throw Unavailable(description: "lmp printed no 'Loop time' line")
        }
        let words = loop.split(separator: " ")
        guard words.count >= 11, let seconds = Double(words[3]), let stepCount = Double(words[8]),
              let atoms = Double(words[11]) else {
            throw Unavailable(description: "cannot read lmp's '\(loop)'")
        }
        // "Performance: ... \n 99.7% CPU use with 1 MPI tasks x 1 OpenMP threads"
        let cpuUse = output.split(separator: "\n").first(where: { $0.contains("% CPU use") })
            .flatMap { Double($0.split(separator: "%")[0].trimmingCharacters(in: .whitespaces)) } ?? 100
        return seconds * cpuUse / 100 * 1e6 / (stepCount * atoms)
    }

    /// n2p2's whole `nnp-predict 0` process on `folder` (input.nn, scaling.data, weights, input.data): CPU ms.
    func n2p2Milliseconds(folder: URL) throws -> Double {
        guard let n2p2 else {
            throw Unavailable(description: "no nnp-predict on PATH (.ci/build-n2p2.sh builds it, or --n2p2 PATH)")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("nnplab-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: work.appendingPathComponent(name))
        }
        return try OutsidePrograms.run(n2p2, ["0"], in: work).cpuSeconds * 1e3
    }
}
