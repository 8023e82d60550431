import Foundation

/// The keyword lines of an n2p2 `input.nn`, read as n2p2 (`settings::Settings`) reads them: `keyword value…`,
/// with `#` or `!` starting a comment anywhere (RuNNer-style files put `!` after the values).
/// Alternative spellings are folded onto n2p2's main keyword (`nnp_generation` → `nnp_type`, `symfunction`
/// → `symfunction_short`). Each entry keeps its 1-based line number.
///
/// What n2p2 refuses as a critical problem is refused here (a keyword given twice, or in two spellings);
/// what n2p2 only warns about (an unknown keyword) becomes a warning with n2p2's wording.
struct N2P2Settings {
    struct Entry { var fields: [String]; var line: Int }
    let file: String
    private(set) var entries: [String: [Entry]] = [:]
    /// n2p2's warnings about the file, e.g. `WARNING: Unknown keyword "foo" at line 12.`
    private(set) var warnings: [String] = []
    /// Units declared in the header comments (`# Length unit : Bohr`, `# Energy unit : Ha`), if any.
    private(set) var lengthUnit: String?
    private(set) var energyUnit: String?

    /// n2p2's alternative keyword spellings (Settings.cpp), by the main keyword they stand for.
    static let alternatives: [String: String] = [
        "nnp_generation": "nnp_type", "nnp_type_gen": "nnp_type", "nnp_gen": "nnp_type",
        "symfunction": "symfunction_short",
        "short_energy_error_threshold": "rmse_threshold_energy", "short_force_error_threshold": "rmse_threshold_force",
        "short_energy_fraction": "energy_fraction", "short_force_fraction": "force_fraction",
    ]

    /// Keywords n2p2 accepts more than once.
    static let repeatable: Set<String> = ["symfunction_short", "atom_energy", "element_nodes_short", "fixed_gausswidth",
                                          "initial_hardness"]

    /// Every main keyword n2p2 61daa0d knows (Settings.cpp); others draw its "Unknown keyword" warning.
    static let known: Set<String> = Set("""
        number_of_elements elements atom_energy cutoff_type symfunction_short scale_symmetry_functions scale_min_short
        scale_max_short center_symmetry_functions scale_symmetry_functions_sigma global_hidden_layers_short
        global_hidden_layers_electrostatic global_nodes_short global_nodes_electrostatic global_activation_short
        global_activation_electrostatic element_hidden_layers_short element_hidden_layers_electrostatic
        element_nodes_short element_nodes_electrostatic element_activation_short element_activation_electrostatic
        normalize_nodes mean_energy conv_length conv_energy conv_charge nnp_type fixed_gausswidth
        ewald_truncation_error_method ewald_prec screen_electrostatics four_pi_epsilon random_seed test_fraction epochs
        normalize_data_set use_short_forces rmse_threshold rmse_threshold_energy rmse_threshold_force
        rmse_threshold_charge rmse_threshold_trials rmse_threshold_trials_energy rmse_threshold_trials_force
        rmse_threshold_trials_charge energy_fraction force_fraction force_energy_ratio charge_fraction
        use_old_weights_short use_old_weights_charge weights_min weights_max initial_hardness
        nguyen_widrow_weights_short nguyen_widrow_weights_charge precondition_weights main_error_metric
        write_trainpoints write_trainforces write_traincharges write_weights_epoch write_neuronstats write_trainlog
        repeated_energy_update updater_type parallel_mode jacobian_mode update_strategy selection_mode
        selection_mode_energy selection_mode_force selection_mode_charge task_batch_size_energy task_batch_size_force
        task_batch_size_charge gradient_type gradient_eta gradient_adam_eta gradient_adam_beta1 gradient_adam_beta2
        gradient_adam_epsilon kalman_type kalman_epsilon kalman_eta kalman_etatau kalman_etamax kalman_q0 kalman_qtau
        kalman_qmin kalman_lambda_short kalman_nue_short memorize_symfunc_results force_weight
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    init(text: String, file: String) throws {
        self.file = file
        var spelled = [String: [(spelling: String, line: Int)]]()
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if let hash = line.firstIndex(of: "#") {
                let comment = line[line.index(after: hash)...].lowercased()
                if let value = N2P2Settings.declared("length unit", in: comment) { lengthUnit = value }
                if let value = N2P2Settings.declared("energy unit", in: comment) { energyUnit = value }
            }
            let content = line.prefix(while: { $0 != "#" && $0 != "!" })
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let spelling = fields.first else { continue }
            let key = N2P2Settings.alternatives[spelling] ?? spelling
            if !N2P2Settings.known.contains(key) {
                warnings.append("WARNING: Unknown keyword \"\(spelling)\" at line \(index + 1).")
            }
            spelled[key, default: []].append((spelling, index + 1))
            entries[key, default: []].append(Entry(fields: Array(fields.dropFirst()), line: index + 1))
        }
        for (key, uses) in spelled.sorted(by: { $0.value[0].line < $1.value[0].line }) {
            let spellings = Set(uses.map(\.spelling))
            if spellings.count > 1 {
                throw N2P2FileError(file: file, line: uses[1].line,
                                    problem: "'\(key)' is given in two spellings (\(spellings.sorted().joined(separator: ", "))), which n2p2 refuses")
            }
            if uses.count > 1, N2P2Settings.known.contains(key), !N2P2Settings.repeatable.contains(key) {
                throw N2P2FileError(file: file, line: uses[1].line,
                                    problem: "'\(uses[1].spelling)' is given twice (also line \(uses[0].line)), which n2p2 refuses")
            }
        }
    }

    private static func declared(_ name: String, in comment: String) -> String? {
        let trimmed = comment.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(name), let colon = trimmed.firstIndex(of: ":") else { return nil }
        return trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    func has(_ key: String) -> Bool { entries[key] != nil }
    func all(_ key: String) -> [Entry] { entries[key] ?? [] }

    func error(_ line: Int, _ problem: String) -> N2P2FileError { N2P2FileError(file: file, line: line, problem: problem) }

    /// The single entry of a required keyword.
    func required(_ key: String) throws -> Entry {
        guard let e = entries[key]?.first else { throw error(0, "missing keyword '\(key)'") }
        guard !e.fields.isEmpty else { throw error(e.line, "'\(key)' needs a value") }
        return e
    }

    /// A finite number; NaN and infinities are refused.
    func number(_ text: String, line: Int, _ what: String) throws -> Double {
        guard let v = Double(text), v.isFinite else { throw error(line, "\(what) is not a finite number: '\(text)'") }
        return v
    }

    func integer(_ text: String, line: Int, _ what: String) throws -> Int {
        guard let v = Int(text) else { throw error(line, "\(what) is not an integer: '\(text)'") }
        return v
    }

    /// Field `index` of an entry, or an error naming what is missing.
    func field(_ entry: Entry, _ index: Int, _ key: String, _ what: String) throws -> String {
        guard index < entry.fields.count else { throw error(entry.line, "'\(key)' is missing its \(what)") }
        return entry.fields[index]
    }
}
