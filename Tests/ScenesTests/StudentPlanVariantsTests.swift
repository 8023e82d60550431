import Testing
import Descriptors
import Scenes
import Training

@Suite("Student plan variants")
struct StudentPlanVariantsTests {
    @Test("the radial-only plan keeps silicon's radial functions and recipe and drops every angular one")
    func radialOnlyDropsAngles() throws {
        let plan = try SceneLibrary.load("silicon", in: scenesFolder).studentPlan()
        let radialPlan = try plan.radialOnly()
        let full = plan.student.symmetryFunctions(.smooth), radial = radialPlan.student.symmetryFunctions(.smooth)
        #expect(full.count(forElementAt: 0) == 12 && radial.count(forElementAt: 0) == 6)
        #expect(radial.functions[0] == full.functions[0].filter { $0.n2p2Type == 2 })
        #expect(radialPlan.student.settings == plan.student.settings && radialPlan.student.sampling == plan.student.sampling)
        #expect(radialPlan.student.hiddenLayers == plan.student.hiddenLayers && radialPlan.student.angularForms.isEmpty)
    }

    @Test("switching the angular form turns every type 9 (wide) into type 3 (narrow) and back, same η, ζ, λ, r_c; radial untouched")
    func angularFormSwitchKeepsParameters() throws {
        let plan = try SceneLibrary.load("silicon", in: scenesFolder).studentPlan()
        let wide = try plan.angular(.wide).student.symmetryFunctions(.smooth).functions[0]
        let narrowPlan = try plan.angular(.narrow)
        let narrow = narrowPlan.student.symmetryFunctions(.smooth).functions[0]
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
        #expect(narrowPlan.student.settings == plan.student.settings && narrowPlan.student.sampling == plan.student.sampling)
        // Silicon's own form is wide: switching to it changes nothing.
        #expect(try plan.angular(.wide).student == plan.student)
    }

    @Test("a reduced plan trims configurations and epochs, and nothing else; a recipe without patience still runs every epoch")
    func reducedTrimsCounts() throws {
        let plan = try SceneLibrary.load("silicon", in: scenesFolder).studentPlan()
        let small = plan.reduced(configurations: 40, epochs: 60)
        #expect(small.student.sampling.configurations == 40)
        var expectedSampling = plan.student.sampling
        expectedSampling.configurations = 40
        #expect(small.student.sampling == expectedSampling)
        var expected = plan.student.settings
        (expected.epochs, expected.patience) = (60, 60)
        #expect(small.student.settings == expected)
        #expect(small.student.symmetryFunctions(.kinked) == plan.student.symmetryFunctions(.kinked))
        let same = plan.reduced()
        #expect(same.student == plan.student)
    }

    @Test("a patience shorter than the epochs is kept when the epochs change")
    func explicitPatienceKept() throws {
        var student = try #require(try SceneLibrary.load("silicon", in: scenesFolder).student)
        student.settings.patience = 30
        let longer = student.withEpochs(400)
        #expect(longer.settings.epochs == 400 && longer.settings.patience == 30)
    }
}
