// Tests for the Simulation module.
