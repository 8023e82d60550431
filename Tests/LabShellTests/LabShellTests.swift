// Tests for the LabShell module.
