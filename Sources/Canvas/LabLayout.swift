/// Where each part of the lab goes on a terminal of a given size: the atom view on the left, the
/// energy plot and the conservation plot stacked on the right, then an optional message row, the
/// status line(s) and the key-hint row at the bottom.
public struct LabLayout: Sendable, Hashable {
    /// The smallest terminal the lab draws on; below it a "terminal too small" screen is shown.
    public static let minimumSize = GridSize(width: 60, height: 16)

    public let size: GridSize
    /// The framed atom view (box included).
    public let atomView: GridRect
    /// The framed plot of kinetic, potential and total energy.
    public let energyPlot: GridRect
    /// The framed plot of E_total − E_total(t0) with its RMS readout.
    public let driftPlot: GridRect
    /// Both plots' frames together: where the inspector or the picked atom's report go instead.
    public var plots: GridRect {
        GridRect(x: energyPlot.x, y: energyPlot.y, width: energyPlot.width, height: driftPlot.maxY - energyPlot.y)
    }
    /// Everything above the bottom rows (where overlays go).
    public let main: GridRect
    /// The row of the message or warning, when there is one.
    public let messageRow: Int?
    /// The status line rows (one, or two on narrow terminals).
    public let statusRows: Range<Int>
    /// The bottom row: key hints, or the command line while it is open.
    public let hintRow: Int

    /// The layout for `size` with `statusLines` status rows and, if `showsMessage`, a message row; nil
    /// below ``minimumSize``.
    public init?(size: GridSize, statusLines: Int, showsMessage: Bool) {
        guard size.width >= LabLayout.minimumSize.width, size.height >= LabLayout.minimumSize.height else { return nil }
        self.size = size
        hintRow = size.height - 1
        let statusCount = min(max(statusLines, 1), 2)
        statusRows = (hintRow - statusCount)..<hintRow
        messageRow = showsMessage ? statusRows.lowerBound - 1 : nil
        let mainHeight = (messageRow ?? statusRows.lowerBound)
        main = GridRect(x: 0, y: 0, width: size.width, height: mainHeight)
        // Braille dots are square when a region is twice as wide as tall; keep the atom view near that
        // shape but between 35 % and 50 % of the width.
        let squareish = 2 * mainHeight + 2
        let atomWidth = min(max(squareish, size.width * 35 / 100), size.width / 2)
        let (left, right) = main.splitLeft(atomWidth)
        atomView = left
        let (top, bottom) = right.splitTop(mainHeight / 2)
        energyPlot = top
        driftPlot = bottom
    }
}
