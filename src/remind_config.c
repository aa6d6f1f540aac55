/*
 * remind_config.c - the reminder settings' values: their defaults and the
 * words config.yaml writes them in (`07:30`, `05-12`). Apart from remind.c
 * so that the settings loader needs nothing else.
 */
#include "remind.h"

#include <string.h>

void rem_config_default(struct rem_config *c)
{
	memset(c, 0, sizeof(*c));
	c->part[0] = (struct rem_part){ 5, 12 };  /* default: morning */
	c->part[1] = (struct rem_part){ 12, 17 }; /* default: afternoon */
	c->part[2] = (struct rem_part){ 17, 23 }; /* default: evening */
	c->n_parts = 3;
	c->at[0] = 7 * 60 + 30;  /* default: 07:30 */
	c->at[1] = 18 * 60 + 30; /* default: 18:30 */
	c->n_at = 2;
}

static bool two_digits(const char *s, unsigned *out)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return false;
	*out = (unsigned)(s[0] - '0') * 10 + (unsigned)(s[1] - '0');
	return true;
}

int rem_parse_time(const char *s, unsigned *minutes)
{
	unsigned h, m;

	if (strlen(s) != 5 || !two_digits(s, &h) || s[2] != ':' || !two_digits(s + 3, &m) ||
	    h > 23 || m > 59)
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

int rem_parse_part(const char *s, struct rem_part *out)
{
	unsigned a, b;

	if (strlen(s) != 5 || !two_digits(s, &a) || s[2] != '-' || !two_digits(s + 3, &b) ||
	    a >= b || b > 24)
		return -1;
	*out = (struct rem_part){ a, b };
	return 0;
}

const char *rem_parts_check(const struct rem_part *p, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		for (unsigned j = i + 1; j < n; j++)
			if (p[i].from < p[j].to && p[j].from < p[i].to)
				return "two parts of the day overlap";
	return NULL;
}
