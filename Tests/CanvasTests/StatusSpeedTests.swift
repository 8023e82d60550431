import Testing
@testable import Canvas

@Suite("Status line speed")
struct StatusSpeedTests {
    func lines(width: Int) -> [String] {
        var status = Fixtures.status
        status.speed = "1 ps/s"
        return StatusLine.lines(status, width: width).map { $0.map(\.text).joined(separator: "  ") }
    }

    @Test("the speed shows when it fits on the status's lines")
    func shownWhenRoom() {
        let wide = lines(width: 158)
        #expect(wide.count == 1 && wide[0].hasSuffix("speed 1 ps/s"))
    }

    @Test("the speed never costs the plots a row: dropped rather than wrapped onto a line of its own")
    func droppedWhenTight() {
        var plain = Fixtures.status
        plain.speed = nil
        let essentialCount = StatusLine.lines(plain, width: 98).count
        let tight = lines(width: 98)
        #expect(tight.count == essentialCount)
        #expect(!tight.joined().contains("speed"))
    }

    @Test("the help overlay explains the speed keys and the default pace")
    func helpExplainsSpeed() {
        #expect(KeyHelp.helpLines.contains { $0.hasPrefix("< >") && $0.contains("speed") })
        #expect(KeyHelp.speedNote.joined(separator: " ").contains("1 ps of simulated time per second"))
    }
}
