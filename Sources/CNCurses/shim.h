#ifndef NNPLAB_CNCURSES_SHIM_H
#define NNPLAB_CNCURSES_SHIM_H
// Wide-character curses: without NCURSES_WIDECHAR, mvaddwstr, cchar_t and get_wch are not declared.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <ncursesw/curses.h>

// Swift imports neither the attribute macros nor the C globals under strict concurrency.
static inline attr_t nnp_a_bold(void) { return A_BOLD; }
static inline attr_t nnp_a_dim(void) { return A_DIM; }
static inline attr_t nnp_a_reverse(void) { return A_REVERSE; }
static inline attr_t nnp_a_normal(void) { return A_NORMAL; }
static inline attr_t nnp_color_pair(int n) { return COLOR_PAIR(n); }
static inline WINDOW *nnp_stdscr(void) { return stdscr; }
static inline int nnp_lines(void) { return LINES; }
static inline int nnp_cols(void) { return COLS; }
static inline int nnp_colors(void) { return COLORS; }
static inline FILE *nnp_stdout(void) { return stdout; }
static inline FILE *nnp_stdin(void) { return stdin; }
// The mouse event masks are function-like macros, which Swift does not import either.
static inline mmask_t nnp_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t nnp_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t nnp_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t nnp_button5_pressed(void) { return BUTTON5_PRESSED; }
#endif
