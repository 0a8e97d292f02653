/* sp-breakdown-view.c — the breakdown tree of the Targets view: a GtkColumnView over a
 * GtkTreeListModel of SpBreakdownRow, refreshed in place on SpBreakdown::changed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-model.h"
#include "sp-breakdown.h"

#include "sp-breakdown-edit.h"
#include "sp-breakdown-generate-dialog.h"
#include "sp-breakdown-view-private.h"
#include "sp-display.h"

G_DEFINE_FINAL_TYPE (SpBreakdownView, sp_breakdown_view, GTK_TYPE_WIDGET)

static const SpBreakdownDimension dimensions[] = {
  SP_BREAKDOWN_DIMENSION_TEAM, SP_BREAKDOWN_DIMENSION_REGION, SP_BREAKDOWN_DIMENSION_REP,
  SP_BREAKDOWN_DIMENSION_PRODUCT, SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE,
};

static char *
cell_key (const SpBreakdownCell *cell)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT ":%d:%u", cell->dimension, cell->member_id,
                          cell->period, cell->index);
}

static SpBreakdownRow *
make_row (SpBreakdownView       *self,
          const SpBreakdownCell *cell,
          const char            *name,
          gboolean               total,
          const SpBreakdownCell *parent)
{
  SpBreakdownRow *row = sp_breakdown_row_new (cell, name, total);

  sp_breakdown_row_set_parent (row, parent);
  g_ptr_array_add (self->rows, g_object_ref (row));
  return row;
}

static void
append_period_rows (SpBreakdownView       *self,
                    GListStore            *store,
                    const SpBreakdownCell *parent,
                    SpBreakdownPeriod      period)
{
  g_autoptr(GArray) cells = sp_breakdown_get_cells (self->breakdown, parent->dimension,
                                                    parent->member_id, period, NULL);
  int fiscal_year = sp_breakdown_get_fiscal_year (self->breakdown);

  for (guint i = 0; cells != NULL && i < cells->len; i++)
    {
      const SpBreakdownCell *cell = &g_array_index (cells, SpBreakdownCell, i);
      gboolean inside;
      g_autofree char *name = NULL;
      g_autoptr(SpBreakdownRow) row = NULL;

      if (period == SP_BREAKDOWN_PERIOD_MONTH)
        inside = cell->index / 3 == parent->index;
      else if (period == SP_BREAKDOWN_PERIOD_WEEK)
        inside = cell->first_day >= parent->first_day && cell->first_day <= parent->last_day;
      else
        inside = TRUE;
      if (!inside)
        continue;

      name = sp_breakdown_format_period (fiscal_year, cell);
      row = make_row (self, cell, name, FALSE, parent);
      g_list_store_append (store, row);
    }
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  SpBreakdownView *self = user_data;
  SpBreakdownRow *row = item;
  const SpBreakdownCell *cell = sp_breakdown_row_get_cell (row);
  g_autofree char *key = NULL;
  GListStore *store;

  if (sp_breakdown_row_is_total (row) || cell->period >= SP_BREAKDOWN_PERIOD_WEEK)
    return NULL;

  key = cell_key (cell);
  store = g_hash_table_lookup (self->children, key);
  if (store == NULL)
    {
      store = g_list_store_new (SP_TYPE_BREAKDOWN_ROW);
      append_period_rows (self, store, cell, cell->period + 1);
      g_hash_table_insert (self->children, g_steal_pointer (&key), store);
    }

  return G_LIST_MODEL (g_object_ref (store));
}

static void refresh (SpBreakdownView *self);

static void rebuild (SpBreakdownView *self);

static gboolean
rebuild_cb (gpointer data)
{
  SpBreakdownView *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Builds the top level: the team's year, or each member's year and the team's as the total. */
static void
rebuild (SpBreakdownView *self)
{
  g_autoptr(GListStore) root = g_list_store_new (SP_TYPE_BREAKDOWN_ROW);
  g_autoptr(GtkSingleSelection) selection = NULL;
  g_autoptr(GArray) members = NULL;
  SpBreakdownCell team;
  guint settle = sp_breakdown_editable_settle_time ();

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (settle > 0)
    {
      self->rebuild_source = g_timeout_add (settle, rebuild_cb, self);
      return;
    }

  _sp_breakdown_view_forget_cursor (self);
  g_hash_table_remove_all (self->editables);
  g_hash_table_remove_all (self->children);
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->tree);

  if (self->breakdown == NULL || sp_breakdown_is_empty (self->breakdown)
      || !sp_breakdown_get_cell (self->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                                 SP_BREAKDOWN_PERIOD_YEAR, 0, &team, NULL))
    {
      gtk_column_view_set_model (self->column_view, NULL);
      gtk_widget_set_visible (self->toolbar, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      gtk_revealer_set_reveal_child (self->stale_banner, FALSE);
      return;
    }

  if (self->dimension != SP_BREAKDOWN_DIMENSION_TEAM)
    members = sp_breakdown_get_members (self->breakdown, self->dimension);

  for (guint i = 0; members != NULL && i < members->len; i++)
    {
      gint64 id = g_array_index (members, gint64, i);
      g_autoptr(SpBreakdownRow) row = NULL;
      g_autofree char *name = NULL;
      SpBreakdownCell cell, parent;

      if (!sp_breakdown_get_cell (self->breakdown, self->dimension, id,
                                  SP_BREAKDOWN_PERIOD_YEAR, 0, &cell, NULL))
        continue;
      name = sp_breakdown_dup_member_label (self->breakdown, self->dimension, id);
      parent = team;
      if (self->dimension == SP_BREAKDOWN_DIMENSION_REP)
        {
          parent.dimension = SP_BREAKDOWN_DIMENSION_REGION;
          parent.member_id = cell.parent_id;
        }
      row = make_row (self, &cell, name, FALSE, &parent);
      g_list_store_append (root, row);
    }

  {
    g_autofree char *year =
      sp_breakdown_format_period (sp_breakdown_get_fiscal_year (self->breakdown), &team);
    g_autoptr(SpBreakdownRow) row = NULL;

    if (self->dimension == SP_BREAKDOWN_DIMENSION_TEAM)
      row = make_row (self, &team, year, FALSE, NULL);
    else
      /* Translators: the totals row of the breakdown */
      row = make_row (self, &team, _("Total"), TRUE, NULL);
    g_list_store_append (root, row);
  }

  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&root)), FALSE, FALSE,
                                        create_children_cb, self, NULL);
  /* The team's year opens on its quarters and months; weeks wait for a click. */
  if (self->dimension == SP_BREAKDOWN_DIMENSION_TEAM)
    {
      g_autoptr(GtkTreeListRow) year = gtk_tree_list_model_get_row (self->tree, 0);

      gtk_tree_list_row_set_expanded (year, TRUE);
      for (guint i = 4; i >= 1; i--)
        {
          g_autoptr(GtkTreeListRow) quarter = gtk_tree_list_model_get_row (self->tree, i);

          if (quarter != NULL)
            gtk_tree_list_row_set_expanded (quarter, TRUE);
        }
    }
  /* The selection shows the row whose target has the keyboard. */
  selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->tree)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  gtk_widget_set_visible (self->toolbar, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "tree");
  refresh (self);
}

/* Re-reads every row's cell after an edit, an undo or a reload, keeping what is expanded. */
static void
refresh (SpBreakdownView *self)
{
  g_autoptr(GArray) mismatches = NULL;
  g_autoptr(GHashTable) wrong = NULL;

  if (self->breakdown == NULL)
    return;

  gtk_revealer_set_reveal_child (self->stale_banner, sp_breakdown_is_stale (self->breakdown));
  wrong = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  mismatches = sp_breakdown_check (self->breakdown, NULL);
  for (guint i = 0; mismatches != NULL && i < mismatches->len; i++)
    {
      const SpBreakdownMismatch *m = &g_array_index (mismatches, SpBreakdownMismatch, i);
      SpBreakdownCell key = { .dimension = m->dimension, .member_id = m->member_id,
                              .period = m->period, .index = m->index };

      g_hash_table_add (wrong, cell_key (&key));
    }

  for (guint i = 0; i < self->rows->len; i++)
    {
      SpBreakdownRow *row = g_ptr_array_index (self->rows, i);
      const SpBreakdownCell *old = sp_breakdown_row_get_cell (row);
      const SpBreakdownCell *parent = sp_breakdown_row_get_parent (row);
      g_autofree char *key = cell_key (old);
      SpBreakdownCell cell, parent_cell;
      gint64 parent_amount = 0;

      if (!sp_breakdown_get_cell (self->breakdown, old->dimension, old->member_id, old->period,
                                  old->index, &cell, NULL))
        continue;
      if (parent != NULL
          && sp_breakdown_get_cell (self->breakdown, parent->dimension, parent->member_id,
                                    parent->period, parent->index, &parent_cell, NULL))
        parent_amount = parent_cell.amount;
      sp_breakdown_row_update (row, &cell, parent_amount, g_hash_table_contains (wrong, key));
    }
}

static void
breakdown_changed_cb (SpBreakdownView *self)
{
  /* A breakdown made or remade has new cells (and maybe new members): start over. */
  if (self->tree == NULL || sp_breakdown_is_empty (self->breakdown) || self->rows->len == 0)
    rebuild (self);
  else
    {
      SpBreakdownCell probe;
      SpBreakdownRow *first = g_ptr_array_index (self->rows, 0);
      const SpBreakdownCell *cell = sp_breakdown_row_get_cell (first);

      if (!sp_breakdown_get_cell (self->breakdown, cell->dimension, cell->member_id,
                                  cell->period, cell->index, &probe, NULL))
        rebuild (self);
      else
        refresh (self);
    }
}

/* The row a list item shows (the tree's stores keep it alive). */

static void
dimension_selected_cb (SpBreakdownView *self)
{
  guint selected = gtk_drop_down_get_selected (self->dimension_dropdown);

  if (selected < G_N_ELEMENTS (dimensions))
    sp_breakdown_view_set_dimension (self, dimensions[selected]);
}

static void
generate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpBreakdownView *self = SP_BREAKDOWN_VIEW (widget);

  if (self->breakdown != NULL)
    sp_breakdown_generate_dialog_present (widget, sp_workspace_get_preferences (self->workspace),
                                          self->breakdown);
}

static void
sp_breakdown_view_dispose (GObject *object)
{
  SpBreakdownView *self = SP_BREAKDOWN_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  _sp_breakdown_view_forget_cursor (self);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_BREAKDOWN_VIEW);
  /* The template's top box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->tree);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->editables, g_hash_table_unref);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_object (&self->breakdown);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sp_breakdown_view_parent_class)->dispose (object);
}

static void
sp_breakdown_view_class_init (SpBreakdownViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_breakdown_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sp-breakdown-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownView, dimension_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownView, stale_banner);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownView, stack);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownView, column_view);
  gtk_widget_class_install_action (widget_class, "breakdown.generate", NULL,
                                   generate_activated);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_breakdown_view_init (SpBreakdownView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->editables = g_hash_table_new (NULL, NULL);
  self->cells = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) _sp_breakdown_cell_free);

  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    {
      if (dimensions[i] == SP_BREAKDOWN_DIMENSION_REP)
        gtk_string_list_append (names, _("Region → Rep"));
      else
        gtk_string_list_append (names, sp_breakdown_dimension_get_display_name (dimensions[i]));
    }
  gtk_drop_down_set_model (self->dimension_dropdown, G_LIST_MODEL (names));
  g_signal_connect_object (self->dimension_dropdown, "notify::selected",
                           G_CALLBACK (dimension_selected_cb), self, G_CONNECT_SWAPPED);
  _sp_breakdown_view_add_columns (self);
}

void
sp_breakdown_view_set_breakdown (SpBreakdownView *self,
                                 SpWorkspace     *workspace,
                                 SpBreakdown     *breakdown)
{
  g_return_if_fail (SP_IS_BREAKDOWN_VIEW (self));
  g_return_if_fail (!breakdown || SP_IS_BREAKDOWN (breakdown));

  g_set_object (&self->workspace, workspace);
  if (self->breakdown == breakdown)
    return;

  if (self->breakdown != NULL)
    g_signal_handlers_disconnect_by_data (self->breakdown, self);
  g_set_object (&self->breakdown, breakdown);
  if (breakdown != NULL)
    g_signal_connect_object (breakdown, "changed", G_CALLBACK (breakdown_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rebuild (self);
}

SpBreakdown *
sp_breakdown_view_get_breakdown (SpBreakdownView *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN_VIEW (self), NULL);

  return self->breakdown;
}

void
sp_breakdown_view_set_dimension (SpBreakdownView      *self,
                                 SpBreakdownDimension  dimension)
{
  g_return_if_fail (SP_IS_BREAKDOWN_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    if (dimensions[i] == dimension && gtk_drop_down_get_selected (self->dimension_dropdown) != i)
      gtk_drop_down_set_selected (self->dimension_dropdown, i);

  if (self->dimension == dimension)
    return;
  self->dimension = dimension;
  {
    g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (
      gtk_column_view_get_columns (self->column_view), COL_NAME);

    gtk_column_view_column_set_title (name, dimension == SP_BREAKDOWN_DIMENSION_TEAM
                                              ? _("Period")
                                              : sp_breakdown_dimension_get_display_name (dimension));
  }
  rebuild (self);
}

GListModel *
sp_breakdown_view_get_rows (SpBreakdownView *self)
{
  g_return_val_if_fail (SP_IS_BREAKDOWN_VIEW (self), NULL);

  return self->tree ? G_LIST_MODEL (self->tree) : NULL;
}
