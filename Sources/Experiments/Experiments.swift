// Experiments: the drift table and the `check` exercises that make the primer visible.
