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
/* ISO date of the last day on the team, or NULL while on it. */
const char  *sp_rep_get_left_on     (SpRep     *self);
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
/* Adds a rep hired on @hired_on (ISO date, or NULL when unknown) into @region_id, which is
 * also recorded as their region from that day (rep_region). One undo step; 0 with @error:
 * empty name, a rep of that name already in the region, unknown region, bad date. */
gint64       sp_rep_hire            (SpStore    *store,
                                     const char *name,
                                     gint64      region_id,
                                     const char *hired_on,
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

/* sp-rep-edit.c — the edits of the roster, each ONE undo step; FALSE with a translated
 * SP_STORE_ERROR_INVALID (or _NOT_FOUND for a rep or region that does not exist) naming what
 * is wrong, and nothing changed. Dates are ISO "YYYY-MM-DD". */
gboolean     sp_rep_rename          (SpStore    *store,
                                     gint64      rep_id,
                                     const char *name,
                                     GError    **error);
/* Sets the hire date; refused after the leaving day or after a move. The region recorded
 * from the old hire date moves to the new one. */
gboolean     sp_rep_set_hired_on    (SpStore    *store,
                                     gint64      rep_id,
                                     const char *hired_on,
                                     GError    **error);
/* Both of the above in one undo step, checked before anything is written (NULL: unchanged). */
gboolean     sp_rep_edit            (SpStore    *store,
                                     gint64      rep_id,
                                     const char *name,
                                     const char *hired_on,
                                     GError    **error);
/* Moves the rep to @region_id from @day on: recorded in rep_region, so that the days before
 * stay the old region's (work log, history, breakdown) and the days from @day on the new
 * one's. Refused before the hire date, after the leaving day, before the last move, into the
 * region they are already in, or where a rep of the same name already is. A rep with no
 * recorded region history gets their old region from their first known day (hire date, else
 * their earliest work log, order or opportunity) up to @day. */
gboolean     sp_rep_move            (SpStore    *store,
                                     gint64      rep_id,
                                     gint64      region_id,
                                     const char *day,
                                     GError    **error);
/* The rep leaves the team after @day (their last day). Their open opportunities and their
 * customers go to @handover_rep_id (工作交接) in the same undo step; with 0, a rep who still
 * has either is refused. Refused before the hire date or before the last move, when the
 * rep has already left, and when the handover rep has left or is the same rep. */
gboolean     sp_rep_leave           (SpStore    *store,
                                     gint64      rep_id,
                                     const char *day,
                                     gint64      handover_rep_id,
                                     GError    **error);
/* Takes a former rep back on the team (clears the leaving day). */
gboolean     sp_rep_reactivate      (SpStore    *store,
                                     gint64      rep_id,
                                     GError    **error);
/* Open opportunities and customers of the rep (what leaving hands over); -1 with @error. */
gint64       sp_rep_count_open_opportunities (SpStore  *store,
                                              gint64    rep_id,
                                              GError  **error);
gint64       sp_rep_count_customers          (SpStore  *store,
                                              gint64    rep_id,
                                              GError  **error);

#define SP_TYPE_REP_MOVE (sp_rep_move_get_type ())
G_DECLARE_FINAL_TYPE (SpRepMove, sp_rep_move, SP, REP_MOVE, GObject)

gint64       sp_rep_move_get_region_id   (SpRepMove *self);
const char  *sp_rep_move_get_region_name (SpRepMove *self);
/* ISO date from which the rep is in the region. */
const char  *sp_rep_move_get_from_day    (SpRepMove *self);

/* The rep's regions over time, oldest first; a GListModel of SpRepMove (empty when nothing
 * was recorded: the rep has always been in their current region). */
GListModel  *sp_rep_list_moves      (SpStore    *store,
                                     gint64      rep_id,
                                     GError    **error);

/* sp-rep-merge.c — one rep imported twice under two spellings: everything of @from_id (work
 * log, history orders, opportunities, customers, commitments, breakdown cells, action items and
 * any other row that names the rep) becomes @into_id's, then @from_id is removed. ONE undo step.
 * Conflicts are summed, never refused: two work-log entries of the same day become one whose
 * counts and money are the sums and whose notes are both texts, one per line; two commitments
 * to the same plan, or two breakdown cells of the same period, become their sum (locked if
 * either was). @into_id keeps its name, region and region history; its active range grows to
 * cover both (the earlier hire date; no leaving day if either is still on the team). */
gboolean     sp_rep_merge           (SpStore    *store,
                                     gint64      from_id,
                                     gint64      into_id,
                                     GError    **error);

G_END_DECLS
