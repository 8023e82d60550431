import Testing
import Descriptors
import Scenes
import Training

@Suite("Student plan variants")
struct StudentPlanVariantsTests {
    @Test("the radial-only plan keeps silicon's radial functions and recipe and drops every angular one")
    func radialOnlyDropsAngles() throws {
        let plan = try SceneLibrary.load("silicon", in: scenesFolder).studentPlan()
        let full = try plan.symmetryFunctions(.smooth), radial = try plan.radialOnly.symmetryFunctions(.smooth)
        #expect(full.count(forElementAt: 0) == 12 && radial.count(forElementAt: 0) == 6)
        #expect(radial.functions[0] == full.functions[0].filter { $0.n2p2Type == 2 })
        #expect(plan.radialOnly.settings == plan.settings && plan.radialOnly.sampling == plan.sampling)
    }

    @Test("switching the angular form turns every type 9 (wide) into type 3 (narrow) and back, same η, ζ, λ, r_c; radial untouched")
    func angularFormSwitchKeepsParameters() throws {
        let plan = try SceneLibrary.load("silicon", in: scenesFolder).studentPlan()
        let wide = try plan.angular(.wide).symmetryFunctions(.smooth).functions[0]
        let narrow = try plan.angular(.narrow).symmetryFunctions(.smooth).functions[0]
        #expect(wide.map(\.n2p2Type) == [2, 2, 2, 2, 2, 2, 9, 9, 9, 9, 9, 9])
        #expect(narrow.map(\.n2p2Type) == [2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3])
        var angularPairs = 0
        for (w, n) in zip(wide, narrow) {
            switch (w, n) {
            case let (.wideAngular(p), .narrowAngular(q)): #expect(p == q); angularPairs += 1
            case let (.radial(p), .radial(q)): #expect(p == q)
            default: Issue.record("unexpected pair \(w) / \(n)")
            }
        }
        #expect(angularPairs == 6)
        #expect(plan.angular(.narrow).settings == plan.settings && plan.angular(.narrow).sampling == plan.sampling)
    }

    @Test("a reduced plan trims configurations (sampling and recipe alike) and epochs, and nothing else")
    func reducedTrimsCounts() throws {
        let plan = try SceneLibrary.load("silicon", in: scenesFolder).studentPlan()
        let small = plan.reduced(configurations: 40, epochs: 60)
        #expect(small.sampling.configurations == 40 && small.student.training.configurations == 40)
        #expect(small.settings.epochs == 60)
        var expected = plan.settings
        expected.epochs = 60
        expected.patience = small.settings.patience
        #expect(small.settings == expected)
        #expect(try small.symmetryFunctions(.kinked) == plan.symmetryFunctions(.kinked))
        let same = plan.reduced()
        #expect(same.sampling == plan.sampling && same.settings == plan.settings)
    }
}
