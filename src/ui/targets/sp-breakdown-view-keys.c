/* sp-breakdown-view-keys.c — the breakdown tree from the keyboard: the target cell that has
 * the keyboard (the cursor), Enter to edit, Enter or Tab to commit and go down (Shift+Tab up),
 * Up and Down between the rows' targets, Escape to cancel, Ctrl+Z to undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown-view"

#include "config.h"

#include <adwaita.h>

#include "sp-breakdown-view-private.h"

/* How often to look again for a row's cell while the list scrolls to it. */
#define FOCUS_TRIES 40

static SpBreakdownRow *
row_at (SpBreakdownView *self,
        guint            position)
{
  g_autoptr(GtkTreeListRow) tree_row = NULL;
  g_autoptr(GObject) item = NULL;

  if (self->tree == NULL)
    return NULL;
  tree_row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  item = tree_row ? gtk_tree_list_row_get_item (tree_row) : NULL;
  /* The tree's stores keep the row alive. */
  return item ? SP_BREAKDOWN_ROW (item) : NULL;
}

static guint
position_of (SpBreakdownView *self,
             SpBreakdownRow  *row)
{
  guint n;

  if (self->tree == NULL || row == NULL)
    return GTK_INVALID_LIST_POSITION;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    if (row_at (self, i) == row)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* The GtkListView inside the column view, which scrolls. */
static GtkWidget *
list_view (SpBreakdownView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

void
_sp_breakdown_view_bind_target (SpBreakdownView *self,
                                SpBreakdownRow  *row,
                                GtkWidget       *editable)
{
  if (row == NULL || self->editables == NULL)
    return;
  if (editable != NULL)
    g_hash_table_insert (self->editables, row, editable);
  else
    g_hash_table_remove (self->editables, row);
}

void
_sp_breakdown_view_unbind_target (SpBreakdownView *self,
                                  SpBreakdownRow  *row,
                                  GtkWidget       *editable)
{
  if (row != NULL && self->editables != NULL
      && g_hash_table_lookup (self->editables, row) == editable)
    g_hash_table_remove (self->editables, row);
}

GtkWidget *
_sp_breakdown_view_get_target (SpBreakdownView *self,
                               guint            position)
{
  SpBreakdownRow *row = row_at (self, position);

  return row && self->editables ? g_hash_table_lookup (self->editables, row) : NULL;
}

guint
_sp_breakdown_view_get_cursor (SpBreakdownView *self)
{
  return position_of (self, self->cursor);
}

void
_sp_breakdown_view_forget_cursor (SpBreakdownView *self)
{
  g_clear_handle_id (&self->focus_source, g_source_remove);
  g_clear_object (&self->cursor);
}

static void
set_cursor (SpBreakdownView *self,
            SpBreakdownRow  *row)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);
  guint position;

  g_set_object (&self->cursor, row);
  position = position_of (self, row);
  if (GTK_IS_SINGLE_SELECTION (selection) && position != GTK_INVALID_LIST_POSITION
      && gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (selection)) != position)
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), position);
}

/* Gives the cursor's cell the focus once the list has made it (it may have to scroll). */
static gboolean
focus_cursor_cb (gpointer data)
{
  SpBreakdownView *self = data;
  GtkWidget *editable = self->cursor && self->editables
                          ? g_hash_table_lookup (self->editables, self->cursor) : NULL;

  if (editable == NULL || !gtk_widget_get_mapped (editable))
    {
      if (self->cursor != NULL && ++self->focus_tries < FOCUS_TRIES)
        return G_SOURCE_CONTINUE;
      self->focus_source = 0;
      return G_SOURCE_REMOVE;
    }

  self->focus_source = 0;
  gtk_widget_grab_focus (editable);
  if (self->focus_edit)
    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (editable));
  return G_SOURCE_REMOVE;
}

gboolean
_sp_breakdown_view_focus_position (SpBreakdownView *self,
                                   guint            position,
                                   gboolean         edit)
{
  SpBreakdownRow *row = row_at (self, position);
  GtkWidget *list = list_view (self);

  if (row == NULL)
    return FALSE;

  set_cursor (self, row);
  self->focus_edit = edit;
  self->focus_tries = 0;
  if (list != NULL)
    gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);

  g_clear_handle_id (&self->focus_source, g_source_remove);
  if (focus_cursor_cb (self) == G_SOURCE_CONTINUE)
    self->focus_source = g_timeout_add (16, focus_cursor_cb, self);
  return TRUE;
}

static GtkEditableLabel *
cursor_editable (SpBreakdownView *self)
{
  GtkWidget *editable = self->cursor && self->editables
                          ? g_hash_table_lookup (self->editables, self->cursor) : NULL;

  return editable ? GTK_EDITABLE_LABEL (editable) : NULL;
}

gboolean
_sp_breakdown_view_start_editing (SpBreakdownView *self)
{
  GtkEditableLabel *editable = cursor_editable (self);

  if (editable == NULL)
    return FALSE;
  if (!gtk_editable_label_get_editing (editable))
    gtk_editable_label_start_editing (editable);
  return TRUE;
}

gboolean
_sp_breakdown_view_move (SpBreakdownView *self,
                         int              delta)
{
  guint position = _sp_breakdown_view_get_cursor (self);
  guint n = self->tree ? g_list_model_get_n_items (G_LIST_MODEL (self->tree)) : 0;
  gint64 next;

  if (position == GTK_INVALID_LIST_POSITION)
    return n > 0 && _sp_breakdown_view_focus_position (self, 0, FALSE);

  next = (gint64) position + delta;
  if (next < 0 || next >= n)
    return FALSE;
  return _sp_breakdown_view_focus_position (self, (guint) next, FALSE);
}

gboolean
_sp_breakdown_view_commit_and_move (SpBreakdownView *self,
                                    int              delta)
{
  GtkEditableLabel *editable = cursor_editable (self);

  if (editable != NULL && gtk_editable_label_get_editing (editable))
    {
      /* Stopping applies the text (see sp-breakdown-view-cells.c); the rows update in place. */
      self->refused = FALSE;
      gtk_editable_label_stop_editing (editable, TRUE);
      if (self->refused)
        {
          gtk_widget_grab_focus (GTK_WIDGET (editable));
          return FALSE;
        }
    }

  return _sp_breakdown_view_move (self, delta);
}

void
_sp_breakdown_view_cancel (SpBreakdownView *self)
{
  GtkEditableLabel *editable = cursor_editable (self);

  if (editable != NULL && gtk_editable_label_get_editing (editable))
    gtk_editable_label_stop_editing (editable, FALSE);
  if (editable != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (editable));
}

void
_sp_breakdown_view_undo (SpBreakdownView *self)
{
  guint position;

  _sp_breakdown_view_cancel (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL);
  /* The rows update in place: keep the keyboard where it was. */
  position = _sp_breakdown_view_get_cursor (self);
  if (position != GTK_INVALID_LIST_POSITION)
    _sp_breakdown_view_focus_position (self, position, FALSE);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                BreakdownCell         *cell)
{
  GtkWidget *editable = cell->target;
  SpBreakdownView *self = cell->view;
  SpBreakdownRow *row = cell->row;
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean editing = gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editable));

  if (self == NULL || row == NULL)
    return GDK_EVENT_PROPAGATE;
  if (self->cursor != row)
    set_cursor (self, row);

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (mods != 0 && mods != GDK_SHIFT_MASK)
        return GDK_EVENT_PROPAGATE;
      if (!editing)
        _sp_breakdown_view_start_editing (self);
      else
        _sp_breakdown_view_commit_and_move (self, mods == GDK_SHIFT_MASK ? -1 : 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (mods != 0 && mods != GDK_SHIFT_MASK)
        return GDK_EVENT_PROPAGATE;
      _sp_breakdown_view_commit_and_move (self, (mods & GDK_SHIFT_MASK)
                                                  || keyval == GDK_KEY_ISO_Left_Tab ? -1 : 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (editing || mods != 0)
        return GDK_EVENT_PROPAGATE;
      _sp_breakdown_view_move (self, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up ? -1 : 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      if (!editing)
        return GDK_EVENT_PROPAGATE;
      _sp_breakdown_view_cancel (self);
      return GDK_EVENT_STOP;
    case GDK_KEY_z:
    case GDK_KEY_Z:
      if (mods != GDK_CONTROL_MASK)
        return GDK_EVENT_PROPAGATE;
      _sp_breakdown_view_undo (self);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                BreakdownCell           *cell)
{
  if (cell->row != NULL && cell->view->cursor != cell->row)
    set_cursor (cell->view, cell->row);
}

void
_sp_breakdown_view_setup_keys (SpBreakdownView *self,
                               BreakdownCell   *cell)
{
  GtkWidget *editable = cell->target;
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  /* Before the editing entry inside sees them. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), cell);
  gtk_widget_add_controller (editable, keys);
  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), cell);
  gtk_widget_add_controller (editable, focus);
}
