import ArgumentParser
import Foundation
import Geometry
import Potentials
import SocketDriver
import StructureFiles

/// `nnplab serve`: a force engine for i-PI and ASE, over the i-PI socket protocol.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a potential's energy, forces and virial to an i-PI server (i-PI, ASE's SocketIOCalculator).",
        discussion: """
        Connects as an i-PI client to a server listening on a Unix socket (/tmp/ipi_NAME, as i-PI and ASE \
        name them) or on a TCP port, and answers its requests until it sends EXIT or closes the \
        connection between requests (ASE's way of ending). The protocol carries no species: STRUCTURE \
        supplies them, and whether the system is periodic. Positions arrive in Bohr and energies, forces \
        and the virial leave in Hartree units, converted with the server's own values of the Bohr and \
        the Hartree (--atomic-units). Potentials without a virial (the NNPs) send zeros, and say so once.

        Example: nnplab serve argon.xyz --potential lj --unix nnplab
        """)

    @Argument(help: "Structure file giving the species (extended XYZ or n2p2 input.data; the first frame).")
    var structure: String

    @OptionGroup var choice: PotentialChoice

    @Option(help: ArgumentHelp("Connect to the Unix socket /tmp/ipi_NAME.", valueName: "NAME"))
    var unix: String?

    @Option(help: "Connect to this host (with --port; default localhost).")
    var host: String?

    @Option(help: "Connect to this TCP port.")
    var port: Int?

    @Option(help: "Keep trying to connect for this many seconds while the server is not yet listening.")
    var timeout: Double = 30

    @Option(help: ArgumentHelp("Whose Bohr and Hartree turn the protocol's atomic units into Å and eV: ase (ase.units, CODATA 2014) or ipi (i-PI's 1.8897261 Bohr/Å and 0.036749326 Ha/eV).",
                               valueName: "ase|ipi"))
    var atomicUnits: String = "ase"

    func run() throws {
        let address = try serverAddress()
        guard timeout >= 0, timeout.isFinite else { throw CommandFailure("--timeout must be zero or positive, got \(timeout)") }
        guard let units = AtomicUnitConvention.all.first(where: { $0.name == atomicUnits.lowercased() }) else {
            throw CommandFailure("--atomic-units must be ase or ipi, got '\(atomicUnits)'")
        }
        let potential = try choice.make()
        guard let frame = try StructureLoading.frames(structure).first else {
            throw CommandFailure("\(structure): no structure in the file")
        }
        try StructureLoading.check(frame, against: potential, file: structure)
        do {
            let session = try DriverSession(structure: frame.system, structureName: structure, potential: potential,
                                            units: units)
            let connection = try SocketConnection.connect(to: address, timeout: timeout)
            let ending = try session.run(over: connection)
            let how = ending == .exitMessage ? "the server sent EXIT" : "the server closed the connection"
            printToStandardError("nnplab serve: \(session.evaluations) evaluations; \(how)")
        } catch let error as DriverError {
            throw CommandFailure(error.description)
        } catch let error as PotentialError {
            throw CommandFailure("\(structure): \(error)")
        }
    }

    /// The one address --unix or --host/--port names.
    private func serverAddress() throws -> ServerAddress {
        switch (unix, port) {
        case let (name?, nil):
            guard host == nil else { throw CommandFailure("--host goes with --port; a Unix socket (--unix) is on this machine") }
            guard !name.isEmpty, !name.contains("/") else {
                throw CommandFailure("--unix takes a socket name without '/' (it connects to /tmp/ipi_NAME), got '\(name)'")
            }
            return .unix(name: name)
        case let (nil, port?):
            return .inet(host: host ?? "localhost", port: port)
        case (nil, nil):
            throw CommandFailure("give --unix NAME or --port N (with --host H, default localhost)")
        case (_?, _?):
            throw CommandFailure("give either --unix or --port, not both")
        }
    }
}
