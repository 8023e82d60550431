// Tests for the Experiments module.
