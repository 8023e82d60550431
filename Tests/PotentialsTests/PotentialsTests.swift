// Tests for the Potentials module.
