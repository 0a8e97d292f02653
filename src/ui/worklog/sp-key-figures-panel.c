/* sp-key-figures-panel.c — the four key management figures (四项重点管理) per rep, region and
 * team for this week, month or quarter, each beside the period before and its change, and
 * the activities a rep does less often than the plan requires
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-key-figures-panel"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-display.h"
#include "sp-key-figures-panel.h"
#include "sp-rep-workload.h"

typedef struct
{
  gint64    rep_id;
  gint64    region_id;
  GtkLabel *cells[SP_KEY_FIGURES_N_COLUMNS];
} Row;

struct _SpKeyFiguresPanel
{
  SpPage              parent_instance;

  SpKeyFiguresPeriod  period;
  GDate               today;
  GDate               from;
  GDate               to;
  int                 next_y;    /* the table's next free row */
  GArray             *rows;      /* Row */

  GtkWidget          *scroller;
  GtkLabel           *heading;
  GtkLabel           *subtitle;
  GtkDropDown        *period_dropdown;
  GtkGrid            *table;
  GtkLabel           *footnote;
};

G_DEFINE_FINAL_TYPE (SpKeyFiguresPanel, sp_key_figures_panel, SP_TYPE_PAGE)

/* "▲20.0%" / "▼5.0%" / "±0.0%" from sp_display_change()'s "+20.0%"; NULL without a base. */
static char *
change_text (gint64 value,
             gint64 base)
{
  g_autofree char *change = sp_display_change (value, base);

  if (change == NULL)
    return NULL;
  if (value > base)
    return g_strconcat ("▲", change[0] == '+' ? change + 1 : change, NULL);
  if (value < base)
    return g_strconcat ("▼", change[0] == '-' ? change + 1 : change, NULL);
  return g_strconcat ("±", change[0] == '+' || change[0] == '-' ? change + 1 : change, NULL);
}

static char *
count_cell (gint64 current,
            gint64 previous)
{
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, current);
  g_autofree char *before = g_strdup_printf ("%" G_GINT64_FORMAT, previous);
  g_autofree char *change = change_text (current, previous);

  if (change == NULL)
    /* Translators: a key figure and, on a second line in brackets, the same figure in the
     * period before, "12\n(0)" */
    return g_strdup_printf (_("%s\n(%s)"), now, before);
  /* Translators: a key figure and, on a second line, the same figure in the period before
   * and the change, "12\n(10, ▲20.0%)" */
  return g_strdup_printf (_("%s\n(%s, %s)"), now, before, change);
}

static char *
rate_text (SpRate rate)
{
  gint64 bp = sp_rate_to_basis_points (rate);

  if (rate.den == 0)
    /* Translators: no conversion efficiency: nothing was prospected */
    return g_strdup (C_("conversion", "—"));
  /* Translators: a conversion efficiency in percent, "25.0%" */
  return g_strdup_printf (_("%.1f%%"), (double) bp / 100.0);
}

static char *
rate_cell (SpRate current,
           SpRate previous)
{
  g_autofree char *now = rate_text (current);
  g_autofree char *before = rate_text (previous);
  g_autofree char *points = NULL;
  g_autofree char *change = NULL;
  gint64 diff;

  if (current.den == 0 || previous.den == 0)
    return g_strdup_printf (_("%s\n(%s)"), now, before);

  diff = sp_rate_to_basis_points (current) - sp_rate_to_basis_points (previous);
  points = g_strdup_printf ("%s%.1f", diff > 0 ? "▲" : diff < 0 ? "▼" : "±",
                            (double) ABS (diff) / 100.0);
  /* Translators: a change of a rate in percentage points, "▲5.0 pts" */
  change = g_strdup_printf (_("%s pts"), points);
  return g_strdup_printf (_("%s\n(%s, %s)"), now, before, change);
}

static GtkLabel *
add_label (SpKeyFiguresPanel *self,
           const char        *text,
           int                column,
           int                row,
           float              xalign,
           const char        *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_justify (GTK_LABEL (label), xalign > 0.5f ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "sp-key-figures-cell");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_grid_attach (self->table, label, column, row, 1, 1);
  return GTK_LABEL (label);
}

/* A rule across the table above a region's or the team's row. */
static void
add_rule (SpKeyFiguresPanel *self)
{
  GtkWidget *rule = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

  gtk_grid_attach (self->table, rule, 0, self->next_y++, SP_KEY_FIGURES_N_COLUMNS + 1, 1);
}

static void
clear_table (SpKeyFiguresPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  g_array_set_size (self->rows, 0);
  self->next_y = 0;
}

static const char *
column_title (guint column)
{
  switch (column)
    {
    case SP_KEY_FIGURES_COLUMN_NEW_CUSTOMERS:
      return _("Customer Development");
    case SP_KEY_FIGURES_COLUMN_CONVERSION:
      return _("Conversion Efficiency");
    case SP_KEY_FIGURES_COLUMN_ORDERS:
      return _("Orders");
    case SP_KEY_FIGURES_COLUMN_REPEAT_PURCHASES:
      return _("Repeat Purchases");
    default:
      return _("Below Required Rate");
    }
}

static void
add_header (SpKeyFiguresPanel *self)
{
  GtkLabel *label = add_label (self, _("Sales Rep"), 0, 0, 0.0f, "sp-key-figures-header");

  self->next_y = 1;

  gtk_widget_add_css_class (GTK_WIDGET (label), "heading");
  for (guint c = 0; c < SP_KEY_FIGURES_N_COLUMNS; c++)
    {
      label = add_label (self, column_title (c), c + 1, 0,
                         c == SP_KEY_FIGURES_COLUMN_BELOW_RATE ? 0.0f : 1.0f,
                         "sp-key-figures-header");
      gtk_widget_add_css_class (GTK_WIDGET (label), "heading");
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_max_width_chars (label, 12);
      gtk_label_set_justify (label, c == SP_KEY_FIGURES_COLUMN_BELOW_RATE
                                      ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (GTK_WIDGET (label), GTK_ALIGN_END);
      /* The flags take what width the heading leaves: fewer lines. */
      gtk_widget_set_hexpand (GTK_WIDGET (label), c == SP_KEY_FIGURES_COLUMN_BELOW_RATE);
      if (c == SP_KEY_FIGURES_COLUMN_BELOW_RATE)
        gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                                     _("Activities done less often per working day than the "
                                       "plan’s target requires of the rep"));
    }
}

/* A row of figures: a rep's (indented), a region's subtotal or the team's total. */
static gboolean
add_row (SpKeyFiguresPanel *self,
         const char        *name,
         gint64             rep_id,
         gint64             region_id,
         const char        *css_class,
         GError           **error)
{
  SpStore *store = sp_page_get_store (SP_PAGE (self));
  SpWorklogKeyFigures now, before;
  Row row = { rep_id, region_id, { NULL } };
  int y;
  g_autofree char *new_customers = NULL;
  g_autofree char *conversion = NULL;
  g_autofree char *orders = NULL;
  g_autofree char *repeat = NULL;
  GtkLabel *name_label;

  if (!sp_worklog_key_figures (store, rep_id, region_id, &self->from, &self->to, &now, &before,
                               error))
    return FALSE;

  if (rep_id == 0)
    add_rule (self);
  y = self->next_y++;
  new_customers = count_cell (now.new_customers, before.new_customers);
  conversion = rate_cell (now.conversion, before.conversion);
  orders = count_cell (now.orders, before.orders);
  repeat = count_cell (now.repeat_purchases, before.repeat_purchases);

  name_label = add_label (self, name, 0, y, 0.0f, css_class);
  gtk_label_set_ellipsize (name_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (name_label, 18);
  if (rep_id != 0)
    gtk_widget_set_margin_start (GTK_WIDGET (name_label), 12);
  row.cells[SP_KEY_FIGURES_COLUMN_NEW_CUSTOMERS] = add_label (self, new_customers, 1, y, 1.0f,
                                                              css_class);
  row.cells[SP_KEY_FIGURES_COLUMN_CONVERSION] = add_label (self, conversion, 2, y, 1.0f,
                                                           css_class);
  row.cells[SP_KEY_FIGURES_COLUMN_ORDERS] = add_label (self, orders, 3, y, 1.0f, css_class);
  row.cells[SP_KEY_FIGURES_COLUMN_REPEAT_PURCHASES] = add_label (self, repeat, 4, y, 1.0f,
                                                                 css_class);
  row.cells[SP_KEY_FIGURES_COLUMN_BELOW_RATE] = add_label (self, "", 5, y, 0.0f, css_class);
  gtk_label_set_wrap (row.cells[SP_KEY_FIGURES_COLUMN_BELOW_RATE], TRUE);
  gtk_label_set_max_width_chars (row.cells[SP_KEY_FIGURES_COLUMN_BELOW_RATE], 18);
  for (guint c = 0; c < SP_KEY_FIGURES_N_COLUMNS - 1; c++)
    gtk_widget_add_css_class (GTK_WIDGET (row.cells[c]), "numeric");
  g_array_append_val (self->rows, row);
  return TRUE;
}

/* The activities rep @rep_id does less often per working day, from the period's start up
 * to today, than the workload formula requires of them: names joined, "" when none, NULL
 * when nothing is required (no plan, too little history). */
static char *
below_rate_text (SpKeyFiguresPanel *self,
                 gint64             rep_id,
                 guint              n_active)
{
  SpStore *store = sp_page_get_store (SP_PAGE (self));
  g_autoptr(GError) error = NULL;
  SpRepWorkload workload;
  SpWorkload required = { 0 };
  GDate to = self->to;
  guint below = 0;

  if (g_date_compare (&self->today, &to) < 0)
    to = self->today;
  if (g_date_compare (&to, &self->from) < 0)
    return NULL;
  if (!sp_rep_workload_init (&workload, sp_page_get_preferences (SP_PAGE (self)), rep_id,
                             n_active, &self->from, &self->to, &self->today, &error)
      || !workload.has_plan
      || !sp_workload_compute (&workload.input, &required, NULL))
    return NULL;
  if (!sp_worklog_below_required (store, rep_id, &self->from, &to, required.per_day, &below,
                                  NULL, &error))
    {
      g_warning ("Cannot check the activity rates: %s", error->message);
      return NULL;
    }

  return sp_key_figures_panel_below_text (below);
}

/* Short names of the activities, for the table's narrow flag column. */
static const char *
stage_short_name (SpWorkloadStage stage)
{
  switch ((int) stage)
    {
    case 0:
      /* Translators: short for the activity "Prospecting" (准客户开发) */
      return _("Prospects");
    case 1:
      /* Translators: short for "Appointments and contacts" (客户邀约与接洽) */
      return _("Appointments");
    case 2:
      /* Translators: short for "Product presentations" (产品(服务)说明) */
      return _("Presentations");
    case 3:
      /* Translators: short for "Objection handling" (销售异议处理) */
      return _("Objections");
    default:
      /* Translators: short for "Closing" (促成) */
      return _("Closes");
    }
}

char *
sp_key_figures_panel_below_text (guint below)
{
  GString *text = g_string_new (NULL);
  guint all = 0;

  for (guint stage = 0; stage < SP_WORKLOAD_N_STAGES; stage++)
    all |= SP_WORKLOG_STAGE_BIT (stage);
  if ((below & all) == all)
    return g_strdup (_("All five activities"));

  for (guint stage = 0; stage < SP_WORKLOAD_N_STAGES; stage++)
    {
      if ((below & SP_WORKLOG_STAGE_BIT (stage)) == 0)
        continue;
      if (text->len > 0)
        /* Translators: between the names of activities below the required rate */
        g_string_append (text, _(", "));
      g_string_append (text, stage_short_name (stage));
    }
  return g_string_free (text, FALSE);
}

static void
compute_range (SpKeyFiguresPanel *self)
{
  g_autoptr(SpCalendar) calendar =
    sp_preferences_dup_calendar (sp_page_get_preferences (SP_PAGE (self)));

  switch (self->period)
    {
    case SP_KEY_FIGURES_PERIOD_WEEK:
      sp_calendar_week_start_of (calendar, &self->today, &self->from);
      self->to = self->from;
      g_date_add_days (&self->to, 6);
      break;

    case SP_KEY_FIGURES_PERIOD_MONTH:
      sp_rep_workload_month_of (calendar, &self->today, &self->from, &self->to);
      break;

    case SP_KEY_FIGURES_PERIOD_QUARTER:
    default:
      sp_calendar_quarter_range (calendar, sp_calendar_fiscal_year_of (calendar, &self->today),
                                 sp_calendar_quarter_of_month (
                                   sp_calendar_fiscal_month_index (calendar, &self->today)),
                                 &self->from, &self->to);
      break;
    }
}

static char *
range_text (const GDate *from,
            const GDate *to)
{
  g_autofree char *first = sp_display_date (from);
  g_autofree char *last = sp_display_date (to);

  /* Translators: a period, "1 Sep 2026 – 30 Sep 2026" */
  return g_strdup_printf (_("%s – %s"), first, last);
}

static void
update_texts (SpKeyFiguresPanel *self)
{
  g_autofree char *range = range_text (&self->from, &self->to);
  g_autofree char *heading = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *footnote = NULL;
  g_autofree char *today = sp_display_date (&self->today);
  GDate prev_from, prev_to;

  sp_worklog_previous_period (&self->from, &self->to, &prev_from, &prev_to);
  previous = range_text (&prev_from, &prev_to);
  /* Translators: the heading of the key figures, with the period shown */
  heading = g_strdup_printf (_("Key Figures · %s"), range);
  /* Translators: %s is the period before, "1 Aug 2026 – 31 Aug 2026" */
  subtitle = g_strdup_printf (_("Each figure is followed, in brackets, by the period before "
                                "(%s) and the change."), previous);
  /* Translators: %s is a day, "14 Sep 2026" */
  footnote = g_strdup_printf (_("Conversion efficiency is closes divided by prospects. An "
                                "activity is below the required rate when its average per "
                                "working day up to %s is under what the plan’s target asks of "
                                "the rep (see Workload); “—” means nothing is required yet."),
                              today);
  gtk_label_set_label (self->heading, heading);
  gtk_label_set_label (self->subtitle, subtitle);
  gtk_label_set_label (self->footnote, footnote);
}

static gboolean
fill_table (SpKeyFiguresPanel  *self,
            GError            **error)
{
  SpStore *store = sp_page_get_store (SP_PAGE (self));
  g_autoptr(GListModel) reps = sp_rep_list (store, 0, error);
  guint n_active;
  gint64 region_id = -1;

  if (reps == NULL)
    return FALSE;
  n_active = sp_rep_workload_count_active (store, NULL);

  add_header (self);
  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      gint64 rep_id = sp_rep_get_id (rep);
      g_autofree char *below = NULL;
      Row *row;

      if (!sp_rep_get_active (rep))
        {
          SpWorklogKeyFigures now, before;

          /* A rep who left shows only while their figures are still in view. */
          if (!sp_worklog_key_figures (store, rep_id, 0, &self->from, &self->to, &now, &before,
                                       error))
            return FALSE;
          if (now.new_customers == 0 && now.orders == 0 && now.repeat_purchases == 0
              && now.conversion.den == 0 && before.new_customers == 0 && before.orders == 0
              && before.repeat_purchases == 0 && before.conversion.den == 0)
            continue;
        }

      if (sp_rep_get_region_id (rep) != region_id)
        {
          region_id = sp_rep_get_region_id (rep);
          if (region_id != 0)
            {
              if (!add_row (self, sp_rep_get_region_name (rep), 0, region_id,
                            "sp-key-figures-region", error))
                return FALSE;
            }
          else
            {
              add_rule (self);
              add_label (self, _("No Region"), 0, self->next_y++, 0.0f, "sp-key-figures-region");
            }
        }

      if (!add_row (self, sp_rep_get_name (rep), rep_id, region_id, NULL, error))
        return FALSE;
      row = &g_array_index (self->rows, Row, self->rows->len - 1);
      below = below_rate_text (self, rep_id, n_active);
      gtk_label_set_label (row->cells[SP_KEY_FIGURES_COLUMN_BELOW_RATE],
                           below != NULL ? below : C_("below rate", "—"));
      if (below != NULL && below[0] != '\0')
        gtk_widget_add_css_class (GTK_WIDGET (row->cells[SP_KEY_FIGURES_COLUMN_BELOW_RATE]),
                                  "sp-below-rate");
      else
        gtk_widget_add_css_class (GTK_WIDGET (row->cells[SP_KEY_FIGURES_COLUMN_BELOW_RATE]),
                                  "dim-label");
    }

  return add_row (self, _("Team"), 0, 0, "sp-key-figures-total", error);
}

static void
sp_key_figures_panel_refresh (SpPage *page)
{
  SpKeyFiguresPanel *self = SP_KEY_FIGURES_PANEL (page);
  g_autoptr(GError) error = NULL;

  clear_table (self);
  compute_range (self);
  update_texts (self);
  if (!fill_table (self, &error))
    {
      clear_table (self);
      gtk_label_set_label (self->subtitle, error->message);
    }
}

static void
period_selected_cb (SpKeyFiguresPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  if (selected <= SP_KEY_FIGURES_PERIOD_QUARTER)
    sp_key_figures_panel_set_period (self, (SpKeyFiguresPeriod) selected);
}

static void
sp_key_figures_panel_dispose (GObject *object)
{
  SpKeyFiguresPanel *self = SP_KEY_FIGURES_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_KEY_FIGURES_PANEL);
  g_clear_pointer (&self->rows, g_array_unref);

  G_OBJECT_CLASS (sp_key_figures_panel_parent_class)->dispose (object);
}

static void
sp_key_figures_panel_class_init (SpKeyFiguresPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_key_figures_panel_dispose;
  SP_PAGE_CLASS (klass)->refresh = sp_key_figures_panel_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sp-key-figures-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, SpKeyFiguresPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, SpKeyFiguresPanel, heading);
  gtk_widget_class_bind_template_child (widget_class, SpKeyFiguresPanel, subtitle);
  gtk_widget_class_bind_template_child (widget_class, SpKeyFiguresPanel, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpKeyFiguresPanel, table);
  gtk_widget_class_bind_template_child (widget_class, SpKeyFiguresPanel, footnote);
  gtk_widget_class_bind_template_callback (widget_class, period_selected_cb);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_key_figures_panel_init (SpKeyFiguresPanel *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->period = SP_KEY_FIGURES_PERIOD_MONTH;
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));
  g_date_clear (&self->from, 1);
  g_date_clear (&self->to, 1);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_selected (self->period_dropdown, self->period);
}

GtkWidget *
sp_key_figures_panel_new (void)
{
  return g_object_new (SP_TYPE_KEY_FIGURES_PANEL, NULL);
}

void
sp_key_figures_panel_set_today (SpKeyFiguresPanel *self,
                                const GDate       *today)
{
  g_return_if_fail (SP_IS_KEY_FIGURES_PANEL (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  sp_page_queue_refresh (SP_PAGE (self));
}

SpKeyFiguresPeriod
sp_key_figures_panel_get_period (SpKeyFiguresPanel *self)
{
  g_return_val_if_fail (SP_IS_KEY_FIGURES_PANEL (self), SP_KEY_FIGURES_PERIOD_MONTH);

  return self->period;
}

void
sp_key_figures_panel_set_period (SpKeyFiguresPanel  *self,
                                 SpKeyFiguresPeriod  period)
{
  g_return_if_fail (SP_IS_KEY_FIGURES_PANEL (self));
  g_return_if_fail (period <= SP_KEY_FIGURES_PERIOD_QUARTER);

  if (self->period == period)
    return;
  self->period = period;
  gtk_drop_down_set_selected (self->period_dropdown, period);
  sp_page_queue_refresh (SP_PAGE (self));
}

void
sp_key_figures_panel_get_range (SpKeyFiguresPanel *self,
                                GDate             *from,
                                GDate             *to)
{
  g_return_if_fail (SP_IS_KEY_FIGURES_PANEL (self));

  *from = self->from;
  *to = self->to;
}

const char *
sp_key_figures_panel_get_cell_text (SpKeyFiguresPanel  *self,
                                    gint64              rep_id,
                                    gint64              region_id,
                                    SpKeyFiguresColumn  column)
{
  g_return_val_if_fail (SP_IS_KEY_FIGURES_PANEL (self), NULL);
  g_return_val_if_fail (column < SP_KEY_FIGURES_N_COLUMNS, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);

      if (row->cells[column] == NULL)
        continue;
      if (rep_id != 0 ? row->rep_id == rep_id
                      : row->rep_id == 0 && row->region_id == region_id)
        return gtk_label_get_label (row->cells[column]);
    }
  return NULL;
}
