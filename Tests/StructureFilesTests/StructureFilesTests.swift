// Tests for the StructureFiles module.
