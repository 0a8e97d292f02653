/* sp-region.h — a sales region (区域) of the workspace, as the UI lists it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "sp-store.h"

G_BEGIN_DECLS

#define SP_TYPE_REGION (sp_region_get_type ())
G_DECLARE_FINAL_TYPE (SpRegion, sp_region, SP, REGION, GObject)

gint64       sp_region_get_id        (SpRegion  *self);
const char  *sp_region_get_name      (SpRegion  *self);
guint        sp_region_get_rep_count (SpRegion  *self);

/* All regions by name; a GListModel of SpRegion. */
GListModel  *sp_region_list          (SpStore   *store,
                                      GError   **error);
/* Adds a region (an undoable edit); returns its id or 0 with @error (empty or duplicate). */
gint64       sp_region_add           (SpStore    *store,
                                      const char *name,
                                      GError    **error);

/* The id of the region called @name (spaces around it ignored); 0 with
 * SP_STORE_ERROR_NOT_FOUND "There is no region named …". */
gint64       sp_region_find_by_name  (SpStore    *store,
                                      const char *name,
                                      GError    **error);
/* Renames a region (one undo step); refused when empty or taken. */
gboolean     sp_region_rename        (SpStore    *store,
                                      gint64      region_id,
                                      const char *name,
                                      GError    **error);
/* Removes a region that is empty (one undo step): refused while any rep, current or former,
 * is or was in it, or history orders, customers or breakdown cells name it. */
gboolean     sp_region_remove        (SpStore    *store,
                                      gint64      region_id,
                                      GError    **error);

/* sp-headcount.c — how many reps a region has on a day: those on the team that day (from
 * hired_on to left_on inclusive, an unknown date being no bound) whose region that day — their
 * latest rep_region move on or before it, else their current region — is @region_id.
 * -1 with @error. */
gint64       sp_region_headcount_on  (SpStore    *store,
                                      gint64      region_id,
                                      const char *day,
                                      GError    **error);

#define SP_TYPE_HEADCOUNT (sp_headcount_get_type ())
G_DECLARE_FINAL_TYPE (SpHeadcount, sp_headcount, SP, HEADCOUNT, GObject)

gint64       sp_headcount_get_region_id   (SpHeadcount *self);
const char  *sp_headcount_get_region_name (SpHeadcount *self);
/* ISO date of the month's first day. */
const char  *sp_headcount_get_month       (SpHeadcount *self);
guint        sp_headcount_get_count       (SpHeadcount *self);

/* Headcount per region and month, for @n_months months from the month of @first_day: the
 * month's count is the headcount on its last day (月末人数), so a rep who leaves during a
 * month no longer counts in it and a rep who moves counts in their new region. Regions in
 * their list order, each with its months in order (every region, zeros included); a
 * GListModel of SpHeadcount. */
GListModel  *sp_region_list_headcount (SpStore    *store,
                                       const char *first_day,
                                       guint       n_months,
                                       GError    **error);

G_END_DECLS
