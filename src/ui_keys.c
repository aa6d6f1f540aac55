/*
 * ui_keys.c - the key table: every key of every screen, where it applies
 * (a UI_CTX_* bit per screen, plus the quit question), the action it asks
 * for and what the help screen says of it. The help screen is generated from
 * it, so a key is documented where it is bound.
 */
#include <stddef.h>

#include <curses.h>

#include "ui_priv.h"

#define CTX_LIST (UI_CTX_MENU | UI_CTX_INFO)
#define CTX_ANY                                                                                    \
	(UI_CTX_MENU | UI_CTX_INFO | UI_CTX_PLAYER | UI_CTX_SUMMARY | UI_CTX_HISTORY |             \
	 UI_CTX_PAIN | UI_CTX_STOP | UI_CTX_STOPPED)
/* Where a pain score 0-10 is typed. */
#define CTX_SCORE (UI_CTX_SUMMARY | UI_CTX_PAIN | UI_CTX_STOP)
/* The check-ins over the menu: the morning's and the questionnaires'. */
#define CTX_CHECKIN (UI_CTX_MORNING | UI_CTX_OUTCOME)
#define KEY_CTRL(c) ((c)&0x1f)
#define KEY_ESC     27

static const struct ui_binding bindings[] = {
	/* The menu. */
	{ CTX_LIST, KEY_UP, "Up", UI_ACT_UP, "move up" },
	{ CTX_LIST, 'k', "k", UI_ACT_UP, NULL },
	{ CTX_LIST, KEY_DOWN, "Down", UI_ACT_DOWN, "move down" },
	{ CTX_LIST, 'j', "j", UI_ACT_DOWN, NULL },
	{ CTX_LIST, KEY_PPAGE, "PgUp", UI_ACT_PAGE_UP, "page up" },
	{ CTX_LIST, KEY_NPAGE, "PgDn", UI_ACT_PAGE_DOWN, "page down" },
	{ CTX_LIST, KEY_HOME, "Home", UI_ACT_FIRST, "first" },
	{ CTX_LIST, 'g', "g", UI_ACT_FIRST, NULL },
	{ CTX_LIST, KEY_END, "End", UI_ACT_LAST, "last" },
	{ CTX_LIST, 'G', "G", UI_ACT_LAST, NULL },
	{ UI_CTX_MENU, '\n', "Enter", UI_ACT_START, "start the highlighted entry" },
	{ UI_CTX_MENU, '\r', NULL, UI_ACT_START, NULL },
	{ UI_CTX_MENU, KEY_ENTER, NULL, UI_ACT_START, NULL },
	{ UI_CTX_MENU, 'a', "a", UI_ACT_ROUTINE, "start the full routine" },
	{ UI_CTX_MENU, 'd', "d", UI_ACT_DUE, "start what is due" },
	{ UI_CTX_MENU, 'h', "h", UI_ACT_HISTORY, "history: calendar, streaks, pain" },
	{ UI_CTX_MENU, '\t', "Tab", UI_ACT_INFO, "details of the highlighted exercise" },
	{ UI_CTX_MENU, 'i', "i", UI_ACT_SAFETY, "when to get help" },
	{ UI_CTX_MENU, 'q', "q", UI_ACT_QUIT, "quit" },
	/* The details screen. */
	{ UI_CTX_INFO, '\n', "Enter", UI_ACT_START, "start this exercise" },
	{ UI_CTX_INFO, '\r', NULL, UI_ACT_START, NULL },
	{ UI_CTX_INFO, KEY_ENTER, NULL, UI_ACT_START, NULL },
	{ UI_CTX_INFO, 'q', "q", UI_ACT_BACK, "back to the menu" },
	{ UI_CTX_INFO, KEY_ESC, "Esc", UI_ACT_BACK, NULL },
	{ UI_CTX_INFO, '\t', "Tab", UI_ACT_BACK, NULL },
	{ UI_CTX_INFO, KEY_LEFT, "Left", UI_ACT_BACK, NULL },
	{ UI_CTX_INFO, 'o', "o", UI_ACT_VIDEO, "open the video in the browser (xdg-open)" },
	/* The player. */
	{ UI_CTX_PLAYER, ' ', "Space", UI_ACT_PAUSE, "pause or resume" },
	{ UI_CTX_PLAYER, 'n', "n", UI_ACT_NEXT, "next phase" },
	{ UI_CTX_PLAYER, KEY_RIGHT, "Right", UI_ACT_NEXT, NULL },
	{ UI_CTX_PLAYER, 'p', "p", UI_ACT_PREV,
	  "restart the phase; within its first 2 s, the previous one" },
	{ UI_CTX_PLAYER, KEY_LEFT, "Left", UI_ACT_PREV, NULL },
	{ UI_CTX_PLAYER, 's', "s", UI_ACT_SKIP, "skip to the next exercise" },
	{ UI_CTX_PLAYER, 'x', "x", UI_ACT_STOP,
	  "it hurts: stop this exercise, give the pain, log it stopped" },
	{ UI_CTX_PLAYER, 'f', "f", UI_ACT_FIGURE, "hide or show the figure" },
	{ UI_CTX_PLAYER, 'o', "o", UI_ACT_VIDEO, "pause and open the video (xdg-open)" },
	{ UI_CTX_PLAYER, 'q', "q", UI_ACT_QUIT, "quit (asks first)" },
	{ UI_CTX_PLAYER, KEY_ESC, "Esc", UI_ACT_QUIT, NULL },
	/* The quit question. */
	{ UI_CTX_CONFIRM, 'y', "y", UI_ACT_YES, "yes, quit" },
	{ UI_CTX_CONFIRM, 'Y', NULL, UI_ACT_YES, NULL },
	{ UI_CTX_CONFIRM, 'n', "n", UI_ACT_NO, "no, carry on" },
	{ UI_CTX_CONFIRM, 'N', NULL, UI_ACT_NO, NULL },
	{ UI_CTX_CONFIRM, KEY_ESC, "Esc", UI_ACT_NO, NULL },
	{ UI_CTX_CONFIRM, 'q', "q", UI_ACT_NO, NULL },
	/* The summary, with its pain question. */
	{ CTX_SCORE, '0', "0-9", UI_ACT_DIGIT, "type how your back is now, 0 to 10" },
	/* The check-ins over the menu type their answers with the same keys. */
	{ UI_CTX_MORNING, '0', "0-9", UI_ACT_DIGIT, "type back pain this morning, 0 to 10" },
	{ UI_CTX_OUTCOME, '0', "0-9", UI_ACT_DIGIT, "type the answer, on the scale shown" },
	{ CTX_SCORE | CTX_CHECKIN, '1', NULL, UI_ACT_DIGIT, NULL },
	{ CTX_SCORE | CTX_CHECKIN, '2', NULL, UI_ACT_DIGIT, NULL },
	{ CTX_SCORE | CTX_CHECKIN, '3', NULL, UI_ACT_DIGIT, NULL },
	{ CTX_SCORE | CTX_CHECKIN, '4', NULL, UI_ACT_DIGIT, NULL },
	{ CTX_SCORE | CTX_CHECKIN, '5', NULL, UI_ACT_DIGIT, NULL },
	{ CTX_SCORE | CTX_CHECKIN, '6', NULL, UI_ACT_DIGIT, NULL },
	{ CTX_SCORE | CTX_CHECKIN, '7', NULL, UI_ACT_DIGIT, NULL },
	{ CTX_SCORE | CTX_CHECKIN, '8', NULL, UI_ACT_DIGIT, NULL },
	{ CTX_SCORE | CTX_CHECKIN, '9', NULL, UI_ACT_DIGIT, NULL },
	{ CTX_SCORE | CTX_CHECKIN, KEY_BACKSPACE, "Backspace", UI_ACT_ERASE, "erase a digit" },
	{ CTX_SCORE | CTX_CHECKIN, 127, NULL, UI_ACT_ERASE, NULL },
	{ CTX_SCORE | CTX_CHECKIN, '\b', NULL, UI_ACT_ERASE, NULL },
	{ UI_CTX_SUMMARY, '\n', "Enter", UI_ACT_BACK,
	  "save the score (none if nothing typed), then done" },
	{ UI_CTX_SUMMARY, '\r', NULL, UI_ACT_BACK, NULL },
	{ UI_CTX_SUMMARY, KEY_ENTER, NULL, UI_ACT_BACK, NULL },
	{ UI_CTX_SUMMARY, 'q', "q", UI_ACT_QUIT, "done, without a score" },
	{ UI_CTX_SUMMARY, 'y', "y", UI_ACT_YES, "take the step offered for next time" },
	{ UI_CTX_SUMMARY, 'n', "n", UI_ACT_NO, "not yet: keep the step" },
	{ UI_CTX_SUMMARY, '\t', "Tab", UI_ACT_INFO,
	  "why the step is offered (lumbar why), or hide it" },
	{ UI_CTX_SUMMARY, KEY_ESC, "Esc", UI_ACT_QUIT, NULL },
	/* The pain-before question, and the stop screen's pain question. */
	{ UI_CTX_PAIN, '\n', "Enter", UI_ACT_START,
	  "save the score (none if nothing typed), start" },
	{ UI_CTX_PAIN, '\r', NULL, UI_ACT_START, NULL },
	{ UI_CTX_PAIN, KEY_ENTER, NULL, UI_ACT_START, NULL },
	{ UI_CTX_PAIN, 'q', "q", UI_ACT_QUIT, "back, without starting" },
	{ UI_CTX_PAIN, KEY_ESC, "Esc", UI_ACT_QUIT, NULL },
	{ UI_CTX_STOP, '\n', "Enter", UI_ACT_START, "save the score (none if nothing typed)" },
	{ UI_CTX_STOP, '\r', NULL, UI_ACT_START, NULL },
	{ UI_CTX_STOP, KEY_ENTER, NULL, UI_ACT_START, NULL },
	/* The stop screen's choices. */
	{ UI_CTX_STOPPED, 'n', "n", UI_ACT_NEXT, "next exercise" },
	{ UI_CTX_STOPPED, 'e', "e", UI_ACT_END, "end the session" },
	{ UI_CTX_STOPPED, 'i', "i", UI_ACT_SAFETY, "when to get help" },
	/* The history view. */
	{ UI_CTX_HISTORY, 'q', "q", UI_ACT_BACK, "back to the menu" },
	{ UI_CTX_HISTORY, KEY_ESC, "Esc", UI_ACT_BACK, NULL },
	{ UI_CTX_HISTORY, 'h', "h", UI_ACT_BACK, NULL },
	{ UI_CTX_HISTORY, KEY_LEFT, "Left", UI_ACT_BACK, NULL },
	/* The resume question at start. */
	{ UI_CTX_RESUME, 'y', "y", UI_ACT_YES, "resume the routine where it stopped" },
	{ UI_CTX_RESUME, 'Y', NULL, UI_ACT_YES, NULL },
	{ UI_CTX_RESUME, 'n', "n", UI_ACT_NO, "log what was done and drop the rest" },
	{ UI_CTX_RESUME, 'N', NULL, UI_ACT_NO, NULL },
	/* The safety screen: one choice. */
	{ UI_CTX_SAFETY, 'c', "c", UI_ACT_CONTINUE, "none of these, continue" },
	{ UI_CTX_SAFETY, 'C', NULL, UI_ACT_CONTINUE, NULL },
	{ UI_CTX_SAFETY, 'h', "h", UI_ACT_APPLIES, "one of these applies" },
	{ UI_CTX_SAFETY, 'H', NULL, UI_ACT_APPLIES, NULL },
	{ UI_CTX_SAFETY, KEY_UP, "Up", UI_ACT_UP, "scroll up" },
	{ UI_CTX_SAFETY, 'k', "k", UI_ACT_UP, NULL },
	{ UI_CTX_SAFETY, KEY_DOWN, "Down", UI_ACT_DOWN, "scroll down" },
	{ UI_CTX_SAFETY, 'j', "j", UI_ACT_DOWN, NULL },
	/* The help screen: any key goes back, but i. */
	{ UI_CTX_HELP, 'i', "i", UI_ACT_SAFETY, "when to get help" },
	/* The morning check-in over the menu (its digits are above). */
	{ UI_CTX_MORNING, '\n', "Enter", UI_ACT_BACK, "record it; alone, skip for today" },
	{ UI_CTX_MORNING, '\r', NULL, UI_ACT_BACK, NULL },
	{ UI_CTX_MORNING, KEY_ENTER, NULL, UI_ACT_BACK, NULL },
	/* q and Esc skip whatever was typed: a morning of `-`, never the digits. */
	{ UI_CTX_MORNING, 'q', "q", UI_ACT_QUIT, "skip for today, whatever was typed" },
	{ UI_CTX_MORNING, KEY_ESC, "Esc", UI_ACT_QUIT, NULL },
	/* The outcome check-in over the menu (issue 22): one item at a time. */
	{ UI_CTX_OUTCOME, '\n', "Enter", UI_ACT_BACK,
	  "answer and go on; alone, skip it (later items: leave this one out)" },
	{ UI_CTX_OUTCOME, '\r', NULL, UI_ACT_BACK, NULL },
	{ UI_CTX_OUTCOME, KEY_ENTER, NULL, UI_ACT_BACK, NULL },
	/* q and Esc skip the whole questionnaire: an outcome of `-`, nothing typed kept. */
	{ UI_CTX_OUTCOME, 'q', "q", UI_ACT_QUIT, "skip the questionnaire, whatever was typed" },
	{ UI_CTX_OUTCOME, KEY_ESC, "Esc", UI_ACT_QUIT, NULL },
	{ UI_CTX_SAFETY | CTX_CHECKIN, KEY_CTRL('c'), NULL, UI_ACT_INTERRUPT, NULL },
	/* Everywhere. */
	{ CTX_ANY, '?', "?", UI_ACT_HELP, "these keys" },
	{ CTX_ANY | UI_CTX_CONFIRM | UI_CTX_RESUME, KEY_CTRL('c'), "Ctrl-C", UI_ACT_INTERRUPT,
	  "quit at once" },
};

const struct ui_binding *ui_bindings(size_t *n)
{
	*n = sizeof(bindings) / sizeof(bindings[0]);
	return bindings;
}

enum ui_action ui_action_of(unsigned ctx, int key)
{
	for (size_t i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++)
		if ((bindings[i].ctx & ctx) && bindings[i].key == key)
			return bindings[i].action;
	return UI_ACT_NONE;
}
