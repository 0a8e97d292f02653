/* sp-breakdown-view-private.h — what the breakdown tree's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-model.h"

#include "sp-breakdown-view.h"

G_BEGIN_DECLS

typedef enum
{
  COL_NAME,
  COL_TARGET,
  COL_SHARE,
  COL_LAST_YEAR,
  COL_GROWTH,
  COL_LOCK,
} Column;

struct _SpBreakdownView
{
  GtkWidget             parent_instance;

  SpPreferences        *preferences;
  SpBreakdown          *breakdown;
  SpBreakdownDimension  dimension;
  GtkTreeListModel     *tree;
  GHashTable           *children;   /* row key → GListStore of its children */
  GPtrArray            *rows;       /* every row made, to refresh in place */
  GHashTable           *names;      /* member id → name, for the dimension shown */
  guint                 rebuild_source;

  GtkWidget            *toolbar;
  GtkDropDown          *dimension_dropdown;
  GtkRevealer          *stale_banner;
  GtkStack             *stack;
  GtkColumnView        *column_view;
};

/* sp-breakdown-view-cells.c: the columns and how a row's cells show and edit it. */
void _sp_breakdown_view_add_columns (SpBreakdownView *self);

G_END_DECLS
