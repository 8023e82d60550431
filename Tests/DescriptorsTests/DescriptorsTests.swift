// Tests for the Descriptors module.
