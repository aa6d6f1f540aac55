/*
 * core_only.h - forced into every core file by the Makefile (-include).
 *
 * The core (catalogue, plan, session, history, progress, settings, hook,
 * file) draws nothing: curses belongs to the ui_*.c files. Poisoning names
 * that every curses header declares makes `#include <curses.h>` in a core
 * file a compile error instead of a habit.
 */
#pragma GCC poison initscr newterm endwin wrefresh doupdate
