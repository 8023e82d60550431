// NeuralNetworks: per-element feed-forward networks with forward and reverse passes and n2p2 activations.
