import Descriptors
import Foundation
import NeuralNetworks
import Testing
import Training
@testable import Scenes

@Suite("A scene's inner cutoff: [student] inner_cutoff (n2p2's cutoff_alpha)")
struct InnerCutoffTests {
    /// Argon's scene text with its `inner_cutoff = 0.5` line replaced by `line` (nil: removed).
    func innerCutoff(_ line: String?) -> (String) -> String {
        { text in
            let shipped = "inner_cutoff = 0.5 "
            #expect(text.contains(shipped))
            return text.replacingOccurrences(of: shipped, with: line ?? "# ")
        }
    }

    func argon(innerCutoff line: String?) throws -> Scene { try parsedArgon(innerCutoff(line)) }

    @Test("argon's kinked and smooth students are 1 inside α·r_c = 3.25 Å and taper over [3.25, 6.5] Å")
    func argonTapersOverTheOuterHalf() throws {
        let plan = try argon(innerCutoff: "inner_cutoff = 0.5 ").studentPlan()
        for kind in CutoffKind.allCases {
            let set = try plan.design(kind, .tanh).symmetryFunctions
            #expect(set.innerFraction == 0.5)
            let fc = try CutoffFunction(set.cutoffShape, radius: set.maximumCutoff, innerFraction: set.innerFraction)
            #expect(fc.value(3.2) == 1)
            switch kind {
            case .step: #expect(fc.value(6.4) == 1)
            // The linear ramp is halfway down halfway through the taper, with slope −1/3.25 Å.
            case .kinked:
                #expect(abs(fc.value(4.875) - 0.5) < 1e-15)
                #expect(abs(fc.valueAndDerivative(6.4).derivative + 1 / 3.25) < 1e-12)
            // The cosine is C¹: half at the taper's middle, flat at both of its ends.
            case .smooth:
                #expect(abs(fc.value(4.875) - 0.5) < 1e-15)
                #expect(abs(fc.valueAndDerivative(6.4999).derivative) < 1e-3)
            }
        }
    }

    @Test("without the key the taper starts at r = 0, as before")
    func defaultsToZero() throws {
        let set = try #require(try argon(innerCutoff: nil).student).symmetryFunctions
        #expect(set.innerFraction == 0)
    }

    @Test("an α outside [0, 1) is one line naming the file, line, key and value", arguments: ["1.0", "-0.1", "\"half\"", "nan"])
    func outOfRangeRefused(value: String) throws {
        let text = try #require(argonRefusal(innerCutoff("inner_cutoff = \(value) ")), "inner_cutoff = \(value) was accepted")
        #expect(text.hasPrefix("argon.toml:") && text.contains("inner_cutoff"), "\(text)")
        #expect(!text.contains("\n"))
    }
}
