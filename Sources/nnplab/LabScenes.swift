import Simulation

/// Where `nnplab view` and `nnplab repl` find scenes by name.
func labScenes() -> any SceneSource { BuiltInScenes() }

/// The scene the lab opens without a SCENE argument.
let defaultSceneName = "argon"
