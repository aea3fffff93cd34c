// Stub: the sample plan names this file as done work (phantom-completion).
