/* sp-breakdown-matrix.c — the breakdown as a table: fiscal months down, the regions, reps,
 * products or customer types across, the team's months and each member's year as the totals;
 * every amount editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-breakdown-matrix"

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-model.h"
#include "sp-breakdown.h"

#include "sp-breakdown-edit.h"
#include "sp-breakdown-generate-dialog.h"
#include "sp-breakdown-matrix.h"

#define YEAR_COLUMN 12

/* An editable cell of the grid: the model's cell it shows and the text it showed. */
typedef struct
{
  SpBreakdownCell cell;
  char           *shown;
} MatrixCell;

static void
matrix_cell_free (MatrixCell *slot)
{
  g_free (slot->shown);
  g_free (slot);
}

struct _SpBreakdownMatrix
{
  GtkWidget             parent_instance;

  SpWorkspace          *workspace;
  SpBreakdown          *breakdown;
  SpBreakdownDimension  dimension;
  GArray               *members;   /* the member ids the grid shows */
  GHashTable           *cells;     /* "member:month" → GtkEditableLabel */
  GHashTable           *slots;     /* GtkEditableLabel → its MatrixCell (owned) */
  GHashTable           *shown;     /* "member:month" → the whole units shown (gint64 *) */
  guint                 rebuild_source;

  GtkDropDown          *dimension_dropdown;
  GtkLabel             *unit_label;
  GtkStack             *stack;
  GtkGrid              *grid;
};

G_DEFINE_FINAL_TYPE (SpBreakdownMatrix, sp_breakdown_matrix, GTK_TYPE_WIDGET)

static char *
cell_key (gint64 member_id,
          guint  month)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%u", member_id, month);
}

/* Whole major units without the symbol: the unit is said once, above the table. */
static char *
format_cell (SpBreakdownMatrix *self,
             gint64             amount)
{
  const SpCurrency *code = sp_preferences_get_currency (
    sp_workspace_get_preferences (self->workspace));
  SpCurrency whole = *code;
  gint64 unit = 1;

  for (guint i = 0; i < code->digits; i++)
    unit *= 10;
  whole.digits = 0;
  return sp_money_format (sp_money_scale (amount, 1, unit), &whole, SP_MONEY_FORMAT_NO_SYMBOL);
}

static const SpCurrency *
currency (SpBreakdownMatrix *self)
{
  return sp_preferences_get_currency (sp_workspace_get_preferences (self->workspace));
}

static void
read_column (SpBreakdownMatrix *self,
             gint64             member_id,
             gint64            *out)
{
  SpBreakdownDimension dimension = member_id ? self->dimension : SP_BREAKDOWN_DIMENSION_TEAM;
  g_autoptr(GArray) months = sp_breakdown_get_cells (self->breakdown, dimension, member_id,
                                                     SP_BREAKDOWN_PERIOD_MONTH, NULL);
  SpBreakdownCell year;

  for (guint m = 0; months != NULL && m < months->len && m < YEAR_COLUMN; m++)
    out[m] = g_array_index (months, SpBreakdownCell, m).amount;
  if (sp_breakdown_get_cell (self->breakdown, dimension, member_id, SP_BREAKDOWN_PERIOD_YEAR, 0,
                             &year, NULL))
    out[YEAR_COLUMN] = year.amount;
}

static void
remember_shown (SpBreakdownMatrix *self,
                gint64             member_id,
                guint              month,
                gint64             units)
{
  g_hash_table_insert (self->shown, cell_key (member_id, month), g_memdup2 (&units, sizeof units));
}

/* What the cells show, in whole units that add up as the amounts do: the team's year rounded,
 * the team's months and the members' years split from it by largest remainder on the amounts,
 * and the members' months a two-way table with those totals fitted to the amounts (each the
 * floor of its amount in units or one more). Nothing when the amounts do not add up. */
static void
compute_shown (SpBreakdownMatrix *self)
{
  const SpCurrency *code = currency (self);
  guint n = self->members != NULL ? self->members->len : 0;
  g_autofree gint64 *amounts = g_new0 (gint64, (gsize) (n + 1) * (YEAR_COLUMN + 1));
  g_autofree gint64 *years = g_new0 (gint64, MAX (n, 1));
  g_autofree gint64 *member_years = g_new0 (gint64, MAX (n, 1));
  g_autofree double *seed = g_new0 (double, (gsize) MAX (n, 1) * YEAR_COLUMN);
  g_autofree gint64 *fitted = g_new0 (gint64, (gsize) MAX (n, 1) * YEAR_COLUMN);
  gint64 *team = amounts + (gsize) n * (YEAR_COLUMN + 1);
  gint64 team_months[YEAR_COLUMN];
  gint64 unit = 1, total;

  g_hash_table_remove_all (self->shown);
  if (n == 0)
    return;
  for (guint i = 0; i < code->digits; i++)
    unit *= 10;
  for (guint i = 0; i < n; i++)
    read_column (self, g_array_index (self->members, gint64, i),
                 amounts + (gsize) i * (YEAR_COLUMN + 1));
  read_column (self, 0, team);

  total = sp_money_scale (team[YEAR_COLUMN], 1, unit);
  for (guint i = 0; i < n; i++)
    {
      member_years[i] = amounts[(gsize) i * (YEAR_COLUMN + 1) + YEAR_COLUMN];
      for (guint m = 0; m < YEAR_COLUMN; m++)
        seed[(gsize) i * YEAR_COLUMN + m] = (double) amounts[(gsize) i * (YEAR_COLUMN + 1) + m];
    }
  if (!sp_allocate (total, team, NULL, NULL, YEAR_COLUMN, team_months, NULL, NULL)
      || !sp_allocate (total, member_years, NULL, NULL, n, years, NULL, NULL)
      || !sp_allocation_ipf (years, n, team_months, YEAR_COLUMN, seed, fitted, NULL, NULL))
    return;

  remember_shown (self, 0, YEAR_COLUMN, total);
  for (guint m = 0; m < YEAR_COLUMN; m++)
    remember_shown (self, 0, m, team_months[m]);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (self->members, gint64, i);

      remember_shown (self, id, YEAR_COLUMN, years[i]);
      for (guint m = 0; m < YEAR_COLUMN; m++)
        remember_shown (self, id, m, fitted[(gsize) i * YEAR_COLUMN + m]);
    }
}

static void
show_amount (SpBreakdownMatrix     *self,
             GtkWidget             *editable,
             const SpBreakdownCell *cell)
{
  g_autofree char *key = cell_key (cell->member_id,
                                   cell->period == SP_BREAKDOWN_PERIOD_YEAR ? YEAR_COLUMN
                                                                            : cell->index);
  const gint64 *units = g_hash_table_lookup (self->shown, key);
  g_autofree char *text = NULL;
  MatrixCell *slot = g_hash_table_lookup (self->slots, editable);

  if (slot == NULL)
    {
      slot = g_new0 (MatrixCell, 1);
      g_hash_table_insert (self->slots, editable, slot);
    }
  if (units != NULL)
    {
      SpCurrency whole = *currency (self);

      whole.digits = 0;
      text = sp_money_format (*units, &whole, SP_MONEY_FORMAT_NO_SYMBOL);
    }
  else
    text = format_cell (self, cell->amount);
  slot->cell = *cell;
  g_free (slot->shown);
  slot->shown = g_strdup (text);
  if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (editable)))
    gtk_editable_set_text (GTK_EDITABLE (editable), text);
  if (cell->locked)
    gtk_widget_add_css_class (editable, "sp-locked");
  else
    gtk_widget_remove_css_class (editable, "sp-locked");
}

gboolean
sp_breakdown_matrix_apply_text (SpBreakdownMatrix  *self,
                                GtkWidget          *editable,
                                const char         *text,
                                GError            **error)
{
  MatrixCell *slot;
  const SpBreakdownCell *cell;
  g_autoptr(GError) local_error = NULL;
  int of;

  g_return_val_if_fail (SP_IS_BREAKDOWN_MATRIX (self), FALSE);
  slot = g_hash_table_lookup (self->slots, editable);
  g_return_val_if_fail (slot != NULL, FALSE);
  cell = &slot->cell;

  if (cell->member_id != 0)
    of = SP_BREAKDOWN_OF_MEMBER;
  else if (cell->period == SP_BREAKDOWN_PERIOD_MONTH)
    of = SP_BREAKDOWN_OF_PERIOD;
  else
    of = -1;

  if (sp_breakdown_edit_from_text (self->breakdown, currency (self), cell, of, text,
                                   &local_error))
    return TRUE;

  sp_breakdown_toast (GTK_WIDGET (self), local_error->message);
  gtk_editable_set_text (GTK_EDITABLE (editable), slot->shown);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static void
editing_changed_cb (GtkEditableLabel  *editable,
                    GParamSpec        *pspec,
                    SpBreakdownMatrix *self)
{
  MatrixCell *slot = g_hash_table_lookup (self->slots, editable);
  g_autofree char *text = NULL;

  if (slot == NULL || gtk_editable_label_get_editing (editable))
    return;

  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable)));
  if (g_strcmp0 (text, slot->shown) != 0)
    sp_breakdown_matrix_apply_text (self, GTK_WIDGET (editable), text, NULL);
}

static GtkWidget *
add_label (SpBreakdownMatrix *self,
           const char        *text,
           int                column,
           int                row,
           float              xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (row == 0 || row == YEAR_COLUMN + 1)
    gtk_widget_add_css_class (label, "heading");
  if (row == 0)
    gtk_widget_add_css_class (label, "sp-matrix-header");
  if (row == YEAR_COLUMN + 1)
    gtk_widget_add_css_class (label, "sp-matrix-total");
  gtk_grid_attach (self->grid, label, column, row, 1, 1);
  return label;
}

static void
add_cell (SpBreakdownMatrix     *self,
          const SpBreakdownCell *cell,
          guint                  month,
          int                    column,
          int                    row)
{
  GtkWidget *editable = gtk_editable_label_new ("");

  gtk_editable_set_alignment (GTK_EDITABLE (editable), 1.0f);
  gtk_editable_set_width_chars (GTK_EDITABLE (editable), 9);
  gtk_widget_add_css_class (editable, "numeric");
  if (cell->member_id == 0 || month == YEAR_COLUMN)
    gtk_widget_add_css_class (editable, "heading");
  if (month == YEAR_COLUMN)
    gtk_widget_add_css_class (editable, "sp-matrix-total");
  show_amount (self, editable, cell);
  sp_breakdown_watch_editable (editable);
  g_signal_connect_object (editable, "notify::editing", G_CALLBACK (editing_changed_cb), self, 0);
  gtk_grid_attach (self->grid, editable, column, row, 1, 1);
  g_hash_table_insert (self->cells, cell_key (cell->member_id, month), editable);
}

/* One column of cells: a member's (or the team's) 12 months and year. */
static void
add_member_column (SpBreakdownMatrix *self,
                   gint64             member_id,
                   int                column)
{
  SpBreakdownDimension dimension = member_id ? self->dimension : SP_BREAKDOWN_DIMENSION_TEAM;
  g_autoptr(GArray) months = sp_breakdown_get_cells (self->breakdown, dimension, member_id,
                                                     SP_BREAKDOWN_PERIOD_MONTH, NULL);
  SpBreakdownCell year;

  for (guint m = 0; months != NULL && m < months->len; m++)
    add_cell (self, &g_array_index (months, SpBreakdownCell, m), m, column, (int) m + 1);
  if (sp_breakdown_get_cell (self->breakdown, dimension, member_id, SP_BREAKDOWN_PERIOD_YEAR, 0,
                             &year, NULL))
    add_cell (self, &year, YEAR_COLUMN, column, YEAR_COLUMN + 1);
}

static void rebuild (SpBreakdownMatrix *self);

static gboolean
rebuild_cb (gpointer data)
{
  SpBreakdownMatrix *self = data;

  self->rebuild_source = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
rebuild (SpBreakdownMatrix *self)
{
  g_autoptr(GArray) months = NULL;
  GtkWidget *child;
  const SpCurrency *currency;
  g_autofree char *unit = NULL;
  guint settle = sp_breakdown_editable_settle_time ();

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (settle > 0)
    {
      self->rebuild_source = g_timeout_add (settle, rebuild_cb, self);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->cells);
  g_hash_table_remove_all (self->slots);
  g_clear_pointer (&self->members, g_array_unref);

  if (self->breakdown == NULL || sp_breakdown_is_empty (self->breakdown))
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  currency = sp_preferences_get_currency (sp_workspace_get_preferences (self->workspace));
  /* Translators: above the matrix; %s is a currency code and symbol, "CNY (¥)" */
  unit = g_strdup_printf (_("Amounts in %s (%s), whole units · Enter edits a cell"),
                          currency->code, currency->symbol);
  gtk_label_set_label (self->unit_label, unit);

  self->members = sp_breakdown_get_members (self->breakdown, self->dimension);
  months = sp_breakdown_get_cells (self->breakdown, SP_BREAKDOWN_DIMENSION_TEAM, 0,
                                   SP_BREAKDOWN_PERIOD_MONTH, NULL);
  compute_shown (self);

  add_label (self, _("Month"), 0, 0, 0.0f);
  for (guint m = 0; months != NULL && m < months->len; m++)
    {
      const SpBreakdownCell *cell = &g_array_index (months, SpBreakdownCell, m);
      g_autoptr(GDateTime) start = NULL;
      g_autofree char *text = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_julian (&date, cell->first_day);
      start = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date), 1, 0, 0, 0);
      /* Translators: a month in the matrix, as strftime; "%b %Y" is "Oct 2026" */
      text = g_date_time_format (start, _("%b %Y"));
      add_label (self, text, 0, (int) m + 1, 0.0f);
    }
  add_label (self, _("Total"), 0, YEAR_COLUMN + 1, 0.0f);

  for (guint i = 0; i < self->members->len; i++)
    {
      gint64 id = g_array_index (self->members, gint64, i);
      g_autofree char *name = sp_breakdown_dup_member_name (self->breakdown, self->dimension, id);

      if (name == NULL)
        name = sp_breakdown_dup_member_label (self->breakdown, self->dimension, id);
      add_label (self, name, (int) i + 1, 0, 1.0f);
      add_member_column (self, id, (int) i + 1);
    }
  add_label (self, _("Total"), (int) self->members->len + 1, 0, 1.0f);
  add_member_column (self, 0, (int) self->members->len + 1);

  gtk_stack_set_visible_child_name (self->stack, "matrix");
}

/* After an edit, an undo or a reload: the same members get their new amounts in place (the
 * focus stays where it was); anything else is built again. */
static void
breakdown_changed_cb (SpBreakdownMatrix *self)
{
  g_autoptr(GArray) members = NULL;
  GHashTableIter iter;
  gpointer widget;

  if (self->members == NULL || sp_breakdown_is_empty (self->breakdown))
    {
      rebuild (self);
      return;
    }
  members = sp_breakdown_get_members (self->breakdown, self->dimension);
  if (members->len != self->members->len
      || memcmp (members->data, self->members->data, members->len * sizeof (gint64)) != 0)
    {
      rebuild (self);
      return;
    }

  compute_shown (self);
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, NULL, &widget))
    {
      MatrixCell *slot = g_hash_table_lookup (self->slots, widget);
      const SpBreakdownCell *old = &slot->cell;
      SpBreakdownCell cell;

      if (sp_breakdown_get_cell (self->breakdown, old->dimension, old->member_id, old->period,
                                 old->index, &cell, NULL))
        show_amount (self, widget, &cell);
    }
}

/* The dimensions in the order of the dropdown's items. */
static const SpBreakdownDimension dimensions[] = {
  SP_BREAKDOWN_DIMENSION_REGION, SP_BREAKDOWN_DIMENSION_REP, SP_BREAKDOWN_DIMENSION_PRODUCT,
  SP_BREAKDOWN_DIMENSION_CUSTOMER_TYPE,
};

static void
dimension_selected_cb (SpBreakdownMatrix *self)
{
  guint selected = gtk_drop_down_get_selected (self->dimension_dropdown);

  if (selected < G_N_ELEMENTS (dimensions))
    sp_breakdown_matrix_set_dimension (self, dimensions[selected]);
}

static void
generate_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  SpBreakdownMatrix *self = SP_BREAKDOWN_MATRIX (widget);

  if (self->breakdown != NULL)
    sp_breakdown_generate_dialog_present (widget, sp_workspace_get_preferences (self->workspace),
                                          self->breakdown);
}

static void
sp_breakdown_matrix_dispose (GObject *object)
{
  SpBreakdownMatrix *self = SP_BREAKDOWN_MATRIX (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_clear_pointer (&self->cells, g_hash_table_unref);
  g_clear_pointer (&self->slots, g_hash_table_unref);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_BREAKDOWN_MATRIX);
  /* The template's top box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->members, g_array_unref);
  g_clear_object (&self->breakdown);
  g_clear_object (&self->workspace);

  G_OBJECT_CLASS (sp_breakdown_matrix_parent_class)->dispose (object);
}

static void
sp_breakdown_matrix_class_init (SpBreakdownMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_breakdown_matrix_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sp-breakdown-matrix.ui");
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownMatrix, dimension_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownMatrix, unit_label);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownMatrix, stack);
  gtk_widget_class_bind_template_child (widget_class, SpBreakdownMatrix, grid);
  gtk_widget_class_install_action (widget_class, "matrix.generate", NULL, generate_activated);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_breakdown_matrix_init (SpBreakdownMatrix *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dimension = SP_BREAKDOWN_DIMENSION_REGION;
  self->cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->slots = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) matrix_cell_free);
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_signal_connect_object (self->dimension_dropdown, "notify::selected",
                           G_CALLBACK (dimension_selected_cb), self, G_CONNECT_SWAPPED);
}

void
sp_breakdown_matrix_set_breakdown (SpBreakdownMatrix *self,
                                   SpWorkspace       *workspace,
                                   SpBreakdown       *breakdown)
{
  g_return_if_fail (SP_IS_BREAKDOWN_MATRIX (self));
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

void
sp_breakdown_matrix_set_dimension (SpBreakdownMatrix    *self,
                                   SpBreakdownDimension  dimension)
{
  g_return_if_fail (SP_IS_BREAKDOWN_MATRIX (self));
  g_return_if_fail (dimension != SP_BREAKDOWN_DIMENSION_TEAM
                    && dimension < SP_BREAKDOWN_N_DIMENSIONS);

  for (guint i = 0; i < G_N_ELEMENTS (dimensions); i++)
    if (dimensions[i] == dimension && gtk_drop_down_get_selected (self->dimension_dropdown) != i)
      gtk_drop_down_set_selected (self->dimension_dropdown, i);
  if (self->dimension == dimension)
    return;
  self->dimension = dimension;
  rebuild (self);
}

GtkWidget *
sp_breakdown_matrix_get_cell (SpBreakdownMatrix *self,
                              gint64             member_id,
                              guint              month)
{
  g_autofree char *key = cell_key (member_id, month);

  g_return_val_if_fail (SP_IS_BREAKDOWN_MATRIX (self), NULL);

  return g_hash_table_lookup (self->cells, key);
}
