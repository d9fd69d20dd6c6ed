// Just enough of ncursesw for the floor programs.
#ifndef FLOOR_SHIM_H
#define FLOOR_SHIM_H
#define _XOPEN_SOURCE 700
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>
#endif
