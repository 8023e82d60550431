// TerminalUI: the ncurses front end; the only module that calls curses.
