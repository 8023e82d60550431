/// Reusable scratch memory for evaluating one ``FeedForwardNetwork`` shape without allocating:
/// per layer the activations a, f′(z), f″(z), and the forward-mode tangents ż and ȧ, plus two pairs
/// of adjoint vectors for the reverse pass.
///
/// Create one per thread (it is a value; copies do not share memory) and pass it `inout` to the
/// pointer-taking evaluation methods. A workspace made for one network works for any network with
/// the same ``FeedForwardNetwork/layerSizes``.
public struct NetworkWorkspace: Sendable {
    /// Layer widths, input first, that this workspace was sized for.
    public let layerSizes: [Int]
    @usableFromInline var storage: [Double]
    /// Start of layer l's block of 5 vectors (a, f′, f″, ż, ȧ), each `layerSizes[l + 1]` long.
    @usableFromInline let layerOffsets: [Int]
    /// Start of the 4 adjoint vectors (ā, ǡ and their previous-layer partners), each maximum width.
    @usableFromInline let adjointOffset: Int
    @usableFromInline let maximumWidth: Int

    public init(for network: FeedForwardNetwork) {
        layerSizes = network.layerSizes
        maximumWidth = network.maximumWidth
        var offsets: [Int] = []
        var offset = 0
        for layer in network.layers {
            offsets.append(offset)
            offset += 5 * layer.outputCount
        }
        layerOffsets = offsets
        adjointOffset = offset
        storage = Array(repeating: 0, count: offset + 4 * maximumWidth)
    }
}
