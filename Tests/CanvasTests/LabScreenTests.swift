import Testing
@testable import Canvas

@Suite("Lab screen layout")
struct LabScreenTests {
    @Test("the 100×30 lab matches its golden render")
    func lab100x30() {
        let grid = LabScreen.render(frame: Fixtures.frame, size: GridSize(width: 100, height: 30), mode: RenderMode())
        Golden.expectMatches(grid.rows(), name: "lab-100x30")
    }
}
