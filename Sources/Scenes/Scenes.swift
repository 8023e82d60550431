// Scenes: the TOML demo files under Scenes/ and the model sets shipped with them.
