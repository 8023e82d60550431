// Tests for the Dynamics module.
