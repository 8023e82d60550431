import Foundation
import Descriptors

/// How `nnplab drift` prints its rows.
public enum DriftFormat: String, Sendable, CaseIterable {
    /// Aligned columns for a terminal.
    case table
    /// Comma-separated, one header line (the JSON keys).
    case csv
    /// A JSON array of objects with the keys of ``DriftResult``.
    case json
}

extension DriftResult {
    /// Column headers of the table and CSV forms, in the JSON keys' order.
    static let columns = DriftResult.CodingKeys.allCases.map(\.stringValue)

    /// The row's values as text in ``columns`` order; `nil` values print as "-" (table) or "" (CSV).
    func fields(missing: String) -> [String] {
        func number(_ x: Double?) -> String {
            guard let x else { return missing }
            return x == 0 ? "0" : String(format: abs(x) >= 0.01 && abs(x) < 1e5 ? "%.4g" : "%.3e", x)
        }
        return ["\(seed)", cutoff.rawValue, activation, number(rmsDeviation), number(drift), number(maxJump),
                number(crossingsPerPicosecond), number(reluSwitchesPerPicosecond), number(validationEnergyRMSE),
                number(validationForceRMSE), number(teacherRMSDeviation)]
    }

    /// `rows` rendered in `format`, ending with a newline.
    public static func render(_ rows: [DriftResult], as format: DriftFormat) throws -> String {
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(rows), as: UTF8.self) + "\n"
        case .csv:
            return ([columns] + rows.map { $0.fields(missing: "") }).map { $0.joined(separator: ",") }
                .joined(separator: "\n") + "\n"
        case .table:
            let headers = ["seed", "cutoff", "activation", "rms dev", "drift", "max jump", "crossings",
                           "switches", "rmse E", "rmse F", "teacher rms"]
            let units = ["", "", "", "meV/atom", "meV/atom/ps", "meV", "/atom/ps", "/ps", "meV/atom", "meV/Å", "meV/atom"]
            let body = rows.map { $0.fields(missing: "-") }
            let all = [headers, units] + body
            let widths = headers.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
            return all.map { line in
                line.enumerated().map { c, text in
                    let pad = String(repeating: " ", count: widths[c] - text.count)
                    return c < 3 ? text + pad : pad + text
                }.joined(separator: "  ")
            }.joined(separator: "\n") + "\n"
        }
    }
}
