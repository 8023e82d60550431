import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Canvas

/// Collects element names and text while parsing, and the first error.
final class SVGCollector: NSObject, XMLParserDelegate {
    var elements: [String: Int] = [:]
    /// The text of each element (entities split the parser's callbacks, so pieces are joined).
    var texts: [String] = []
    private var current = ""
    var polylinePointCounts: [Int] = []
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        current = ""
        if name == "polyline", let points = attributes["points"] {
            polylinePointCounts.append(points.split(separator: " ").count)
        }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(current) }
        current = ""
    }
}

@Suite("SVG plot document")
struct SVGTests {
    func parse(_ svg: String) -> (ok: Bool, collector: SVGCollector) {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = SVGCollector()
        parser.delegate = collector
        return (parser.parse(), collector)
    }

    @Test("the energy SVG is well-formed XML with both panels, every series, the mark, units and title")
    func wellFormed() {
        let trace = Fixtures.energy
        let svg = trace.svgDocument(title: "argon <NVE> & friends")
        let (ok, collector) = parse(svg)
        #expect(ok)
        #expect(collector.elements["svg"] == 1)
        #expect(collector.polylinePointCounts == [400, 400, 400, 400], "K, U, E and ΔE with every sample")
        for expected in ["argon <NVE> & friends", "meV/atom", "time (ps)", "smooth→step", "RMS 0.0123 meV/atom",
                         "kinetic", "potential", "total", "ΔE"] {
            #expect(collector.texts.contains(expected), "\(expected)")
        }
    }

    @Test("an empty history still gives a valid document that says there is no data")
    func emptyHistory() {
        let (ok, collector) = parse(EnergyTrace.empty.svgDocument(title: "empty"))
        #expect(ok)
        #expect(collector.elements["polyline"] == nil)
        #expect(collector.texts.contains("no data"))
    }
}

@Suite("SVG handout names its segments")
struct SVGSegmentTests {
    @Test("the title lists every segment's settings and the time axis says where the window starts")
    func segmentsInTitle() {
        let samples = (10..<60).map { EnergyTrace.Sample(time: Double($0) * 10, kinetic: 0, potential: 0.001 * Double($0)) }
        var trace = EnergyTrace(samples: samples, marks: [PlotMark(time: 300, label: "cutoff: step", setting: "step/tanh, dt 2 fs")],
                                atomCount: 1)
        trace.initialSetting = "smooth/tanh, dt 2 fs"
        let svg = trace.svgDocument(title: "argon")
        #expect(svg.contains("from the start: smooth/tanh, dt 2 fs"))
        #expect(svg.contains("from 0.300 ps (cutoff: step): step/tanh, dt 2 fs"))
        #expect(svg.contains("window starts at 0.100 ps"))
    }
}
