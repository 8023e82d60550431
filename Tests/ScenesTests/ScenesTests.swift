// Tests for the Scenes module.
