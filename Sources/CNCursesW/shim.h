// The C surface docbao needs from ncursesw. The feature macros must come before any system
// header, or the wide-character API (cchar_t, setcchar, wget_wch) is compiled out.
#ifndef DOCBAO_CNCURSESW_SHIM_H
#define DOCBAO_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <stdio.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros do not import into Swift; these accessors stand in for them.
static inline attr_t docbao_a_normal(void) { return A_NORMAL; }
static inline attr_t docbao_a_bold(void) { return A_BOLD; }
static inline attr_t docbao_a_dim(void) { return A_DIM; }
static inline attr_t docbao_a_reverse(void) { return A_REVERSE; }
static inline attr_t docbao_a_underline(void) { return A_UNDERLINE; }
static inline attr_t docbao_a_italic(void) { return A_ITALIC; }
static inline mmask_t docbao_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t docbao_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t docbao_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t docbao_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t docbao_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t docbao_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline int docbao_key_code_yes(void) { return KEY_CODE_YES; }

// Globals are a strict-concurrency error when read from Swift; read them here instead.
static inline WINDOW *docbao_stdscr(void) { return stdscr; }
static inline int docbao_lines(void) { return LINES; }
static inline int docbao_cols(void) { return COLS; }
static inline int docbao_colors(void) { return COLORS; }
static inline int docbao_color_pairs(void) { return COLOR_PAIRS; }

static inline FILE *docbao_stdout(void) { return stdout; }
static inline FILE *docbao_stdin(void) { return stdin; }
static inline const char *docbao_codeset(void) { return nl_langinfo(CODESET); }

// Whether the terminal has an alternate screen to leave on exit (terminfo's rmcup): tigetstr
// gives NULL when it is absent and (char *)-1 when the name is no string capability.
static inline int docbao_has_alternate_screen(void) {
    const char *s = tigetstr("rmcup");
    return s != NULL && s != (const char *)-1 && *s != 0;
}

#endif
