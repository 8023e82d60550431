// Simulation: the background MD actor and the latest-snapshot mailbox the terminal UI reads.
