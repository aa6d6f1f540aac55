/* history.h - placeholder until the history module lands. */
#ifndef LUMBAR_HISTORY_H
#define LUMBAR_HISTORY_H
#endif