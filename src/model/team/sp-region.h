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

G_END_DECLS
