// LabShell: the command language shared by the `:` line and `nnplab repl`.
