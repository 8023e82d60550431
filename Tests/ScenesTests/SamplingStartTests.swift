import Foundation
import Testing
import Geometry
@testable import Scenes

@Suite("A scene's sampling start: [student.training.start]")
struct SamplingStartTests {
    /// Argon's scene text with a `[student.training.start]` table holding `body` after its training keys.
    func withStart(_ body: String?) -> (String) -> String {
        { text in
            #expect(text.contains("seed = 7\n"))
            guard let body else { return text }
            return text.replacingOccurrences(of: "seed = 7\n", with: "seed = 7\n\n[student.training.start]\n\(body)\n")
        }
    }

    func argon(withStart body: String?) throws -> Scene { try parsedArgon(withStart(body)) }

    @Test("without the table the chains start from the scene's structure")
    func defaultsToTheStructure() throws {
        let scene = try argon(withStart: nil)
        #expect(scene.student?.samplingStart == nil)
        #expect(try scene.studentPlan().start == scene.structure)
    }

    @Test("with it the chains start from that structure, built as [structure] builds: 2x2x2 fcc cells are 32 atoms, the lesson keeps 108")
    func startsFromTheNamedStructure() throws {
        let scene = try argon(withStart: "lattice = \"fcc\"\nelement = \"Ar\"\nrepeats = [2, 2, 2]\ndensity = 1.4")
        let plan = try scene.studentPlan()
        #expect(plan.start.count == 32)
        #expect(scene.structure.count == 108)
        #expect(plan.start.cell == scene.student?.samplingStart?.cell)
    }

    /// The one-line error argon's scene gives with `body` as its sampling start, nil when it loads.
    func refusal(withStart body: String) -> String? { argonRefusal(withStart(body)) }

    @Test("an element the students have no network for is one line naming the table and the element")
    func strangerElementRefused() throws {
        let text = try #require(refusal(withStart: "lattice = \"fcc\"\nelement = \"Kr\"\nrepeats = [2, 2, 2]\ndensity = 2.8"))
        #expect(text.hasPrefix("argon.toml:") && text.contains("student.training.start") && text.contains("got Kr"))
        #expect(!text.contains("\n"))
    }

    @Test("a missing start file is refused naming the file")
    func missingFileRefused() throws {
        let text = try #require(refusal(withStart: "file = \"argon/nowhere.xyz\""))
        #expect(text.hasPrefix("argon.toml:") && text.contains("nowhere.xyz"))
        #expect(!text.contains("\n"))
    }
}
