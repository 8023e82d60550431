import Testing
import Descriptors
import Scenes

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
