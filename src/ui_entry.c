/*
 * ui_entry.c - words being typed on a screen: the summary's note (`w`) and
 * the name of an activity at the outcome check-in (issue 22). Keys come a
 * byte at a time; bytes are gathered into whole UTF-8 characters, and a
 * character is kept only while the words stay within ev_note_check()'s
 * limits (EV_MAX_NOTE characters, no control character), so what is typed
 * is always a note events.tsv takes. Backspace erases a whole character.
 */
#include <string.h>

#include "ui_priv.h"

void ui_entry_clear(struct ui_entry *e)
{
	e->len = e->have = e->want = 0;
	e->text[0] = '\0';
}

/* The bytes of a UTF-8 character that starts with `c`; 0 when none does. */
static size_t utf8_want(unsigned char c)
{
	return c >= 0x20 && c < 0x7f    ? 1
	       : c >= 0xc2 && c <= 0xdf ? 2
	       : c >= 0xe0 && c <= 0xef ? 3
	       : c >= 0xf0 && c <= 0xf4 ? 4
	                                : 0;
}

/* One byte of a character: the character is kept once whole, and only while the words fit. */
static void entry_byte(struct ui_entry *e, unsigned char c)
{
	if ((c & 0xc0) == 0x80) {
		/* A continuation byte outside a character is no character. */
		if (e->want == 0)
			return;
		e->part[e->have++] = (char)c;
	} else {
		e->want = utf8_want(c);
		e->have = 0;
		if (e->want == 0)
			return;
		e->part[e->have++] = (char)c;
	}
	if (e->have < e->want)
		return;
	if (e->len + e->want < sizeof(e->text)) {
		memcpy(e->text + e->len, e->part, e->want);
		if (ev_note_check(e->text, e->len + e->want) == NULL)
			e->len += e->want;
	}
	e->text[e->len] = '\0';
	e->want = e->have = 0;
}

bool ui_entry_key(struct ui_entry *e, const struct ui *ui, enum ui_action action)
{
	int k = ui->key;

	if (action == UI_ACT_ERASE) {
		/* A whole UTF-8 character: its continuation bytes, then its lead. */
		while (e->len > 0 && ((unsigned char)e->text[e->len - 1] & 0xc0) == 0x80)
			e->len--;
		if (e->len > 0)
			e->len--;
		e->text[e->len] = '\0';
		e->want = e->have = 0;
		return true;
	}
	if (k >= 0x20 && k <= 0xff && k != 0x7f) {
		entry_byte(e, (unsigned char)k);
		return true;
	}
	return false;
}

bool ui_entry_full(const struct ui_entry *e)
{
	size_t chars = 0;

	for (size_t i = 0; i < e->len; i++)
		chars += ((unsigned char)e->text[i] & 0xc0) != 0x80;
	return chars >= EV_MAX_NOTE;
}

const char *ui_entry_words(struct ui_entry *e)
{
	size_t start = 0;

	while (e->len > 0 && e->text[e->len - 1] == ' ')
		e->text[--e->len] = '\0';
	while (e->text[start] == ' ')
		start++;
	return e->text + start;
}
