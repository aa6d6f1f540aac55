#include "history.h"
extern int history_placeholder_;
int history_placeholder_;