/* sp-workspace.h — the open workspace as the UI sees it: the store, its preferences, one
 * coalesced "changed" notification per edit, and the one background job at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-preferences.h"
#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_WORKSPACE (sp_workspace_get_type ())
G_DECLARE_FINAL_TYPE (SpWorkspace, sp_workspace, SP, WORKSPACE, GObject)

/* Signals:
 *   "changed"  (void)  the workspace changed: an edit, an undo or redo, a preference, a
 *                      reload after another connection wrote. Every change made during one
 *                      main-loop iteration is emitted once, before the next frame is drawn.
 * Properties:
 *   "store", "preferences"   construct-only / read-only
 *   "busy"                   boolean, a job is running
 *   "job-message"            string, what the running job is doing (NULL when idle)
 */
SpWorkspace   *sp_workspace_new             (SpStore      *store);
SpStore       *sp_workspace_get_store       (SpWorkspace  *self);
SpPreferences *sp_workspace_get_preferences (SpWorkspace  *self);

/* Emits a pending "changed" now (tests, and callers that must read what the pages show
 * right after an edit). Returns whether one was pending. */
gboolean       sp_workspace_flush           (SpWorkspace  *self);
/* How many times "changed" has been emitted: a test counts refreshes against it. */
guint          sp_workspace_get_generation  (SpWorkspace  *self);

/* One background job at a time (import, export, report): begin returns its cancellable,
 * or NULL (with @error) when another job runs. The job reports with set_progress (0..1,
 * negative for unknown) and ends with end_job. */
GCancellable  *sp_workspace_begin_job       (SpWorkspace  *self,
                                             const char   *message,
                                             GError      **error);
void           sp_workspace_set_progress    (SpWorkspace  *self,
                                             double        fraction);
double         sp_workspace_get_progress    (SpWorkspace  *self);
void           sp_workspace_end_job         (SpWorkspace  *self);
gboolean       sp_workspace_get_busy        (SpWorkspace  *self);
const char    *sp_workspace_get_job_message (SpWorkspace  *self);
/* Asks the running job to stop (closing the window). */
void           sp_workspace_cancel_job      (SpWorkspace  *self);

G_END_DECLS
