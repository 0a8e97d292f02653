/* sp-evaluation-private.h — helpers shared by the evaluation files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-workload.h"

G_BEGIN_DECLS

/* Attainment descending (without a target last), then actual descending, then name
 * (NULL names compare equal). */
int  sp_evaluation_compare_attainment (SpRate      a,
                                       gint64      a_actual,
                                       const char *a_name,
                                       SpRate      b,
                                       gint64      b_actual,
                                       const char *b_name);

G_END_DECLS
