import Foundation
import Geometry
import Testing
@testable import SocketDriver

@Suite("i-PI message framing")
struct FramingTests {
    @Test("every header is its name padded with spaces to 12 bytes, and decodes back")
    func headersRoundTrip() throws {
        for message in IPIMessage.allCases {
            #expect(message.header == ServerSide.header(message.rawValue))
            #expect(message.header.count == 12)
            #expect(try IPIMessage.decode(message.header) == message)
        }
        #expect(IPIMessage.forceReady.header == Array("FORCEREADY  ".utf8))
    }

    @Test("headers padded with NULs or in lower case are understood")
    func lenientPadding() throws {
        #expect(try IPIMessage.decode(Array("STATUS".utf8) + [UInt8](repeating: 0, count: 6)) == .status)
        #expect(try IPIMessage.decode(ServerSide.header("getforce")) == .getforce)
    }

    @Test("a header of control bytes or blanks is malformed; an unknown word is named")
    func badHeaders() throws {
        var binary = ServerSide.header("STATUS")
        binary[2] = 0x01
        #expect(throws: DriverError.malformedHeader(binary)) { try IPIMessage.decode(binary) }
        let blank = [UInt8](repeating: 0x20, count: 12)
        #expect(throws: DriverError.malformedHeader(blank)) { try IPIMessage.decode(blank) }
        #expect(throws: DriverError.unknownMessage("HELLO")) { try IPIMessage.decode(ServerSide.header("HELLO")) }
        #expect(DriverError.unknownMessage("HELLO").description.contains("'HELLO'"))
        #expect(DriverError.malformedHeader([0x41, 0x01]).description.hasSuffix("got 41 01)"))
    }

    @Test("integers and floats are little-endian, as numpy's tobytes on x86 and ARM writes them")
    func littleEndian() {
        var out = WireWriter()
        out.append(Int32(1))
        out.append(Int32(-2))
        out.append(1.0)
        out.append(-0.5)
        #expect(out.bytes == [1, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF,
                              0, 0, 0, 0, 0, 0, 0xF0, 0x3F,    // 1.0 = 0x3FF0000000000000
                              0, 0, 0, 0, 0, 0, 0xE0, 0xBF])   // -0.5 = 0xBFE0000000000000
        var reader = WireReader(out.bytes)
        #expect(reader.int32() == 1 && reader.int32() == -2 && reader.double() == 1.0 && reader.double() == -0.5)
        #expect(reader.remaining == 0)
        let values = [Double.pi, -1e-300, 6.02214076e23]
        var many = WireWriter()
        many.append(values)
        #expect(many.bytes == values.flatMap(ServerSide.littleEndian))
    }
}

@Suite("atomic units of the protocol")
struct AtomicUnitConventionTests {
    @Test("ASE's Bohr and Hartree are those ase.units derives from CODATA 2014")
    func aseConstants() {
        // ase.units: Bohr = 4e10 π ε₀ ħ² / (mₑ e²) Å, Hartree = mₑ e³ / (16 π² ε₀² ħ²) eV.
        let c = 299_792_458.0, mu0 = 4e-7 * Double.pi, h = 6.626_070_040e-34, e = 1.602_176_6208e-19
        let me = 9.109_383_56e-31
        let eps0 = 1 / mu0 / (c * c), hbar = h / (2 * Double.pi)
        let bohr = 4e10 * Double.pi * eps0 * hbar * hbar / me / (e * e)
        let hartree = me * e * e * e / 16 / (Double.pi * Double.pi) / (eps0 * eps0) / (hbar * hbar)
        #expect(abs(AtomicUnitConvention.ase.bohrInAngstrom / bohr - 1) < 1e-15)
        #expect(abs(AtomicUnitConvention.ase.hartreeInElectronvolt / hartree - 1) < 1e-15)
    }

    @Test("i-PI's are the inverses of its 1.8897261 Bohr/Å and 0.036749326 Ha/eV, 1e-8 away from ASE's")
    func ipiConstants() {
        let ipi = AtomicUnitConvention.ipi
        #expect(abs(ipi.bohrInAngstrom * 1.8897261 - 1) < 1e-15)
        #expect(abs(ipi.hartreeInElectronvolt * 0.036749326 - 1) < 1e-15)
        let bohrGap = abs(ipi.bohrInAngstrom / AtomicUnitConvention.ase.bohrInAngstrom - 1)
        #expect(bohrGap > 1e-9 && bohrGap < 1e-7)
    }

    @Test("a metal potential is converted; a potential in Bohr and Hartree takes the protocol's numbers as they are")
    func factors() {
        let ase = AtomicUnitConvention.ase
        #expect(ase.factors(to: .metal) == (0.5291772105638411, 27.211386024367243))
        #expect(ase.factors(to: .atomic) == (1, 1))
        #expect(AtomicUnitConvention.ipi.factors(to: .atomic) == (1, 1))
    }
}
