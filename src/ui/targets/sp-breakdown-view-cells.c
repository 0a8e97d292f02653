/* sp-breakdown-view-cells.c — the breakdown tree's columns: what each cell shows, typing an
 * amount or a share into a target, the lock toggles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-breakdown-edit.h"
#include "sp-breakdown-view-private.h"
#include "sp-display.h"

static SpBreakdownRow *
item_row (GtkListItem *list_item)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = tree_row ? gtk_tree_list_row_get_item (tree_row) : NULL;

  return item ? SP_BREAKDOWN_ROW (item) : NULL;
}

static const SpCurrency *
currency (SpBreakdownView *self)
{
  return sp_preferences_get_currency (sp_workspace_get_preferences (self->workspace));
}

static char *
share_text (gint64 amount,
            gint64 of)
{
  gint64 bp;

  if (of <= 0)
    return g_strdup ("");
  bp = sp_money_scale (amount, 1000, of);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%d%%", bp / 10, (int) (ABS (bp) % 10));
}

/* Shows @row in @slot's widget. */
static void
show_cell (BreakdownCell  *slot,
           SpBreakdownRow *row)
{
  SpBreakdownView *self = slot->view;
  GtkWidget *child = slot->child;
  const SpBreakdownCell *cell = sp_breakdown_row_get_cell (row);
  g_autofree char *text = NULL;

  switch (slot->column)
    {
    case COL_NAME:
      {
        GtkWidget *label = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child));

        gtk_label_set_label (GTK_LABEL (label), sp_breakdown_row_get_name (row));
        if (cell->period == SP_BREAKDOWN_PERIOD_YEAR)
          gtk_widget_add_css_class (label, "heading");
        else
          gtk_widget_remove_css_class (label, "heading");
        return;
      }
    case COL_TARGET:
      {
        GtkWidget *marker = gtk_widget_get_first_child (child);
        GtkWidget *editable = gtk_widget_get_last_child (child);

        text = sp_breakdown_format_amount (currency (self), cell->amount, SP_MONEY_FORMAT_DEFAULT);
        if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editable)))
          gtk_editable_set_text (GTK_EDITABLE (editable), text);
        g_free (slot->shown);
        slot->shown = g_strdup (text);
        gtk_widget_set_visible (marker, sp_breakdown_row_get_mismatch (row));
        if (cell->period == SP_BREAKDOWN_PERIOD_YEAR)
          gtk_widget_add_css_class (editable, "heading");
        else
          gtk_widget_remove_css_class (editable, "heading");
        if (cell->locked)
          gtk_widget_add_css_class (editable, "sp-locked");
        else
          gtk_widget_remove_css_class (editable, "sp-locked");
        return;
      }
    case COL_SHARE:
      text = share_text (cell->amount, sp_breakdown_row_get_parent_amount (row));
      break;
    case COL_LAST_YEAR:
      text = cell->last_year ? sp_breakdown_format_amount (currency (self), cell->last_year,
                                                           SP_MONEY_FORMAT_DEFAULT)
                             : g_strdup ("—");
      break;
    case COL_GROWTH:
      text = cell->has_growth ? sp_display_change (cell->amount, cell->last_year) : NULL;
      if (text == NULL)
        text = g_strdup ("—");
      gtk_widget_remove_css_class (child, "error");
      if (cell->has_growth && cell->growth_bp < 0)
        gtk_widget_add_css_class (child, "error");
      break;
    case COL_LOCK:
      slot->showing = TRUE;
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), cell->locked);
      gtk_button_set_icon_name (GTK_BUTTON (child), cell->locked ? "changes-prevent-symbolic"
                                                                 : "changes-allow-symbolic");
      gtk_widget_set_tooltip_text (child, cell->locked ? _("Unlock") : _("Lock this amount"));
      slot->showing = FALSE;
      return;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (GTK_LABEL (child), text);
}

static void
row_changed_cb (SpBreakdownRow *row,
                BreakdownCell  *slot)
{
  show_cell (slot, row);
}

gboolean
sp_breakdown_view_apply_text (SpBreakdownView  *self,
                              SpBreakdownRow   *row,
                              const char       *text,
                              GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  const SpBreakdownCell *cell;
  int of;

  g_return_val_if_fail (SP_IS_BREAKDOWN_VIEW (self), FALSE);
  g_return_val_if_fail (SP_IS_BREAKDOWN_ROW (row), FALSE);
  g_return_val_if_fail (self->breakdown != NULL, FALSE);

  cell = sp_breakdown_row_get_cell (row);
  if (sp_breakdown_row_get_parent (row) == NULL)
    of = -1;
  else if (cell->period == SP_BREAKDOWN_PERIOD_YEAR)
    of = SP_BREAKDOWN_OF_MEMBER;
  else
    of = SP_BREAKDOWN_OF_PERIOD;

  if (sp_breakdown_edit_from_text (self->breakdown, currency (self), cell, of, text,
                                   &local_error))
    return TRUE;

  self->refused = TRUE;
  sp_breakdown_toast (GTK_WIDGET (self), local_error->message);
  /* Put back what the cell holds. */
  g_signal_emit_by_name (row, "changed");
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
editing_changed_cb (GtkEditableLabel *editable,
                    GParamSpec       *pspec,
                    BreakdownCell    *slot)
{
  g_autofree char *text = NULL;

  if (slot->row == NULL || gtk_editable_label_get_editing (editable))
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));
  if (g_strcmp0 (text, slot->shown) != 0)
    sp_breakdown_view_apply_text (slot->view, slot->row, text, NULL);
}

static void
lock_toggled_cb (GtkToggleButton *button,
                 BreakdownCell   *slot)
{
  SpBreakdownView *self = slot->view;
  g_autoptr(GError) error = NULL;

  if (slot->row == NULL || slot->showing)
    return;

  if (!sp_breakdown_set_locked (self->breakdown, sp_breakdown_row_get_cell (slot->row),
                                gtk_toggle_button_get_active (button), &error))
    {
      sp_breakdown_toast (GTK_WIDGET (self), error->message);
      g_signal_emit_by_name (slot->row, "changed");
    }
}

static void
unbind_slot (BreakdownCell *slot)
{
  if (slot->row == NULL)
    return;
  g_signal_handlers_disconnect_by_func (slot->row, row_changed_cb, slot);
  g_clear_object (&slot->row);
}

void
_sp_breakdown_cell_free (BreakdownCell *slot)
{
  unbind_slot (slot);
  g_free (slot->shown);
  g_free (slot);
}

/* Each column's factory knows its view and column. */
typedef struct
{
  SpBreakdownView *view;
  Column           column;
} ColumnFactory;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          ColumnFactory            *cf)
{
  SpBreakdownView *self = cf->view;
  Column column = cf->column;
  BreakdownCell *slot = g_new0 (BreakdownCell, 1);
  GtkWidget *child;

  slot->view = self;
  slot->column = column;

  switch (column)
    {
    case COL_NAME:
      child = gtk_tree_expander_new ();
      gtk_tree_expander_set_child (GTK_TREE_EXPANDER (child), gtk_label_new (NULL));
      gtk_label_set_xalign (GTK_LABEL (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (child))),
                            0.0f);
      break;
    case COL_TARGET:
      {
        GtkWidget *marker = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
        GtkWidget *editable = gtk_editable_label_new ("");

        child = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        gtk_widget_add_css_class (marker, "warning");
        gtk_widget_set_tooltip_text (marker, _("Its parts do not add up to this amount"));
        gtk_widget_set_visible (marker, FALSE);
        gtk_widget_set_hexpand (editable, TRUE);
        gtk_editable_set_alignment (GTK_EDITABLE (editable), 1.0f);
        gtk_widget_add_css_class (editable, "numeric");
        gtk_widget_add_css_class (editable, "sp-target-cell");
        gtk_box_append (GTK_BOX (child), marker);
        gtk_box_append (GTK_BOX (child), editable);
        sp_breakdown_watch_editable (editable);
        slot->target = editable;
        _sp_breakdown_view_setup_keys (self, slot);
        g_signal_connect (editable, "notify::editing", G_CALLBACK (editing_changed_cb), slot);
        break;
      }
    case COL_LOCK:
      child = gtk_toggle_button_new ();
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_add_css_class (child, "sp-lock");
      gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
      g_signal_connect (child, "toggled", G_CALLBACK (lock_toggled_cb), slot);
      break;
    case COL_SHARE:
    case COL_LAST_YEAR:
    case COL_GROWTH:
    default:
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 1.0f);
      gtk_widget_add_css_class (child, "numeric");
      if (column != COL_GROWTH)
        gtk_widget_add_css_class (child, "dim-label");
      break;
    }

  slot->child = child;
  g_hash_table_insert (self->cells, child, slot);
  gtk_list_item_set_child (list_item, child);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ColumnFactory            *cf)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (child != NULL && cf->view->cells != NULL)
    g_hash_table_remove (cf->view->cells, child);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         ColumnFactory            *cf)
{
  SpBreakdownView *self = cf->view;
  GtkWidget *child = gtk_list_item_get_child (list_item);
  BreakdownCell *slot = g_hash_table_lookup (self->cells, child);
  SpBreakdownRow *row = item_row (list_item);

  if (cf->column == COL_NAME)
    gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (child),
                                    gtk_list_item_get_item (list_item));
  unbind_slot (slot);
  show_cell (slot, row);
  slot->row = g_object_ref (row);
  if (cf->column == COL_TARGET)
    _sp_breakdown_view_bind_target (self, row, slot->target);
  g_signal_connect (row, "changed", G_CALLBACK (row_changed_cb), slot);
  gtk_list_item_set_activatable (list_item, cf->column == COL_TARGET);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           ColumnFactory            *cf)
{
  SpBreakdownView *self = cf->view;
  BreakdownCell *slot = g_hash_table_lookup (self->cells, gtk_list_item_get_child (list_item));
  SpBreakdownRow *row = item_row (list_item);

  unbind_slot (slot);
  if (cf->column == COL_TARGET)
    _sp_breakdown_view_unbind_target (self, row, slot->target);
}

typedef struct
{
  Column      column;
  const char *title;
  gboolean    expand;
  int         width;
} ColumnInfo;

static const ColumnInfo columns[] = {
  /* Amounts take the width they need (they are never cut); the name gets the rest. */
  { COL_NAME, N_("Period"), TRUE, -1 },
  { COL_TARGET, N_("Target"), FALSE, -1 },
  { COL_SHARE, N_("Share"), FALSE, -1 },
  { COL_LAST_YEAR, N_("Last Year"), FALSE, -1 },
  { COL_GROWTH, N_("Growth"), FALSE, -1 },
  { COL_LOCK, N_("Lock"), FALSE, -1 },
};

void
_sp_breakdown_view_add_columns (SpBreakdownView *self)
{
  GtkWidget *header;
  GtkWidget *title;
  guint i = 0;

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      ColumnFactory *cf = g_new0 (ColumnFactory, 1);

      /* The factories belong to the view's column view: they go before the view. */
      cf->view = self;
      cf->column = columns[c].column;
      g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cb), cf,
                             (GClosureNotify) g_free, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), cf);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), cf);
      g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), cf);
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_expand (column, columns[c].expand);
      gtk_column_view_column_set_fixed_width (column, columns[c].width);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
    }

  /* GTK 4.8 cannot align a title: reach the amounts' title labels where 4.8 puts them. */
  header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  for (title = header ? gtk_widget_get_first_child (header) : NULL; title != NULL;
       title = gtk_widget_get_next_sibling (title), i++)
    {
      GtkWidget *box = gtk_widget_get_first_child (title);
      GtkWidget *label = box ? gtk_widget_get_first_child (box) : NULL;

      if (GTK_IS_LABEL (label) && i > 0 && i < G_N_ELEMENTS (columns) - 1)
        {
          gtk_widget_set_hexpand (label, TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
        }
    }
}
