// Tests for the NeuralNetworks module.
