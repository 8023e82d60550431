import Scenes
import Simulation

/// Where `nnplab view` and `nnplab repl` find scenes by name: the scenes folder (Scenes/*.toml).
func labScenes() -> any SceneSource { SceneFolderSource() }

/// The scene the lab opens without a SCENE argument.
let defaultSceneName = SceneLibrary.defaultSceneName
