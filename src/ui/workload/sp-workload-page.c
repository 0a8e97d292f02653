/* sp-workload-page.c — the Workload view: for a period, each rep's (and the team's) target,
 * order value and conversion rates from history, the activity the formula requires beside
 * what the log shows, and a what-if panel that recomputes as you type (nothing is written)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "sp-workload-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "sp-model.h"

#include "sp-display.h"
#include "sp-rep-workload.h"
#include "sp-workload-page-private.h"

G_DEFINE_FINAL_TYPE (SpWorkloadPage, sp_workload_page, SP_TYPE_PAGE)

const char * const _sp_workload_page_rate_names[SP_WORKLOAD_N_RATES] = {
  N_("Prospect → appointment"),
  N_("Appointment → presentation"),
  N_("Presentation → objection handled"),
  N_("Objection handled → close"),
};

GtkWidget *
_sp_workload_page_create_label (const char *text,
              float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  return label;
}

static char *
format_money (SpWorkloadPage *self,
              gint64          amount)
{
  SpPreferences *preferences = sp_page_get_preferences (SP_PAGE (self));

  return sp_money_format (amount, sp_preferences_get_currency (preferences),
                          SP_MONEY_FORMAT_DEFAULT);
}

static char *
format_rate (SpRate rate)
{
  gint64 bp = sp_rate_to_basis_points (rate);

  if (rate.den == 0)
    return g_strdup ("—");
  /* Translators: a conversion rate in percent, "30.8%" */
  return g_strdup_printf (_("%.1f%%"), bp / 100.0);
}

void
_sp_workload_page_period_range (SpWorkloadPage *self,
              SpCalendar     *calendar,
              GDate          *first,
              GDate          *last)
{
  int year = sp_calendar_fiscal_year_of (calendar, &self->today);
  guint month = sp_calendar_fiscal_month_index (calendar, &self->today);

  switch (gtk_drop_down_get_selected (self->period_dropdown))
    {
    case SP_WORKLOAD_PAGE_QUARTER:
      sp_calendar_quarter_range (calendar, year, sp_calendar_quarter_of_month (month), first,
                                 last);
      break;
    case SP_WORKLOAD_PAGE_YEAR:
      sp_calendar_fiscal_year_range (calendar, year, first, last);
      break;
    case SP_WORKLOAD_PAGE_MONTH:
    default:
      sp_calendar_month_range (calendar, year, month, first, last);
      break;
    }
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
add_header (SpWorkloadPage *self)
{
  const char *titles[] = { _("Sales Rep"), _("Target") };
  guint column = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++, column++)
    {
      GtkWidget *label = _sp_workload_page_create_label (titles[i], i == 1 ? 1.0f : 0.0f);

      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (self->table, label, column, 0, 1, 1);
    }
  for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++, column++)
    {
      GtkWidget *label = _sp_workload_page_create_label (sp_workload_stage_get_name (s), 1.0f);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 9);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_RIGHT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_grid_attach (self->table, label, column, 0, 1, 1);
    }
}

/* Required a day, in the period, and what the log shows a working day so far. */
static GtkWidget *
create_activity_cell (gint64  per_day,
                      gint64  count,
                      double  actual,
                      gboolean have_actual)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *day_count = g_strdup_printf ("%" G_GINT64_FORMAT, per_day);
  g_autofree char *period_count = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  g_autofree char *day_text = NULL;
  g_autofree char *period_text = NULL;
  GtkWidget *label;

  /* Translators: required count per working day, "18/day" */
  day_text = g_strdup_printf (_("%s/day"), day_count);
  label = _sp_workload_page_create_label (day_text, 1.0f);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  /* Translators: required count over the whole period, "396 in all" */
  period_text = g_strdup_printf (_("%s in all"), period_count);
  label = _sp_workload_page_create_label (period_text, 1.0f);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), label);

  if (have_actual)
    {
      double gap = actual - (double) per_day;
      /* Translators: what the log shows per working day so far, "done 12.4" */
      g_autofree char *text = g_strdup_printf (_("done %.1f"), actual);
      /* Translators: the gap between what the log shows and what is required per working
       * day, "−5.6 a day against the requirement" */
      g_autofree char *tip = g_strdup_printf (_("%+.1f a day against the requirement"), gap);

      label = _sp_workload_page_create_label (text, 1.0f);
      gtk_widget_set_tooltip_text (label, tip);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, gap < 0 ? "warning" : "success");
      gtk_box_append (GTK_BOX (box), label);
    }

  return box;
}

/* A rep's (or, for @rep_id 0, the team's) row from @workload; @actual is what the log shows
 * over @actual_days working days so far (none when 0). */
static void
add_row (SpWorkloadPage          *self,
         int                      row,
         gint64                   rep_id,
         const char              *name,
         const SpRepWorkload     *workload_in,
         const SpWorklogSummary  *actual,
         guint                    actual_days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) rates = g_string_new (NULL);
  g_autofree char *target = NULL;
  g_autofree char *aov = NULL;
  SpRepWorkload workload = *workload_in;
  SpWorkload required;
  GtkWidget *label;

  label = _sp_workload_page_create_label (name, 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  if (rep_id == 0)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (self->table, label, 0, row, 1, 1);

  target = format_money (self, workload.input.target);
  aov = workload.input.avg_order_value > 0 ? format_money (self, workload.input.avg_order_value)
                                           : g_strdup ("—");
  for (guint i = 0; i < SP_WORKLOAD_N_RATES; i++)
    {
      g_autofree char *rate = format_rate (workload.input.rates[i]);

      /* Two lines of two: the cell stays narrow enough for 1024 pixels. */
      if (i > 0)
        g_string_append (rates, i == 2 ? "\n" : " · ");
      g_string_append (rates, rate);
    }

  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    /* Translators: under a rep's target, their average order value, "avg. order ¥13,975" */
    g_autofree char *aov_text = g_strdup_printf (_("avg. order %s"), aov);
    /* Translators: under a rep's target, the four conversion rates on two lines,
     * "rates 48.0% · 67.3%\n69.7% · 34.8%" */
    g_autofree char *rates_text = g_strdup_printf (_("rates %s"), rates->str);
    GtkWidget *note;

    gtk_box_append (GTK_BOX (box), _sp_workload_page_create_label (target, 1.0f));
    note = _sp_workload_page_create_label (aov_text, 1.0f);
    gtk_widget_add_css_class (note, "caption");
    gtk_widget_add_css_class (note, "dim-label");
    gtk_box_append (GTK_BOX (box), note);
    note = _sp_workload_page_create_label (rates_text, 1.0f);
    gtk_label_set_justify (GTK_LABEL (note), GTK_JUSTIFY_RIGHT);
    gtk_widget_add_css_class (note, "caption");
    gtk_widget_add_css_class (note, "dim-label");
    gtk_widget_set_tooltip_text (note, _("Conversion rates: prospect → appointment → "
                                         "presentation → objection handled → close"));
    gtk_box_append (GTK_BOX (box), note);
    if (workload.used_team && rep_id != 0)
      {
        g_autofree char *why = sp_workload_describe_too_little_history ();

        note = _sp_workload_page_create_label (_("Team rates"), 1.0f);
        gtk_widget_add_css_class (note, "caption");
        gtk_widget_add_css_class (note, "accent");
        gtk_widget_set_tooltip_text (note, why);
        gtk_box_append (GTK_BOX (box), note);
      }
    gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
    gtk_grid_attach (self->table, box, 1, row, 1, 1);
  }

  if (!workload.has_plan)
    {
      label = _sp_workload_page_create_label (_("No plan for this fiscal year: there is no target to work back "
                              "from."), 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->table, label, 2, row, SP_WORKLOAD_N_STAGES, 1);
      return;
    }
  if (!sp_workload_compute (&workload.input, &required, &error))
    {
      label = _sp_workload_page_create_label (error->message, 0.0f);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
      gtk_widget_add_css_class (label, "warning");
      gtk_grid_attach (self->table, label, 2, row, SP_WORKLOAD_N_STAGES, 1);
      return;
    }

  for (guint s = 0; s < SP_WORKLOAD_N_STAGES; s++)
    gtk_grid_attach (self->table,
                     create_activity_cell (required.per_day[s], required.counts[s],
                                           actual_days ? (double) actual->totals[s] / actual_days
                                                       : 0.0,
                                           actual_days > 0),
                     2 + s, row, 1, 1);
}

/* The rows' data in a fixed number of queries, whatever the number of reps: the workload
 * inputs of every rep and the team, and what the log shows from the first day of the period
 * to today. */
typedef struct
{
  GArray        *ids;        /* gint64: the reps shown, then 0 for the team */
  GPtrArray     *names;      /* parallel to ids */
  SpRepWorkload *workloads;  /* parallel to ids */
  GHashTable    *actuals;    /* rep id → SpWorklogSummary (0: the team) */
  guint          actual_days;
} TableData;

static void
table_data_clear (TableData *data)
{
  g_clear_pointer (&data->ids, g_array_unref);
  g_clear_pointer (&data->names, g_ptr_array_unref);
  g_clear_pointer (&data->workloads, g_free);
  g_clear_pointer (&data->actuals, g_hash_table_unref);
}

static gboolean
load_table_data (SpWorkloadPage  *self,
                 GListModel      *reps,
                 gint64           only,
                 const GDate     *first,
                 const GDate     *last,
                 TableData       *data,
                 GError         **error)
{
  SpStore *store = sp_page_get_store (SP_PAGE (self));
  g_autoptr(SpCalendar) calendar =
    sp_preferences_dup_calendar (sp_page_get_preferences (SP_PAGE (self)));
  g_autoptr(GArray) summaries = NULL;
  SpWorklogSummary *team;
  GDate actual_last;
  guint n_active;
  gint64 zero = 0;

  data->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  data->names = g_ptr_array_new_with_free_func (g_free);
  data->actuals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  n_active = sp_rep_workload_count_active (store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sp_rep_get_id (rep);

      if (!sp_rep_get_active (rep) || (only != 0 && id != only))
        continue;
      g_array_append_val (data->ids, id);
      g_ptr_array_add (data->names, g_strdup (sp_rep_get_name (rep)));
    }
  g_array_append_val (data->ids, zero);
  g_ptr_array_add (data->names, g_strdup (_("Team")));

  data->workloads = g_new0 (SpRepWorkload, data->ids->len);
  if (!sp_rep_workload_init_all (data->workloads, sp_page_get_preferences (SP_PAGE (self)),
                                 (const gint64 *) data->ids->data, data->ids->len, n_active,
                                 first, last, &self->today, error))
    return FALSE;

  /* The log so far: from the first day of the period to today. */
  data->actual_days = 0;
  actual_last = g_date_compare (&self->today, last) < 0 ? self->today : *last;
  if (g_date_compare (first, &actual_last) > 0)
    return TRUE;

  team = g_new0 (SpWorklogSummary, 1);
  g_hash_table_insert (data->actuals, g_memdup2 (&zero, sizeof zero), team);
  if (!sp_worklog_summarize (store, 0, 0, first, &actual_last, team, NULL)
      || !(summaries = sp_worklog_summarize_reps (store, first, &actual_last, FALSE, NULL)))
    return TRUE;

  for (guint i = 0; i < summaries->len; i++)
    {
      const SpWorklogRepSummary *rep = &g_array_index (summaries, SpWorklogRepSummary, i);

      g_hash_table_insert (data->actuals, g_memdup2 (&rep->rep_id, sizeof rep->rep_id),
                           g_memdup2 (&rep->summary, sizeof rep->summary));
    }
  data->actual_days = sp_calendar_count_working_days (calendar, first, &actual_last);
  return TRUE;
}

static void
reload_table (SpWorkloadPage *self)
{
  g_autoptr(SpCalendar) calendar =
    sp_preferences_dup_calendar (sp_page_get_preferences (SP_PAGE (self)));
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *last_text = NULL;
  g_autofree char *heading = NULL;
  guint selected = gtk_drop_down_get_selected (self->rep_dropdown);
  gint64 only = selected < self->rep_ids->len ? g_array_index (self->rep_ids, gint64, selected)
                                              : 0;
  TableData data = { 0 };
  SpWorklogSummary none = { 0 };
  guint working_days;
  GDate first, last;
  int row = 1;

  clear_grid (self->table);
  _sp_workload_page_period_range (self, calendar, &first, &last);
  first_text = sp_display_date (&first);
  last_text = sp_display_date (&last);
  working_days = sp_calendar_count_working_days (calendar, &first, &last);
  /* Translators: "1 Sep 2026 – 30 Sep 2026 · 22 working days" */
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s – %s · %u working day",
                                          "%s – %s · %u working days", working_days),
                             first_text, last_text, working_days);
  gtk_label_set_label (self->heading, heading);
  gtk_label_set_label (self->subtitle,
                       _("Each rep’s target (the breakdown’s, else an equal share of the plan’s), "
                         "worked back through their conversion rates and average order value "
                         "over the last 90 days of the work log (the team’s when a rep has too "
                         "little history). “Done” is what the log shows per working day so far."));

  if (!(reps = sp_rep_list (sp_page_get_store (SP_PAGE (self)), 0, &error)))
    {
      gtk_grid_attach (self->table, _sp_workload_page_create_label (error->message, 0.0f), 0, 0, 1, 1);
      return;
    }
  if (!load_table_data (self, reps, only, &first, &last, &data, &error))
    {
      gtk_grid_attach (self->table, _sp_workload_page_create_label (error->message, 0.0f), 0, 0, 1, 1);
      table_data_clear (&data);
      return;
    }

  add_header (self);
  for (guint i = 0; i < data.ids->len; i++)
    {
      gint64 id = g_array_index (data.ids, gint64, i);
      SpWorklogSummary *actual = g_hash_table_lookup (data.actuals, &id);

      if (id == 0)
        gtk_grid_attach (self->table, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), 0, row++,
                         2 + SP_WORKLOAD_N_STAGES, 1);
      add_row (self, row++, id, g_ptr_array_index (data.names, i), &data.workloads[i],
               actual != NULL ? actual : &none, data.actual_days);
    }
  table_data_clear (&data);
}

static void
reload_reps (SpWorkloadPage *self)
{
  g_autoptr(GListModel) reps = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint selected = gtk_drop_down_get_selected (self->rep_dropdown);
  gint64 selected_id = selected < self->rep_ids->len
                         ? g_array_index (self->rep_ids, gint64, selected) : 0;
  gint64 zero = 0;

  selected = 0;
  g_array_set_size (self->rep_ids, 0);
  g_array_append_val (self->rep_ids, zero);
  g_ptr_array_add (names, g_strdup (_("All Reps")));
  reps = sp_rep_list (sp_page_get_store (SP_PAGE (self)), 0, NULL);
  for (guint i = 0; reps != NULL && i < g_list_model_get_n_items (reps); i++)
    {
      g_autoptr(SpRep) rep = g_list_model_get_item (reps, i);
      gint64 id = sp_rep_get_id (rep);

      if (!sp_rep_get_active (rep))
        continue;
      if (id == selected_id)
        selected = self->rep_ids->len;
      g_array_append_val (self->rep_ids, id);
      g_ptr_array_add (names, g_strdup (sp_rep_get_name (rep)));
    }
  g_ptr_array_add (names, NULL);

  self->loading = TRUE;
  gtk_string_list_splice (self->rep_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->rep_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->rep_dropdown, selected);
  self->loading = FALSE;
}

/* Every work log edit changes the workspace: SpPage refreshes a hidden page when it is
 * shown. */
static void
sp_workload_page_refresh (SpPage *page)
{
  SpWorkloadPage *self = SP_WORKLOAD_PAGE (page);

  reload_reps (self);
  /* Only "All Reps": nobody to work the target back to. */
  if (self->rep_ids->len <= 1)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "content");
  reload_table (self);
  _sp_workload_page_reload_what_if (self);
}

static void
selection_changed_cb (SpWorkloadPage *self)
{
  if (self->loading || sp_page_get_workspace (SP_PAGE (self)) == NULL
      || sp_page_get_dirty (SP_PAGE (self)))
    return;

  reload_table (self);
  _sp_workload_page_reload_what_if (self);
}

static void
reset_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  SpWorkloadPage *self = SP_WORKLOAD_PAGE (widget);

  if (sp_page_get_workspace (SP_PAGE (self)) != NULL)
    _sp_workload_page_fill_what_if (self);
}

static void
sp_workload_page_dispose (GObject *object)
{
  GtkWidget *child;
  SpWorkloadPage *self = SP_WORKLOAD_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SP_TYPE_WORKLOAD_PAGE);
  /* The template's top box has no id: dispose_template() does not unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->rep_names);
  g_clear_pointer (&self->rep_ids, g_array_unref);

  G_OBJECT_CLASS (sp_workload_page_parent_class)->dispose (object);
}

static void
sp_workload_page_class_init (SpWorkloadPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sp_workload_page_dispose;
  SP_PAGE_CLASS (klass)->refresh = sp_workload_page_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/sp-workload-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SpWorkloadPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SpWorkloadPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpWorkloadPage, rep_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SpWorkloadPage, heading);
  gtk_widget_class_bind_template_child (widget_class, SpWorkloadPage, subtitle);
  gtk_widget_class_bind_template_child (widget_class, SpWorkloadPage, table);
  gtk_widget_class_bind_template_child (widget_class, SpWorkloadPage, what_if_inputs);
  gtk_widget_class_bind_template_child (widget_class, SpWorkloadPage, what_if_results);
  gtk_widget_class_bind_template_child (widget_class, SpWorkloadPage, what_if_error);

  gtk_widget_class_install_action (widget_class, "workload.reset", NULL, reset_activated);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sp_workload_page_init (SpWorkloadPage *self)
{
  g_autoptr(GtkExpression) name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                               "string");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rep_names = gtk_string_list_new (NULL);
  self->rep_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drop_down_set_model (self->rep_dropdown, G_LIST_MODEL (self->rep_names));
  /* Typing a name in the open list finds the rep. */
  gtk_drop_down_set_expression (self->rep_dropdown, name);
  g_date_clear (&self->today, 1);
  g_date_set_time_t (&self->today, time (NULL));

  g_signal_connect_object (self->rep_dropdown, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->period_dropdown, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  _sp_workload_page_create_what_if (self);
}

void
sp_workload_page_set_today (SpWorkloadPage *self,
                            const GDate    *today)
{
  g_return_if_fail (SP_IS_WORKLOAD_PAGE (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  sp_page_queue_refresh (SP_PAGE (self));
}

void
sp_workload_page_set_period (SpWorkloadPage       *self,
                             SpWorkloadPagePeriod  period)
{
  g_return_if_fail (SP_IS_WORKLOAD_PAGE (self));

  gtk_drop_down_set_selected (self->period_dropdown, period);
}

void
sp_workload_page_set_rep (SpWorkloadPage *self,
                          gint64          rep_id)
{
  g_return_if_fail (SP_IS_WORKLOAD_PAGE (self));

  for (guint i = 0; i < self->rep_ids->len; i++)
    if (g_array_index (self->rep_ids, gint64, i) == rep_id)
      gtk_drop_down_set_selected (self->rep_dropdown, i);
}

GtkWidget *
sp_workload_page_get_what_if_input (SpWorkloadPage *self,
                                    guint           index)
{
  g_return_val_if_fail (SP_IS_WORKLOAD_PAGE (self), NULL);
  g_return_val_if_fail (index < N_WHAT_IF_INPUTS, NULL);

  return self->inputs[index];
}

const char *
sp_workload_page_get_what_if_result (SpWorkloadPage *self,
                                     guint           stage)
{
  g_return_val_if_fail (SP_IS_WORKLOAD_PAGE (self), NULL);
  g_return_val_if_fail (stage < SP_WORKLOAD_N_STAGES, NULL);

  return gtk_label_get_label (self->results[stage]);
}
