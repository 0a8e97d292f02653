/* sp-demo.h — deterministic demo workspaces (the first run's data and the benchmark's)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-store.h"

G_BEGIN_DECLS

typedef enum
{
  SP_DEMO_SIZE_DEMO,   /* 3 regions, 12 reps, 2 years of history and daily logs, ~300 opportunities */
  SP_DEMO_SIZE_LARGE,  /* 20 regions, 500 reps, 5 years of daily logs, ~200,000 opportunities */
} SpDemoSize;

#define SP_DEMO_DEFAULT_SEED 20261122u

/* Progress in 0..1, called from the generating thread. */
typedef void (*SpProgressFunc) (double fraction, gpointer user_data);

/* Fills an empty workspace (no regions, reps or plans yet; else SP_STORE_ERROR_INVALID) with
 * realistic data: the same @seed and @size give the same content hash. @today anchors the
 * data: history ends the day before, the current fiscal year's plan holds it. Not recorded
 * in the undo history. One transaction: on error or cancellation nothing is written. */
gboolean sp_demo_generate (SpStore         *store,
                           SpDemoSize       size,
                           guint64          seed,
                           const GDate     *today,
                           SpProgressFunc   progress,
                           gpointer         user_data,
                           GCancellable    *cancellable,
                           GError         **error);

/* "demo" / "large" → size; FALSE for anything else. */
gboolean sp_demo_size_from_string (const char *text,
                                   SpDemoSize *out);

G_END_DECLS
