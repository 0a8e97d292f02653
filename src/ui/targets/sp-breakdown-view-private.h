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

/* A cell widget of the grid and what it shows; made with the widget (the view's cells table
 * owns it), its row set while bound. */
typedef struct
{
  SpBreakdownView *view;
  Column           column;
  GtkWidget       *child;     /* the list item's child */
  GtkWidget       *target;    /* COL_TARGET: the GtkEditableLabel inside @child */
  SpBreakdownRow  *row;       /* while bound */
  char            *shown;     /* COL_TARGET: the amount as last shown */
  gboolean         showing;   /* COL_LOCK: the button follows the model, nobody clicked */
} BreakdownCell;

struct _SpBreakdownView
{
  GtkWidget             parent_instance;

  SpWorkspace          *workspace;
  SpBreakdown          *breakdown;
  SpBreakdownDimension  dimension;
  GtkTreeListModel     *tree;
  GHashTable           *children;   /* row key → GListStore of its children */
  GPtrArray            *rows;       /* every row made, to refresh in place */
  guint                 rebuild_source;
  GHashTable           *editables;  /* SpBreakdownRow → its target cell's GtkEditableLabel, while
                                     * bound */
  GHashTable           *cells;      /* cell widget → its BreakdownCell (owned) */
  SpBreakdownRow       *cursor;     /* the row whose target has the keyboard, or NULL */
  guint                 focus_source;
  guint                 focus_tries;
  gboolean              focus_edit;
  gboolean              refused;    /* the last typed edit was refused */

  GtkWidget            *toolbar;
  GtkDropDown          *dimension_dropdown;
  GtkRevealer          *stale_banner;
  GtkStack             *stack;
  GtkColumnView        *column_view;
};

/* sp-breakdown-view-cells.c: the columns and how a row's cells show and edit it. */
void _sp_breakdown_view_add_columns (SpBreakdownView *self);
void _sp_breakdown_cell_free        (BreakdownCell   *cell);

/* sp-breakdown-view-keys.c: the keyboard. What the keys do, callable from the tests (GTK 4.8
 * cannot synthesize key events): */
void       _sp_breakdown_view_setup_keys      (SpBreakdownView *self,
                                               BreakdownCell   *cell);
void       _sp_breakdown_view_bind_target     (SpBreakdownView *self,
                                               SpBreakdownRow  *row,
                                               GtkWidget       *editable);
void       _sp_breakdown_view_unbind_target   (SpBreakdownView *self,
                                               SpBreakdownRow  *row,
                                               GtkWidget       *editable);
void       _sp_breakdown_view_forget_cursor   (SpBreakdownView *self);
/* The target cell (a GtkEditableLabel) of the row at @position, if the list shows it. */
GtkWidget *_sp_breakdown_view_get_target      (SpBreakdownView *self,
                                               guint            position);
/* The cursor row's position, or GTK_INVALID_LIST_POSITION. */
guint      _sp_breakdown_view_get_cursor      (SpBreakdownView *self);
/* Selects the row at @position and gives its target cell the focus (scrolling to it; the
 * focus may arrive a frame later), editing it if @edit. FALSE: no such row. */
gboolean   _sp_breakdown_view_focus_position  (SpBreakdownView *self,
                                               guint            position,
                                               gboolean         edit);
/* Enter on a cell that is not being edited. */
gboolean   _sp_breakdown_view_start_editing   (SpBreakdownView *self);
/* Up (-1) and Down (+1) when not editing. FALSE: no row there. */
gboolean   _sp_breakdown_view_move            (SpBreakdownView *self,
                                               int              delta);
/* Enter and Tab (+1), Shift+Tab (-1): applies what was typed, then moves. A refused edit (a
 * toast says why) stays on its cell and returns FALSE. */
gboolean   _sp_breakdown_view_commit_and_move (SpBreakdownView *self,
                                               int              delta);
/* Escape: drops what was typed. */
void       _sp_breakdown_view_cancel          (SpBreakdownView *self);
/* Ctrl+Z: drops what was typed and undoes the last change (win.undo), keeping the cursor. */
void       _sp_breakdown_view_undo            (SpBreakdownView *self);

G_END_DECLS
