import Descriptors
import Foundation
import Testing

@Suite("Cutoff functions")
struct CutoffFunctionTests {
    @Test("derivative equals the central difference of the value", arguments: CutoffShape.allCases, [0.0, 0.3])
    func derivativeMatchesFiniteDifference(shape: CutoffShape, alpha: Double) throws {
        let f = try CutoffFunction(shape, radius: 5.0, innerFraction: alpha)
        let h = 1e-6
        for r in stride(from: 0.05, to: 4.95, by: 0.173) {
            let fd = (f.value(r + h) - f.value(r - h)) / (2 * h)
            #expect(abs(fd - f.valueAndDerivative(r).derivative) < 1e-7, "r = \(r)")
        }
    }

    @Test("value is 1 inside the inner cutoff and 0 at and beyond r_c")
    func limits() throws {
        for shape in CutoffShape.allCases {
            let f = try CutoffFunction(shape, radius: 4.0, innerFraction: 0.5)
            #expect(f.value(4.0) == 0 && f.value(7.0) == 0)
            if shape.usesInnerCutoff { #expect(f.value(1.9) == 1) }
        }
        #expect(abs(try CutoffFunction(.tanh, radius: 3).value(0) - 1) < 1e-15)
    }

    @Test("smoothness at r_c: step jumps, kinked has a slope, smooth shapes reach 0 with zero slope")
    func smoothnessClasses() throws {
        let rc = 2.0, below = rc - 1e-9
        let step = try CutoffFunction(.step, radius: rc), kinked = try CutoffFunction(.kinked, radius: rc)
        #expect(step.value(below) == 1)
        #expect(kinked.value(below) < 1e-8 && abs(kinked.valueAndDerivative(below).derivative + 1 / rc) < 1e-12)
        for shape in CutoffShape.allCases where shape != .step && shape != .kinked {
            let f = try CutoffFunction(shape, radius: rc)
            #expect(f.value(below) < 1e-8)
            #expect(abs(f.valueAndDerivative(below).derivative) < 1e-6, "\(shape)")
        }
    }

    @Test("n2p2 cutoff_type numbers round-trip and kinked has none")
    func n2p2Codes() {
        for shape in CutoffShape.allCases {
            if let code = shape.n2p2Code { #expect(CutoffShape(n2p2Code: code) == shape) }
        }
        #expect(CutoffShape.kinked.n2p2Code == nil)
        #expect(CutoffShape(n2p2Code: 9) == nil)
    }

    @Test("invalid radius or alpha is refused")
    func invalidParameters() {
        #expect(throws: CutoffFunction.InvalidParameter.self) { try CutoffFunction(.cosine, radius: -1) }
        #expect(throws: CutoffFunction.InvalidParameter.self) { try CutoffFunction(.cosine, radius: 2, innerFraction: 1) }
    }
}

@Suite("Cutoff shapes and the lesson's kinds")
struct CutoffKindTests {
    @Test("each kind's shape has that kind, and a shape's kind matches its smoothness at r_c")
    func kindsRoundTrip() throws {
        for kind in CutoffKind.allCases { #expect(CutoffShape(kind).kind == kind) }
        for shape in CutoffShape.allCases {
            let f = try CutoffFunction(shape, radius: 5)
            let (below, slope) = f.valueAndDerivative(5 - 1e-7)
            switch shape.kind {
            case .step: #expect(below > 0.5)
            case .kinked: #expect(below < 1e-5 && abs(slope) > 0.1)
            case .smooth: #expect(below < 1e-5 && abs(slope) < 1e-3, "\(shape): f \(below), f' \(slope)")
            }
        }
    }
}
