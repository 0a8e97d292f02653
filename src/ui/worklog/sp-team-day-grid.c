/* sp-team-day-grid.c — the team's day as a grid of entries: one row per rep, the five
 * activities, orders and revenue; every cell saves when it is left; reps whose activity
 * this month runs below the required rate are flagged
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-team-day-grid"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-rep-workload.h"
#include "sp-team-day-grid.h"

static const SpWorklogField grid_fields[SP_TEAM_DAY_GRID_N_COLUMNS] = {
  SP_WORKLOG_FIELD_PROSPECTS, SP_WORKLOG_FIELD_APPOINTMENTS, SP_WORKLOG_FIELD_PRESENTATIONS,
  SP_WORKLOG_FIELD_OBJECTIONS, SP_WORKLOG_FIELD_CLOSES, SP_WORKLOG_FIELD_ORDERS,
  SP_WORKLOG_FIELD_REVENUE,
};

typedef struct
{
  SpTeamDayGrid *grid;
  guint          row;
  guint          column;
  GtkWidget     *entry;
  char          *loaded;
  gboolean       refused;
} Cell;

typedef struct
{
  gint64     rep_id;
  GtkWidget *name;
  GtkWidget *flag;
  Cell      *cells[SP_TEAM_DAY_GRID_N_COLUMNS];
} Row;

struct _SpTeamDayGrid
{
  GtkWidget      parent_instance;

  SpWorkspace   *workspace;
  GDate          day;
  GDate          today;
  GPtrArray     *rows;       /* of Row */
  GtkGrid       *grid;
  GtkLabel      *message;
  gboolean       loading;
  int            saving_row;  /* the row whose cell is being saved, -1 when none */
};

G_DEFINE_FINAL_TYPE (SpTeamDayGrid, sp_team_day_grid, GTK_TYPE_WIDGET)

static void
cell_free (Cell *cell)
{
  g_free (cell->loaded);
  g_free (cell);
}

static void
row_free (Row *row)
{
  for (guint i = 0; i < SP_TEAM_DAY_GRID_N_COLUMNS; i++)
    cell_free (row->cells[i]);
  g_free (row);
}

static const char *
column_title (guint column)
{
  SpWorklogField field = grid_fields[column];

  if (field <= SP_WORKLOG_FIELD_CLOSES)
    return sp_workload_stage_get_name ((SpWorkloadStage) field);
  return sp_worklog_field_get_label (field);
}

static gboolean
cell_is_dirty (Cell *cell)
{
  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (cell->entry)),
                    cell->loaded ? cell->loaded : "") != 0;
}

static void
show_message (SpTeamDayGrid *self,
              const char    *message)
{
  gtk_label_set_label (self->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

static void
save_cell (Cell *cell)
{
  SpTeamDayGrid *self = cell->grid;
  Row *row;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  if (self->loading || self->workspace == NULL || cell->row >= self->rows->len)
    return;
  if (!cell_is_dirty (cell) && !cell->refused)
    return;

  row = g_ptr_array_index (self->rows, cell->row);
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (cell->entry)));
  /* One cell changes one rep's figures: the reload it causes re-checks that rep's rates
   * only, so that a big team stays quick to type into. */
  self->saving_row = cell->row;
  ok = sp_worklog_set_field (sp_workspace_get_store (self->workspace), row->rep_id,
                             &self->day, grid_fields[cell->column], text, &error);
  if (ok)
    {
      g_clear_pointer (&cell->loaded, g_free);
      sp_team_day_grid_reload (self);
    }
  self->saving_row = -1;
  if (!ok)
    {
      cell->refused = TRUE;
      gtk_widget_add_css_class (cell->entry, "error");
      show_message (self, error->message);
      return;
    }

  if (cell->refused)
    {
      cell->refused = FALSE;
      gtk_widget_remove_css_class (cell->entry, "error");
      show_message (self, NULL);
    }
}

static Cell *
cell_at (SpTeamDayGrid *self,
         guint          row,
         guint          column)
{
  if (row >= self->rows->len || column >= SP_TEAM_DAY_GRID_N_COLUMNS)
    return NULL;
  return ((Row *) g_ptr_array_index (self->rows, row))->cells[column];
}

static void
focus_cell (SpTeamDayGrid *self,
            guint          row,
            guint          column)
{
  Cell *cell = cell_at (self, row, column);

  if (cell != NULL)
    gtk_widget_grab_focus (cell->entry);
}

static void
cell_leave_cb (GtkEventControllerFocus *controller,
               Cell                    *cell)
{
  save_cell (cell);
}

/* Enter saves and moves along the row, then to the next rep's first cell. */
static void
cell_activate_cb (GtkWidget *entry,
                  Cell      *cell)
{
  SpTeamDayGrid *self = cell->grid;
  guint row = cell->row, column = cell->column;

  save_cell (cell);
  if (cell->refused)
    return;
  if (column + 1 < SP_TEAM_DAY_GRID_N_COLUMNS)
    focus_cell (self, row, column + 1);
  else
    focus_cell (self, row + 1, 0);
}

static gboolean
cell_key_pressed_cb (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     Cell                  *cell)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (cell->row > 0)
        focus_cell (cell->grid, cell->row - 1, cell->column);
      return TRUE;

    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      focus_cell (cell->grid, cell->row + 1, cell->column);
      return TRUE;

    default:
      return FALSE;
    }
}

static Cell *
create_cell (SpTeamDayGrid *self,
             guint          row,
             guint          column,
             const char    *rep_name)
{
  Cell *cell = g_new0 (Cell, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  /* Translators: the accessible name of a cell of the team's day, "Wang Fang: Prospecting" */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), rep_name, column_title (column));

  cell->grid = self;
  cell->row = row;
  cell->column = column;
  cell->entry = gtk_entry_new ();
  gtk_entry_set_alignment (GTK_ENTRY (cell->entry), 1.0f);
  gtk_entry_set_placeholder_text (GTK_ENTRY (cell->entry), "0");
  gtk_editable_set_width_chars (GTK_EDITABLE (cell->entry),
                                grid_fields[column] == SP_WORKLOG_FIELD_REVENUE ? 8 : 3);
  gtk_widget_add_css_class (cell->entry, "numeric");
  /* Ctrl+Z is the workspace's undo: each saved cell is one step of it. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (cell->entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  g_signal_connect (focus, "leave", G_CALLBACK (cell_leave_cb), cell);
  gtk_widget_add_controller (cell->entry, focus);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_pressed_cb), cell);
  gtk_widget_add_controller (cell->entry, keys);
  g_signal_connect (cell->entry, "activate", G_CALLBACK (cell_activate_cb), cell);

  gtk_grid_attach (self->grid, cell->entry, column + 1, row + 1, 1, 1);
  return cell;
}

static void
create_header (SpTeamDayGrid *self)
{
  GtkWidget *label = gtk_label_new (_("Sales Rep"));

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_grid_attach (self->grid, label, 0, 0, 1, 1);

  for (guint c = 0; c < SP_TEAM_DAY_GRID_N_COLUMNS; c++)
    {
      label = gtk_label_new (column_title (c));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_label_set_xalign (GTK_LABEL (label), 1.0f);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (self->grid, label, c + 1, 0, 1, 1);
    }

  label = gtk_label_new (_("This Month"));
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_grid_attach (self->grid, label, SP_TEAM_DAY_GRID_N_COLUMNS + 1, 0, 1, 1);
}

static void
clear_rows (SpTeamDayGrid *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->rows, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static char *
cell_text (SpTeamDayGrid         *self,
           const SpWorklogDayRow *day_row,
           SpWorklogField         field)
{
  gint64 value = day_row->entry.values[field];

  if (!day_row->exists && value == 0)
    return g_strdup ("");
  if (sp_worklog_field_get_kind (field) == SP_WORKLOG_KIND_MONEY)
    {
      SpPreferences *preferences = sp_workspace_get_preferences (self->workspace);

      return sp_money_format (value, sp_preferences_get_currency (preferences),
                              SP_MONEY_FORMAT_NO_SYMBOL);
    }
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Which activities of @rep_id run below the required daily rate from the first of the month
 * to the day, as a mask, and a sentence saying so. */
static guint
below_required (SpTeamDayGrid  *self,
                gint64          rep_id,
                guint           n_active,
                char          **sentence)
{
  g_autoptr(SpCalendar) calendar =
    sp_preferences_dup_calendar (sp_workspace_get_preferences (self->workspace));
  SpRepWorkload workload;
  SpWorkload required;
  GDate first, last;
  guint below = 0;
  g_autoptr(GString) names = g_string_new (NULL);

  *sentence = NULL;
  sp_rep_workload_month_of (calendar, &self->day, &first, &last);
  if (!sp_rep_workload_init (&workload, sp_workspace_get_preferences (self->workspace), rep_id,
                             n_active, &first, &last, &self->today, NULL)
      || !workload.has_plan
      || !sp_workload_compute (&workload.input, &required, NULL)
      || !sp_worklog_below_required (sp_workspace_get_store (self->workspace), rep_id,
                                     &first, &self->day, required.per_day, &below, NULL, NULL))
    return 0;

  for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
    {
      if (!(below & SP_WORKLOG_STAGE_BIT (s)))
        continue;
      if (names->len > 0)
        /* Translators: separates activity names in a list */
        g_string_append (names, _(", "));
      g_string_append (names, sp_workload_stage_get_name (s));
    }
  if (below != 0)
    /* Translators: %s lists activities, "Prospecting, Closing" */
    *sentence = g_strdup_printf (_("Below the required rate: %s"), names->str);
  return below;
}

static void
update_flag (SpTeamDayGrid *self,
             Row           *row,
             guint          n_active)
{
  g_autofree char *sentence = NULL;
  guint below = below_required (self, row->rep_id, n_active, &sentence);
  guint n_below = 0;

  for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
    {
      gboolean is_below = (below & SP_WORKLOG_STAGE_BIT (s)) != 0;

      n_below += is_below;
      if (is_below)
        gtk_widget_add_css_class (row->cells[s]->entry, "sp-below-rate");
      else
        gtk_widget_remove_css_class (row->cells[s]->entry, "sp-below-rate");
    }

  if (n_below > 0)
    {
      /* Translators: how many activities run below the required rate, "3 below" */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u below", "%u below", n_below),
                                               n_below);

      gtk_label_set_label (GTK_LABEL (row->flag), text);
      gtk_widget_add_css_class (row->flag, "warning");
      gtk_widget_remove_css_class (row->flag, "dim-label");
    }
  else
    {
      gtk_label_set_label (GTK_LABEL (row->flag), _("On track"));
      gtk_widget_remove_css_class (row->flag, "warning");
      gtk_widget_add_css_class (row->flag, "dim-label");
    }
  gtk_widget_set_tooltip_text (row->flag, sentence);
}

static gboolean
same_reps (SpTeamDayGrid *self,
           GArray        *day_rows)
{
  if (day_rows->len != self->rows->len)
    return FALSE;
  for (guint i = 0; i < day_rows->len; i++)
    {
      Row *row = g_ptr_array_index (self->rows, i);

      if (row->rep_id != g_array_index (day_rows, SpWorklogDayRow, i).rep_id)
        return FALSE;
    }
  return TRUE;
}

void
sp_team_day_grid_reload (SpTeamDayGrid *self)
{
  g_autoptr(GArray) day_rows = NULL;
  g_autoptr(GError) error = NULL;
  gboolean rebuilt;
  guint n_active;

  g_return_if_fail (SP_IS_TEAM_DAY_GRID (self));

  if (self->workspace == NULL || !g_date_valid (&self->day))
    {
      clear_rows (self);
      return;
    }

  day_rows = sp_worklog_list_day (sp_workspace_get_store (self->workspace), &self->day, 0,
                                  &error);
  if (day_rows == NULL)
    {
      clear_rows (self);
      show_message (self, error->message);
      return;
    }

  /* Rebuilding would drop the focus the manager is typing in: update in place. */
  rebuilt = !same_reps (self, day_rows);
  if (rebuilt)
    {
      clear_rows (self);
      create_header (self);
      for (guint i = 0; i < day_rows->len; i++)
        {
          SpWorklogDayRow *day_row = &g_array_index (day_rows, SpWorklogDayRow, i);
          Row *row = g_new0 (Row, 1);
          GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          GtkWidget *region = gtk_label_new (day_row->region_name ? day_row->region_name : "");

          row->rep_id = day_row->rep_id;
          row->name = gtk_label_new (day_row->rep_name);
          gtk_label_set_xalign (GTK_LABEL (row->name), 0.0f);
          gtk_label_set_xalign (GTK_LABEL (region), 0.0f);
          gtk_widget_add_css_class (region, "caption");
          gtk_widget_add_css_class (region, "dim-label");
          gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
          gtk_box_append (GTK_BOX (box), row->name);
          gtk_box_append (GTK_BOX (box), region);
          gtk_grid_attach (self->grid, box, 0, i + 1, 1, 1);
          for (guint c = 0; c < SP_TEAM_DAY_GRID_N_COLUMNS; c++)
            row->cells[c] = create_cell (self, i, c, day_row->rep_name);
          row->flag = gtk_label_new (NULL);
          gtk_label_set_xalign (GTK_LABEL (row->flag), 0.0f);
          gtk_grid_attach (self->grid, row->flag, SP_TEAM_DAY_GRID_N_COLUMNS + 1, i + 1, 1, 1);
          g_ptr_array_add (self->rows, row);
        }
    }

  n_active = sp_rep_workload_count_active (sp_workspace_get_store (self->workspace), NULL);
  self->loading = TRUE;
  for (guint i = 0; i < day_rows->len; i++)
    {
      SpWorklogDayRow *day_row = &g_array_index (day_rows, SpWorklogDayRow, i);
      Row *row = g_ptr_array_index (self->rows, i);

      for (guint c = 0; c < SP_TEAM_DAY_GRID_N_COLUMNS; c++)
        {
          Cell *cell = row->cells[c];
          g_autofree char *text = cell_text (self, day_row, grid_fields[c]);

          if (cell->refused || (gtk_widget_has_focus (cell->entry) && cell_is_dirty (cell)))
            continue;
          if (g_strcmp0 (text, cell->loaded) == 0)
            continue;
          g_free (cell->loaded);
          cell->loaded = g_strdup (text);
          gtk_editable_set_text (GTK_EDITABLE (cell->entry), text);
        }
      if (rebuilt || self->saving_row < 0 || (guint) self->saving_row == i)
        update_flag (self, row, n_active);
    }
  self->loading = FALSE;
}

void
sp_team_day_grid_set_day (SpTeamDayGrid *self,
                          SpWorkspace   *workspace,
                          const GDate   *day,
                          const GDate   *today)
{
  gboolean same;

  g_return_if_fail (SP_IS_TEAM_DAY_GRID (self));

  same = self->workspace == workspace && g_date_valid (&self->day)
         && g_date_compare (&self->day, day) == 0;
  if (!same)
    {
      /* What was typed belongs to the day shown so far. */
      for (guint i = 0; i < self->rows->len; i++)
        for (guint c = 0; c < SP_TEAM_DAY_GRID_N_COLUMNS; c++)
          save_cell (((Row *) g_ptr_array_index (self->rows, i))->cells[c]);
      show_message (self, NULL);
      clear_rows (self);
    }

  g_set_object (&self->workspace, workspace);
  self->day = *day;
  self->today = *today;
  sp_team_day_grid_reload (self);
}

static void
sp_team_day_grid_dispose (GObject *object)
{
  SpTeamDayGrid *self = SP_TEAM_DAY_GRID (object);
  GtkWidget *child;

  g_clear_object (&self->workspace);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (sp_team_day_grid_parent_class)->dispose (object);
}

static void
sp_team_day_grid_class_init (SpTeamDayGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_team_day_grid_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sp-team-day-grid");
}

static void
sp_team_day_grid_init (SpTeamDayGrid *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *hint, *scroller;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
  g_date_clear (&self->day, 1);
  g_date_clear (&self->today, 1);
  self->saving_row = -1;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  hint = gtk_label_new (_("Type each rep’s numbers: Tab or Enter moves along the row, Up and "
                          "Down move between reps, and every cell is saved as you leave it."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0.0f);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_parent (hint, GTK_WIDGET (self));

  self->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message, TRUE);
  gtk_label_set_xalign (self->message, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->message), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->message), GTK_WIDGET (self));

  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->grid, 6);
  gtk_grid_set_column_spacing (self->grid, 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "sp-form-card");
  /* On a narrow screen (or the projector's large text) the table scrolls sideways; the rest
   * of the page still fits. */
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->grid));
  gtk_widget_add_css_class (scroller, "card");
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

GtkWidget *
sp_team_day_grid_new (void)
{
  return g_object_new (SP_TYPE_TEAM_DAY_GRID, NULL);
}

GtkWidget *
sp_team_day_grid_get_cell (SpTeamDayGrid *self,
                           guint          row,
                           guint          column)
{
  Cell *cell;

  g_return_val_if_fail (SP_IS_TEAM_DAY_GRID (self), NULL);

  cell = cell_at (self, row, column);
  return cell ? cell->entry : NULL;
}

guint
sp_team_day_grid_get_n_rows (SpTeamDayGrid *self)
{
  g_return_val_if_fail (SP_IS_TEAM_DAY_GRID (self), 0);

  return self->rows->len;
}

void
sp_team_day_grid_focus_first (SpTeamDayGrid *self)
{
  g_return_if_fail (SP_IS_TEAM_DAY_GRID (self));

  focus_cell (self, 0, 0);
}
