/* sp-rep.h — a sales rep (销售代表) and the region they work in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_REP (sp_rep_get_type ())
G_DECLARE_FINAL_TYPE (SpRep, sp_rep, SP, REP, GObject)

gint64       sp_rep_get_id          (SpRep     *self);
const char  *sp_rep_get_name        (SpRep     *self);
gint64       sp_rep_get_region_id   (SpRep     *self);
const char  *sp_rep_get_region_name (SpRep     *self);
/* ISO date or NULL. */
const char  *sp_rep_get_hired_on    (SpRep     *self);
gboolean     sp_rep_get_active      (SpRep     *self);

/* All reps by region name, then name; a GListModel of SpRep. @region_id 0 for all. */
GListModel  *sp_rep_list            (SpStore   *store,
                                     gint64     region_id,
                                     GError   **error);
/* Adds a rep to a region (an undoable edit); returns its id or 0 with @error. */
gint64       sp_rep_add             (SpStore    *store,
                                     const char *name,
                                     gint64      region_id,
                                     GError    **error);

/* The id of the rep called @name (spaces around it ignored), only among the reps of
 * @region_id when that is not 0 — the ONE rule for every place that takes a rep by name
 * (CLI options, imports). A name is unique only within a region, so when several reps bear it:
 * - the only one still on the team is taken, as a former rep's name is often given again;
 * - otherwise (several on the team, or only former reps and more than one) nothing is guessed:
 *   SP_STORE_ERROR_AMBIGUOUS, to be narrowed by the region.
 * A lone former rep is found (history and past work logs are still theirs).
 * None: SP_STORE_ERROR_NOT_FOUND naming the rep. Returns 0 with @error. */
gint64       sp_rep_find_by_name    (SpStore    *store,
                                     const char *name,
                                     gint64      region_id,
                                     GError    **error);

G_END_DECLS
