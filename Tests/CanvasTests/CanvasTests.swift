// Tests for the Canvas module.
